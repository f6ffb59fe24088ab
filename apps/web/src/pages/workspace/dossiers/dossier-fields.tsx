import { useId, useState, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { issueFor, type ApiError } from '../../../api/client.ts';
import { uploadFile, type Sender, type UploadedFile } from '../../../api/back-office.ts';
import { TextField } from '../../../components/form-fields.tsx';
import { toApiError } from '../../../hooks/use-api.ts';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: string;
  isOptional?: boolean;
  error?: ApiError | undefined;
}

/** A multi-line text with its label, hint and the server's issue beside it (as form-fields.tsx does for inputs). */
export function TextAreaField({
  name,
  label,
  hint,
  isOptional = false,
  error,
  ...textarea
}: TextAreaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const issue = issueFor(error, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = issue ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {isOptional ? <span className="field__optional"> ({t('form.optional')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p className="field__error" id={errorId}>
          {issue}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        required={!isOptional}
        aria-describedby={describedBy}
        aria-invalid={Boolean(issue) || undefined}
        {...textarea}
      />
    </div>
  );
}

/** Items asked for in a supplement request: every missing paper at once, each with its reason. */
export interface SupplementDraft {
  name: string;
  reason: string;
}

export function SupplementItemsField({
  items,
  onChange,
  error,
  prefix = 'items',
}: {
  items: SupplementDraft[];
  onChange: (items: SupplementDraft[]) => void;
  error: ApiError | undefined;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<SupplementDraft>) => {
    onChange(items.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  };
  return (
    <fieldset className="bo-repeatable">
      <legend>{t('dossiers.action.itemsLegend')}</legend>
      {items.map((item, index) => (
        <div className="bo-repeatable__item" key={index}>
          <TextField
            name={`${prefix}.${String(index)}.name`}
            label={t('dossiers.action.itemName', { index: index + 1 })}
            value={item.name}
            error={error}
            onChange={(event) => {
              set(index, { name: event.target.value });
            }}
          />
          <TextField
            name={`${prefix}.${String(index)}.reason`}
            label={t('dossiers.action.itemReason', { index: index + 1 })}
            value={item.reason}
            error={error}
            onChange={(event) => {
              set(index, { reason: event.target.value });
            }}
          />
          {items.length > 1 ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onChange(items.filter((_, at) => at !== index));
              }}
            >
              {t('dossiers.action.removeItem', { index: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          onChange([...items, { name: '', reason: '' }]);
        }}
      >
        {t('dossiers.action.addItem')}
      </button>
    </fieldset>
  );
}

/** Reasons of a refusal, one per line of the list. */
export function ReasonsField({
  reasons,
  onChange,
  error,
  prefix = 'reasons',
}: {
  reasons: string[];
  onChange: (reasons: string[]) => void;
  error: ApiError | undefined;
  prefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="bo-repeatable">
      <legend>{t('dossiers.action.reasonsLegend')}</legend>
      {reasons.map((reason, index) => (
        <div className="bo-repeatable__item" key={index}>
          <TextField
            name={`${prefix}.${String(index)}`}
            label={t('dossiers.action.reasonN', { index: index + 1 })}
            value={reason}
            error={error}
            onChange={(event) => {
              onChange(reasons.map((text, at) => (at === index ? event.target.value : text)));
            }}
          />
          {reasons.length > 1 ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onChange(reasons.filter((_, at) => at !== index));
              }}
            >
              {t('dossiers.action.removeItem', { index: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          onChange([...reasons, '']);
        }}
      >
        {t('dossiers.action.addReason')}
      </button>
    </fieldset>
  );
}

/**
 * A file uploaded as soon as it is chosen, so the form sends only its id; the upload's own error
 * (too large, refused type, malware) is shown beside the field.
 */
export function UploadField({
  name,
  label,
  hint,
  sender,
  error,
  onUploaded,
}: {
  name: string;
  label: string;
  hint?: string;
  sender: Sender;
  error: ApiError | undefined;
  onUploaded: (file: UploadedFile | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<{ pending: boolean; file?: UploadedFile; error?: ApiError }>({
    pending: false,
  });
  const issue = state.error?.message ?? issueFor(error, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const statusId = `${id}-status`;
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label} <span className="field__optional">({t('form.optional')})</span>
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {issue ? <p className="field__error">{issue}</p> : null}
      <input
        id={id}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
        aria-describedby={[hintId, statusId].filter(Boolean).join(' ')}
        aria-invalid={Boolean(issue) || undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          onUploaded(null);
          if (!file) {
            setState({ pending: false });
            return;
          }
          setState({ pending: true });
          uploadFile(sender, file).then(
            (uploaded) => {
              setState({ pending: false, file: uploaded });
              onUploaded(uploaded);
            },
            (caught: unknown) => {
              setState({ pending: false, error: toApiError(caught) });
            },
          );
        }}
      />
      <p className="field__hint" id={statusId} role="status">
        {state.pending ? t('dossiers.files.uploading') : null}
        {state.file ? t('dossiers.files.uploaded', { name: state.file.name }) : null}
      </p>
    </div>
  );
}
