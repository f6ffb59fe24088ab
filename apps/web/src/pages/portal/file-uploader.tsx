import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadedFile } from '../../api/dossiers.ts';
import { toApiError } from '../../hooks/use-api.ts';

/** What the server accepts (modules/files): checked here first so a wrong file fails at once. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png|docx|xlsx)$/i;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Transfer {
  key: string;
  name: string;
  progress: number;
  error: string | null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A file input that uploads each chosen file at once, with a progress bar per file and a sentence
 * about each refused one (too large, wrong type, infected), tied to the input.
 */
export function FileUploader({
  label,
  hint,
  csrfToken,
  isRequired = false,
  onUploaded,
}: {
  label: string;
  hint?: string;
  csrfToken: string;
  isRequired?: boolean;
  onUploaded: (file: UploadedFile) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const update = (key: string, change: Partial<Transfer>) => {
    setTransfers((all) =>
      all.map((transfer) => (transfer.key === key ? { ...transfer, ...change } : transfer)),
    );
  };
  const errors = transfers.filter((transfer) => transfer.error !== null);
  const errorId = errors.length > 0 ? `${id}-errors` : undefined;
  const hintId = `${id}-hint`;

  const start = (file: File) => {
    const key = `${file.name}-${String(file.size)}-${String(Date.now())}-${Math.random().toString(36).slice(2)}`;
    const precheck = !ACCEPTED_EXTENSIONS.test(file.name)
      ? t('portal.upload.wrongType')
      : file.size > MAX_FILE_BYTES
        ? t('portal.upload.tooLarge')
        : null;
    setTransfers((all) => [
      ...all.filter((transfer) => transfer.error === null && transfer.progress < 1),
      { key, name: file.name, progress: 0, error: precheck },
    ]);
    if (precheck) return;
    uploadFile({
      file,
      csrfToken,
      onProgress: (fraction) => {
        update(key, { progress: fraction });
      },
    }).then(
      (uploaded) => {
        setTransfers((all) => all.filter((transfer) => transfer.key !== key));
        onUploaded(uploaded);
      },
      (error: unknown) => {
        update(key, { error: toApiError(error).message });
      },
    );
  };

  return (
    <div className={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {isRequired ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <p className="field__hint" id={hintId}>
        {hint ?? t('portal.upload.hint')}
      </p>
      {errors.length > 0 ? (
        <ul className="field__error" id={errorId} role="alert">
          {errors.map((transfer) => (
            <li key={transfer.key}>
              {transfer.name}: {transfer.error}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ')}
        aria-invalid={errors.length > 0 || undefined}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          chosen.forEach(start);
        }}
      />
      {transfers
        .filter((transfer) => transfer.error === null)
        .map((transfer) => (
          <p key={transfer.key} role="status">
            <label>
              {t('portal.upload.progress', {
                name: transfer.name,
                percent: Math.round(transfer.progress * 100),
              })}
              <progress className="upload-progress" max={1} value={transfer.progress} />
            </label>
          </p>
        ))}
    </div>
  );
}
