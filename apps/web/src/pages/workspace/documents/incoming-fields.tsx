import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { issueFor, type ApiError } from '../../../api/client.ts';

/** A multi-line note with its label, hint and the server's issue about it, tied with for/id. */
export function NoteField({
  name,
  label,
  error,
  isOptional = false,
}: {
  name: string;
  label: string;
  error: ApiError | undefined;
  isOptional?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const issue = issueFor(error, name);
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {isOptional ? <span className="field__optional"> ({t('form.optional')})</span> : null}
      </label>
      {issue ? (
        <p className="field__error" id={`${id}-error`}>
          {issue}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={2000}
        required={!isOptional}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-error` : undefined}
      />
    </div>
  );
}
