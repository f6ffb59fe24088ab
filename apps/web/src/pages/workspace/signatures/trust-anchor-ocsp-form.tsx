import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustAnchor } from '@tinhso/contracts';
import { setTrustAnchorOcsp } from '../../../api/signatures.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';

/**
 * The OCSP responder of a trusted root (ADR 0026): its URL, or none (an empty field clears it), and
 * whether a certificate's Authority Information Access may name one. Without either, CRLs only.
 */
export function TrustAnchorOcspForm({ anchors, onSaved }: { anchors: TrustAnchor[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const active = anchors.filter((anchor) => !anchor.removedAt);
  const [anchorId, setAnchorId] = useState(active[0]?.id ?? '');
  const chosen = active.find((anchor) => anchor.id === anchorId);
  const save = useAction(setTrustAnchorOcsp);
  if (active.length === 0) return null;
  return (
    <>
      <h3>{t('signaturesAdmin.ocspTitle')}</h3>
      <p>{t('signaturesAdmin.ocspLead')}</p>
      <form
        // A new form for each root, so the fields start from its current values.
        key={anchorId}
        noValidate
        className="form"
        aria-label={t('signaturesAdmin.ocspTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const field = data.get('url');
          const url = typeof field === 'string' ? field.trim() : '';
          void save
            .run(anchorId, { url: url === '' ? null : url, useAia: data.get('useAia') === 'on' })
            .then((outcome) => {
              if (outcome.ok) onSaved();
            });
        }}
      >
        <FormAlert error={save.error} fields={['url', 'useAia']} />
        {save.isDone && save.result ? (
          <SuccessMessage>
            {save.result.ocspUrl
              ? t('signaturesAdmin.ocspSaved', { name: save.result.name, url: save.result.ocspUrl })
              : t('signaturesAdmin.ocspCleared', { name: save.result.name })}
          </SuccessMessage>
        ) : null}
        <SelectField
          name="anchor"
          label={t('signaturesAdmin.ocspAnchor')}
          value={anchorId}
          onChange={(event) => setAnchorId(event.target.value)}
        >
          {active.map((anchor) => (
            <option key={anchor.id} value={anchor.id}>
              {anchor.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="url"
          type="text"
          inputMode="url"
          isOptional
          maxLength={500}
          label={t('signaturesAdmin.ocspUrl')}
          hint={t('signaturesAdmin.ocspUrlHint')}
          defaultValue={chosen?.ocspUrl ?? ''}
          error={save.error}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="useAia" defaultChecked={chosen?.ocspUseAia ?? false} />{' '}
            {t('signaturesAdmin.ocspUseAia')}
          </label>
        </div>
        <SubmitButton isPending={save.isPending} pendingLabel={t('signaturesAdmin.saving')}>
          {t('signaturesAdmin.ocspSave')}
        </SubmitButton>
      </form>
    </>
  );
}
