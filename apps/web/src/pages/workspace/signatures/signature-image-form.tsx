import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import { ApiError } from '../../../api/client.ts';
import { uploadSignatureImage } from '../../../api/signatures.ts';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { formText } from '../../../lib/form-data.ts';
import { OwnerFields } from './owner-fields.tsx';

/** The official's signature image, drawn in their visible signatures (PUT …/signature-image). */
export function SignatureImageForm({ agencies }: { agencies: readonly Agency[] }) {
  const { t } = useTranslation();
  const [agencyId, setAgencyId] = useState('');
  const upload = useAction((officialId: string, form: FormData) => {
    if (!officialId) {
      const message = `${t('signaturesAdmin.official')}: ${t('form.required')}`;
      throw new ApiError({
        status: 400,
        code: 'validation',
        message,
        issues: [{ field: 'officialId', message }],
      });
    }
    return uploadSignatureImage(officialId, form);
  });
  return (
    <section aria-labelledby="signatures-image">
      <h2 id="signatures-image">{t('signaturesAdmin.imageTitle')}</h2>
      <p>{t('signaturesAdmin.imageLead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const officialId = formText(data, 'officialId');
          const file = new FormData();
          const image = data.get('file');
          if (image instanceof File) file.append('file', image, image.name);
          void upload.run(officialId, file).then((outcome) => {
            if (outcome.ok) form.reset();
          });
        }}
      >
        <FormAlert error={upload.error} fields={['file', 'officialId', 'agencyId']} />
        {upload.isDone ? <SuccessMessage>{t('signaturesAdmin.uploaded')}</SuccessMessage> : null}
        <OwnerFields
          agencies={agencies}
          agencyId={agencyId}
          onAgency={setAgencyId}
          withOfficial
          error={upload.error}
        />
        <TextField
          name="file"
          type="file"
          accept="image/png"
          label={t('signaturesAdmin.image')}
          error={upload.error}
        />
        <SubmitButton isPending={upload.isPending} pendingLabel={t('signaturesAdmin.uploading')}>
          {t('signaturesAdmin.upload')}
        </SubmitButton>
      </form>
    </section>
  );
}
