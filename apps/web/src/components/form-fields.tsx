import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { issueFor, type ApiError } from '../api/client.ts';

interface FieldProps {
  /** The field's path in the request body, e.g. "successor.code": the server's issues are matched on it. */
  name: string;
  label: string;
  hint?: string;
  isOptional?: boolean;
  /** The error of the last submission; the issue about this field is shown beside it. */
  error?: ApiError | undefined;
}

interface FieldFrameProps extends FieldProps {
  children: (ids: { id: string; describedBy: string | undefined; isInvalid: boolean }) => ReactNode;
}

/** Label, hint and error of one input, tied to it with for/id and aria-describedby. */
function FieldFrame({ name, label, hint, isOptional = false, error, children }: FieldFrameProps) {
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
      {children({ id, describedBy, isInvalid: Boolean(issue) })}
    </div>
  );
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ name, label, hint, isOptional, error, ...input }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} isOptional={isOptional} error={error}>
      {({ id, describedBy, isInvalid }) => (
        <input
          id={id}
          name={name}
          required={!isOptional}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export function SelectField({ name, label, hint, isOptional, error, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} isOptional={isOptional} error={error}>
      {({ id, describedBy, isInvalid }) => (
        <select
          id={id}
          name={name}
          required={!isOptional}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function SubmitButton({
  isPending,
  pendingLabel,
  children,
}: {
  isPending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="button button--primary" disabled={isPending}>
      {isPending ? pendingLabel : children}
    </button>
  );
}
