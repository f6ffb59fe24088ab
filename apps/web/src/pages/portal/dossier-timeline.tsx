import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DVCQG_STATUS_CODES, type DossierEvent, type DossierStatus } from '@tinhso/contracts';
import { formatDateTime } from '../../lib/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { daysUntil } from './portal-format.ts';

/** The stages every dossier passes on its way to the citizen, in order. */
const STAGES = ['submitted', 'received', 'in_process', 'resolved', 'returned'] as const;
type Stage = (typeof STAGES)[number];
/** Statuses that stop or pause the way: shown after the last stage reached. */
const DETOURS: readonly DossierStatus[] = ['supplement_requested', 'not_received', 'withdrawn', 'stopped'];
const FINISHED: readonly DossierStatus[] = ['resolved', 'returned', 'withdrawn', 'stopped', 'not_received'];

export interface TimelineDossier {
  status: DossierStatus;
  events: readonly DossierEvent[];
  dueAt: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  currentStepName: string | null;
  currentAgency: string;
}

function stageDates(dossier: TimelineDossier): Record<Stage, string | null> {
  const firstTo = (status: DossierStatus) => dossier.events.find((e) => e.toStatus === status)?.at ?? null;
  return {
    submitted: dossier.submittedAt ?? firstTo('submitted'),
    received: dossier.receivedAt ?? firstTo('received'),
    in_process: firstTo('in_process'),
    resolved: dossier.resolvedAt ?? firstTo('resolved'),
    returned: dossier.returnedAt ?? firstTo('returned'),
  };
}

/** The status in words with its national-portal code (TrangThaiHoSo 1–10). */
export function StatusLabel({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  const code = DVCQG_STATUS_CODES[status];
  return (
    <span className={`chip chip--${status}`}>
      {t(`portal.status.${status}`)}
      {code === null ? null : <span className="visually-hidden"> ({t('portal.statusCode', { code })})</span>}
    </span>
  );
}

/** The appointment (hẹn trả) with the days left, or how late it is. */
export function DueLine({ dueAt, status }: { dueAt: string | null; status: DossierStatus }) {
  const { t } = useTranslation();
  if (!dueAt) return null;
  const when = formatDateTime(dueAt, currentLanguage());
  if (FINISHED.includes(status)) {
    return <p className="due">{t('portal.due.was', { when })}</p>;
  }
  const days = daysUntil(dueAt);
  const isOverdue = new Date(dueAt).getTime() < Date.now();
  const remaining = isOverdue
    ? t('portal.due.overdue', { count: Math.max(1, -days) })
    : days === 0
      ? t('portal.due.today')
      : t('portal.due.left', { count: days });
  return (
    <p className={isOverdue ? 'due due--overdue' : 'due'}>
      {t('portal.due.label', { when })} — {remaining}
    </p>
  );
}

/**
 * The dossier's way as a picture: a vertical stepper of the five stages with their dates, the
 * current one highlighted (aria-current), a pause or stop shown where it happened.
 */
export function DossierTimeline({ dossier }: { dossier: TimelineDossier }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const dates = stageDates(dossier);
  const statusIndex = STAGES.indexOf(dossier.status as Stage);
  const reached =
    statusIndex >= 0 ? statusIndex : STAGES.reduce((last, stage, i) => (dates[stage] ? i : last), -1);
  const detour = DETOURS.includes(dossier.status) ? dossier.status : null;
  const detourAt = detour
    ? ([...dossier.events].reverse().find((e) => e.toStatus === detour)?.at ?? null)
    : null;
  const isEnd = dossier.status === 'returned';

  const items = STAGES.map((stage, index) => {
    const isCurrent = detour === null && index === reached && !isEnd;
    const state: 'done' | 'current' | 'upcoming' =
      index < reached || (index === reached && (detour !== null || isEnd))
        ? 'done'
        : isCurrent
          ? 'current'
          : 'upcoming';
    return { key: stage, stage, index, state, at: dates[stage] };
  });

  return (
    <ol className="timeline" aria-label={t('portal.timeline.label')}>
      {items.map((item) => (
        <FragmentItem key={item.key}>
          <li className={`is-${item.state}`} aria-current={item.state === 'current' ? 'step' : undefined}>
            <span className="timeline__dot" aria-hidden="true">
              {item.state === 'done' ? '✓' : String(item.index + 1)}
            </span>
            <span className="timeline__title">
              {t(`portal.timeline.${item.stage}`)}
              <span className="visually-hidden"> ({t(`portal.timeline.state.${item.state}`)})</span>
            </span>
            {item.at ? <span className="timeline__when">{formatDateTime(item.at, language)}</span> : null}
            {item.state === 'current' && dossier.currentStepName ? (
              <span className="timeline__when">
                {t('portal.timeline.atStep', {
                  step: dossier.currentStepName,
                  agency: dossier.currentAgency,
                })}
              </span>
            ) : null}
          </li>
          {detour && item.index === reached ? (
            <li className="is-problem" aria-current="step">
              <span className="timeline__dot" aria-hidden="true">
                !
              </span>
              <span className="timeline__title">
                {t(`portal.status.${detour}`)}
                <span className="visually-hidden"> ({t('portal.timeline.state.current')})</span>
              </span>
              {detourAt ? <span className="timeline__when">{formatDateTime(detourAt, language)}</span> : null}
            </li>
          ) : null}
        </FragmentItem>
      ))}
    </ol>
  );
}

function FragmentItem({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** Every recorded event, newest last: what happened, where, when. */
export function EventHistory({ events }: { events: readonly DossierEvent[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (events.length === 0) return null;
  return (
    <details className="panel">
      <summary>{t('portal.timeline.history', { count: events.length })}</summary>
      <ol className="file-list">
        {events.map((event, index) => (
          <li key={`${event.at}-${String(index)}`}>
            <span>{formatDateTime(event.at, language)}</span>
            <strong>{t(`portal.status.${event.toStatus}`)}</strong>
            {event.stepName ? <span>{event.stepName}</span> : null}
            {event.agency ? <span>{event.agency}</span> : null}
            {event.note ? <span>“{event.note}”</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
