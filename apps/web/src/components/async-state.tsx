import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiState } from '../hooks/use-api.ts';

/**
 * Loading, error and empty states of a read, then its content. While a reload is on its way the
 * old content stays, marked busy, instead of flashing away.
 */
export function AsyncContent<T>({
  state,
  isEmpty,
  empty,
  children,
}: {
  state: ApiState<T>;
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = state;
  if (error && !isLoading) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={reload}>
          {t('actions.retry')}
        </button>
      </div>
    );
  }
  if (data === undefined) {
    return (
      <p className="loading" role="status">
        {t('states.loading')}
      </p>
    );
  }
  return (
    <div aria-busy={isLoading}>
      {isLoading ? (
        <p className="loading" role="status">
          {t('states.loading')}
        </p>
      ) : null}
      {isEmpty?.(data) ? <p className="empty">{empty ?? t('states.empty')}</p> : children(data)}
    </div>
  );
}
