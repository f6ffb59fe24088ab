import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import { ApiError } from '../../../api/client.ts';
import { uploadSignatureImage } from '../../../api/signatures.ts';
import { useAction } from '../../../hooks/use-action.ts';
import { formText } from '../../../lib/form-data.ts';
import { OwnerUploadForm } from './owner-upload-form.tsx';

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
    <OwnerUploadForm
      id="signatures-image"
      title={t('signaturesAdmin.imageTitle')}
      lead={t('signaturesAdmin.imageLead')}
      action={upload}
      fields={['file', 'officialId', 'agencyId']}
      success={upload.isDone ? t('signaturesAdmin.uploaded') : null}
      owner={{ agencies, agencyId, onAgency: setAgencyId, withOfficial: true }}
      file={{ accept: 'image/png', label: t('signaturesAdmin.image') }}
      submit={{ label: t('signaturesAdmin.upload'), pendingLabel: t('signaturesAdmin.uploading') }}
      onSubmit={(form) => {
        const data = new FormData(form);
        const officialId = formText(data, 'officialId');
        const file = new FormData();
        const image = data.get('file');
        if (image instanceof File) file.append('file', image, image.name);
        void upload.run(officialId, file).then((outcome) => {
          if (outcome.ok) form.reset();
        });
      }}
    />
  );
}
