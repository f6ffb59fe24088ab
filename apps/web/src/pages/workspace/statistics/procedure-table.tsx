import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnTimeGroup } from '@tinhso/contracts';
import type { Language } from '../../../lib/dates.ts';
import { formatNumber } from './format.ts';

type Order = 'descending' | 'ascending';

/** N/A ratios go last whichever way the table is sorted: they say nothing about timeliness. */
function compareRatio(order: Order) {
  return (a: OnTimeGroup, b: OnTimeGroup) => {
    if (a.onTimeRatio === null || b.onTimeRatio === null) {
      return (a.onTimeRatio === null ? 1 : 0) - (b.onTimeRatio === null ? 1 : 0);
    }
    return order === 'ascending' ? a.onTimeRatio - b.onTimeRatio : b.onTimeRatio - a.onTimeRatio;
  };
}

/** Progress per procedure, sortable by its on-time ratio (the column header is the sort button). */
export function ProcedureTable({ rows, language }: { rows: readonly OnTimeGroup[]; language: Language }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<Order>('ascending');
  const sorted = [...rows].sort(compareRatio(order));
  const ratio = (value: number | null) =>
    value === null
      ? t('figures.notApplicableShort')
      : t('figures.percentValue', { value: formatNumber(value, language) });
  const columns = {
    code: t('figures.procedures.code'),
    received: t('figures.procedures.received'),
    resolved: t('figures.procedures.resolved'),
    late: t('figures.procedures.late'),
    open: t('figures.procedures.open'),
    online: t('figures.procedures.onlineRatio'),
    onTime: t('figures.procedures.onTimeRatio'),
  };
  return (
    <section className="panel" aria-labelledby="figures-procedures">
      <h2 id="figures-procedures">{t('figures.procedures.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('figures.agencies.empty')}</p>
      ) : (
        <>
          <p className="figures-sort">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setOrder(order === 'ascending' ? 'descending' : 'ascending');
              }}
            >
              <span aria-hidden="true">{order === 'ascending' ? '↑ ' : '↓ '}</span>
              {t('figures.procedures.sortBy')}:{' '}
              {order === 'ascending'
                ? t('figures.procedures.sortAscending')
                : t('figures.procedures.sortDescending')}
            </button>
          </p>
          <div className="table-wrap" role="region" aria-label={t('figures.procedures.caption')} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('figures.procedures.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{columns.code}</th>
                  <th scope="col">{columns.received}</th>
                  <th scope="col">{columns.resolved}</th>
                  <th scope="col">{columns.late}</th>
                  <th scope="col">{columns.open}</th>
                  <th scope="col">{columns.online}</th>
                  <th scope="col" aria-sort={order}>
                    {columns.onTime}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((row) => (
                  <tr key={row.key}>
                    <td data-label={columns.code}>{row.name ?? row.key}</td>
                    <td data-label={columns.received}>{formatNumber(row.received, language)}</td>
                    <td data-label={columns.resolved}>
                      {formatNumber(row.resolvedEarly + row.resolvedOnTime + row.resolvedLate, language)}
                    </td>
                    <td data-label={columns.late}>{formatNumber(row.resolvedLate, language)}</td>
                    <td data-label={columns.open}>
                      {formatNumber(row.inProcessNotYetDue + row.inProcessOverdue, language)}
                    </td>
                    <td data-label={columns.online}>{ratio(row.onlineRatio)}</td>
                    <td data-label={columns.onTime}>{ratio(row.onTimeRatio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="figures-formula">
        {t('figures.howComputed', { formula: t('figures.procedures.formula') })}
      </p>
    </section>
  );
}
