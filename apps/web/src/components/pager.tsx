import { useTranslation } from 'react-i18next';

/** Previous / next paging over a list the server counts. */
export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('paging.label')}>
      <p className="pager__summary">{t('paging.summary', { from, to, total })}</p>
      <div className="pager__buttons">
        <button
          type="button"
          className="button"
          disabled={offset === 0}
          onClick={() => {
            onChange(Math.max(0, offset - limit));
          }}
        >
          {t('paging.previous')}
        </button>
        <button
          type="button"
          className="button"
          disabled={to >= total}
          onClick={() => {
            onChange(offset + limit);
          }}
        >
          {t('paging.next')}
        </button>
      </div>
    </nav>
  );
}
