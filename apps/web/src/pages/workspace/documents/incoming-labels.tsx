import { useTranslation } from 'react-i18next';
import type { DocumentUrgency, DueState, IncomingStatus } from '@tinhso/contracts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';

const DAY_MS = 86_400_000;
/** How many days from today to a date (negative once past), in the province's calendar. */
function daysUntil(day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${todayInProvince()}T00:00:00Z`)) / DAY_MS);
}

/**
 * The handling deadline as a picture: a coloured badge (green on track, amber due soon, red and
 * striped overdue) with the date and the days left or late in words, so colour is never the only
 * sign.
 */
export function DueBadge({ dueOn, state }: { dueOn: string | null; state: DueState }) {
  const { t } = useTranslation();
  if (dueOn === null || state === 'none')
    return dueOn ? <span className="in-due">{formatDate(dueOn, currentLanguage())}</span> : <span>—</span>;
  const days = daysUntil(dueOn);
  const words =
    state === 'overdue'
      ? t('incoming.dueStates.overdue', { count: -days })
      : days === 0
        ? t('incoming.dueToday')
        : t(`incoming.dueStates.${state}`, { count: days });
  return (
    <span className="in-due">
      <span>{formatDate(dueOn, currentLanguage())}</span>
      <span className={`in-badge in-badge--${state}`}>
        <span aria-hidden="true">{state === 'overdue' ? '!' : state === 'due_soon' ? '◔' : '✓'}</span> {words}
      </span>
    </span>
  );
}

/** A bar filling as the deadline nears: full and striped once past. */
export function DueBar({ dueOn, state, from }: { dueOn: string | null; state: DueState; from: string }) {
  const { t } = useTranslation();
  if (dueOn === null || state === 'none') return null;
  const total = Math.max(
    1,
    (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS,
  );
  const left = daysUntil(dueOn);
  const used = state === 'overdue' ? 1 : Math.min(1, Math.max(0.02, 1 - left / total));
  return (
    <div className="in-bar" role="img" aria-label={t('incoming.due')}>
      <div
        className={`in-bar__fill in-bar__fill--${state}`}
        style={{ width: `${String(Math.round(used * 100))}%` }}
      />
    </div>
  );
}

export function StatusLabel({ status }: { status: IncomingStatus }) {
  const { t } = useTranslation();
  return <span className={`in-status in-status--${status}`}>{t(`incoming.statuses.${status}`)}</span>;
}

export function UrgencyLabel({ urgency }: { urgency: DocumentUrgency }) {
  const { t } = useTranslation();
  if (urgency === 'thuong') return null;
  return <span className="in-urgent">{t(`incoming.urgencies.${urgency}`)}</span>;
}
