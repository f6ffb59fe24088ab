import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import { enrolSigningKey } from '../../../api/signatures.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { OwnerFields } from './owner-fields.tsx';

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
    <section aria-labelledby="signatures-enrol">
      <h2 id="signatures-enrol">{t('signaturesAdmin.enrolTitle')}</h2>
      <p>{t('signaturesAdmin.enrolLead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
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
      >
        <FormAlert error={enrol.error} fields={FIELDS} />
        {enrol.isDone && enrol.result ? (
          <SuccessMessage>
            {t('signaturesAdmin.enrolled', {
              name: enrol.result.commonName ?? enrol.result.subject,
              date: formatDate(enrol.result.notAfter, language),
            })}
          </SuccessMessage>
        ) : null}
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
        <OwnerFields
          agencies={agencies}
          agencyId={agencyId}
          onAgency={setAgencyId}
          withOfficial={kind === 'personal'}
          error={enrol.error}
        />
        <TextField
          name="file"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          label={t('signaturesAdmin.file')}
          error={enrol.error}
        />
        <TextField
          name="password"
          type="password"
          autoComplete="off"
          label={t('signaturesAdmin.password')}
          error={enrol.error}
        />
        <SubmitButton isPending={enrol.isPending} pendingLabel={t('signaturesAdmin.enrolling')}>
          {t('signaturesAdmin.enrol')}
        </SubmitButton>
      </form>
    </section>
  );
}
