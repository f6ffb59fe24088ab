import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import { enrolSigningKey } from '../../../api/signatures.ts';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { OwnerUploadForm } from './owner-upload-form.tsx';

const FIELDS = ['file', 'password', 'kind', 'agencyId', 'officialId'];

/** Enrols a PKCS#12 file as an official's personal key or an agency's seal (POST /api/signatures/keys). */
export function EnrolKeyForm({
  agencies,
  onEnrolled,
}: {
  agencies: readonly Agency[];
  onEnrolled: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [kind, setKind] = useState<'personal' | 'seal'>('personal');
  const [agencyId, setAgencyId] = useState('');
  const enrol = useAction(enrolSigningKey);
  return (
    <OwnerUploadForm
      id="signatures-enrol"
      title={t('signaturesAdmin.enrolTitle')}
      lead={t('signaturesAdmin.enrolLead')}
      action={enrol}
      fields={FIELDS}
      success={
        enrol.isDone && enrol.result
          ? t('signaturesAdmin.enrolled', {
              name: enrol.result.commonName ?? enrol.result.subject,
              date: formatDate(enrol.result.notAfter, language),
            })
          : null
      }
      owner={{ agencies, agencyId, onAgency: setAgencyId, withOfficial: kind === 'personal' }}
      file={{ accept: '.p12,.pfx,application/x-pkcs12', label: t('signaturesAdmin.file') }}
      submit={{ label: t('signaturesAdmin.enrol'), pendingLabel: t('signaturesAdmin.enrolling') }}
      before={
        <SelectField
          name="kind"
          label={t('signaturesAdmin.kind')}
          error={enrol.error}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value === 'seal' ? 'seal' : 'personal');
          }}
        >
          <option value="personal">{t('signaturesAdmin.kinds.personal')}</option>
          <option value="seal">{t('signaturesAdmin.kinds.seal')}</option>
        </SelectField>
      }
      after={
        <TextField
          name="password"
          type="password"
          autoComplete="off"
          label={t('signaturesAdmin.password')}
          error={enrol.error}
        />
      }
      onSubmit={(form) => {
        const data = new FormData(form);
        // A seal belongs to the agency; a personal key to the official (the agency says which post).
        if (kind === 'seal') data.delete('officialId');
        void enrol.run(data).then((outcome) => {
          if (!outcome.ok) return;
          form.reset();
          setAgencyId('');
          onEnrolled();
        });
      }}
    />
  );
}
