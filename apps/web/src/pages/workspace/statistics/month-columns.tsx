import { useTranslation } from 'react-i18next';
import type { OnTimeGroup } from '@tinhso/contracts';
import { DataTable } from '../../../components/data-table.tsx';
import type { Language } from '../../../lib/dates.ts';
import { FILL, Swatch } from './chart-patterns.tsx';
import { formatMonth, formatNumber } from './format.ts';

const SLOT = 48;
const COLUMN = 16;
const HEIGHT = 140;
const TOP = 16;
const BOTTOM = 20;

const onTimeOf = (row: OnTimeGroup) => row.resolvedEarly + row.resolvedOnTime;

/** Columns per month (received, then decided on time), each labelled with its number; a table follows. */
export function MonthColumns({ rows, language }: { rows: readonly OnTimeGroup[]; language: Language }) {
  const { t } = useTranslation();
  const months = [...rows].sort((a, b) => a.key.localeCompare(b.key));
  const highest = Math.max(1, ...months.map((row) => row.received));
  const plot = HEIGHT - TOP - BOTTOM;
  const heightOf = (value: number) => (value * plot) / highest;
  const summary = months
    .map((row) =>
      t('figures.months.monthPart', {
        month: formatMonth(row.key),
        received: formatNumber(row.received, language),
        onTime: formatNumber(onTimeOf(row), language),
      }),
    )
    .join('; ');
  const width = Math.max(SLOT * 3, SLOT * months.length);
  return (
    <section className="panel" aria-labelledby="figures-months">
      <h2 id="figures-months">{t('figures.months.title')}</h2>
      {months.length === 0 ? (
        <p className="empty">{t('figures.agencies.empty')}</p>
      ) : (
        <>
          <ul className="figures-legend" aria-label={t('figures.agencies.legend')}>
            <li>
              <Swatch fill={FILL.received} />
              {t('figures.months.received')}
            </li>
            <li>
              <Swatch fill={FILL.resolvedOnTime} />
              {t('figures.months.onTime')}
            </li>
          </ul>
          <svg
            role="img"
            aria-label={t('figures.months.chartLabel', { parts: summary })}
            viewBox={`0 0 ${String(width)} ${String(HEIGHT)}`}
            className="figures-columns"
            style={{ maxWidth: `${String(width * 2)}px` }}
          >
            <line x1="0" x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#4f4f4f" />
            {months.map((row, index) => {
              const x = index * SLOT + (SLOT - 2 * COLUMN) / 2;
              const bars = [
                { value: row.received, fill: FILL.received, x },
                { value: onTimeOf(row), fill: FILL.resolvedOnTime, x: x + COLUMN },
              ];
              return (
                <g key={row.key}>
                  {bars.map((bar) => (
                    <g key={bar.x}>
                      <rect
                        x={bar.x}
                        y={HEIGHT - BOTTOM - heightOf(bar.value)}
                        width={COLUMN - 1}
                        height={heightOf(bar.value)}
                        fill={bar.fill}
                      />
                      <text
                        x={bar.x + COLUMN / 2}
                        y={HEIGHT - BOTTOM - heightOf(bar.value) - 3}
                        textAnchor="middle"
                        fontSize="10"
                        fill="#1a1a1a"
                      >
                        {formatNumber(bar.value, language)}
                      </text>
                    </g>
                  ))}
                  <text x={x + COLUMN} y={HEIGHT - 5} textAnchor="middle" fontSize="10" fill="#1a1a1a">
                    {formatMonth(row.key)}
                  </text>
                </g>
              );
            })}
          </svg>
          <details className="figures-details">
            <summary>{t('figures.showTable')}</summary>
            <DataTable
              caption={t('figures.months.title')}
              rows={months}
              rowKey={(row) => row.key}
              columns={[
                { key: 'month', header: t('figures.months.month'), cell: (row) => formatMonth(row.key) },
                {
                  key: 'received',
                  header: t('figures.months.received'),
                  cell: (row) => formatNumber(row.received, language),
                },
                {
                  key: 'onTime',
                  header: t('figures.months.onTime'),
                  cell: (row) => formatNumber(onTimeOf(row), language),
                },
                {
                  key: 'ratio',
                  header: t('figures.months.onTimeRatio'),
                  cell: (row) =>
                    row.onTimeRatio === null
                      ? t('figures.notApplicableShort')
                      : t('figures.percentValue', { value: formatNumber(row.onTimeRatio, language) }),
                },
              ]}
            />
          </details>
        </>
      )}
      <p className="figures-formula">{t('figures.howComputed', { formula: t('figures.months.formula') })}</p>
    </section>
  );
}
