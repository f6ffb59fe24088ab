import { useTranslation } from 'react-i18next';
import type { OnTimeGroup } from '@tinhso/contracts';
import type { Language } from '../../../lib/dates.ts';
import { FILL, SEGMENTS, Swatch } from './chart-patterns.tsx';
import { formatNumber } from './format.ts';

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="figures-legend" aria-label={t('figures.agencies.legend')}>
      {SEGMENTS.map((segment) => (
        <li key={segment}>
          <Swatch fill={FILL[segment]} />
          {t(`figures.segments.${segment}`)}
        </li>
      ))}
    </ul>
  );
}

/** One agency: a bar of its dossiers split by progress, then the counts in words under it. */
function AgencyBar({ row, language }: { row: OnTimeGroup; language: Language }) {
  const { t } = useTranslation();
  const total = SEGMENTS.reduce((sum, segment) => sum + row[segment], 0);
  const parts = SEGMENTS.map(
    (segment) => `${t(`figures.segments.${segment}`)}: ${formatNumber(row[segment], language)}`,
  ).join('; ');
  const name = row.name ?? row.key;
  let offset = 0;
  return (
    <li className="figures-bar">
      <p className="figures-bar__name">{name}</p>
      <svg
        role="img"
        aria-label={t('figures.agencies.barLabel', {
          name,
          received: formatNumber(row.received, language),
          parts,
        })}
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        className="figures-bar__svg"
      >
        <rect width="100" height="10" fill="#ffffff" stroke="#6b6b6b" strokeWidth="0.4" />
        {SEGMENTS.map((segment) => {
          if (total === 0 || row[segment] === 0) return null;
          const width = (row[segment] * 100) / total;
          const x = offset;
          offset += width;
          return <rect key={segment} x={x} width={width} height="10" fill={FILL[segment]} />;
        })}
      </svg>
      <p className="figures-bar__counts" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <span key={segment}>
            <Swatch fill={FILL[segment]} /> {formatNumber(row[segment], language)}
          </span>
        ))}
      </p>
    </li>
  );
}

/** Horizontal stacked bars of progress, one per deciding agency, with a legend in words and patterns. */
export function AgencyBars({ rows, language }: { rows: readonly OnTimeGroup[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="figures-agencies">
      <h2 id="figures-agencies">{t('figures.agencies.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('figures.agencies.empty')}</p>
      ) : (
        <>
          <Legend />
          <ul className="figures-bars">
            {rows.map((row) => (
              <AgencyBar key={row.key} row={row} language={language} />
            ))}
          </ul>
        </>
      )}
      <p className="figures-formula">
        {t('figures.howComputed', { formula: t('figures.agencies.formula') })}
      </p>
    </section>
  );
}
