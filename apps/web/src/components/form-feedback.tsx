import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldPath, type ApiError } from '../api/client.ts';

/**
 * The message of a failed submission, at the top of the form. Issues about fields the form shows
 * are beside those fields; the others are listed here so that none is lost. It takes the focus, so
 * keyboard and screen-reader users land on it.
 */
export function FormAlert({
  error,
  fields = [],
}: {
  error: ApiError | undefined;
  fields?: readonly string[];
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const others = error.issues.filter((issue) => !fields.includes(fieldPath(issue.field)));
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p>{error.message}</p>
      {others.length > 0 ? (
        <>
          <p>{t('errors.otherIssues')}</p>
          <ul>
            {others.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {error.correlationId && error.status >= 500 ? (
        <p className="alert__reference">{t('errors.reference', { id: error.correlationId })}</p>
      ) : null}
    </div>
  );
}

/** Success feedback, announced politely by screen readers. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
