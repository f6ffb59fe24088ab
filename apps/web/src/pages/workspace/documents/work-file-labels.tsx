import { useTranslation } from 'react-i18next';
import type { WorkFile } from '@tinhso/contracts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';
import './work-files.css';

const DAY_MS = 86_400_000;
/** Whole days from today to an ISO day: positive ahead, negative when past. */
const daysUntil = (day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${todayInProvince()}T00:00:00Z`)) / DAY_MS);

export function RetentionLabel({ file }: { file: Pick<WorkFile, 'retention' | 'retentionFrom' | 'state'> }) {
  const { t } = useTranslation();
  const value =
    file.retention === 'permanent'
      ? t('workFiles.permanent')
      : t('workFiles.years', { count: file.retention });
  return (
    <>
      {value}
      {file.retentionFrom === 'documents' && file.state === 'open'
        ? ` (${t('workFiles.fromDocuments')})`
        : null}
    </>
  );
}

/** The hand-over deadline as a word, a shape and a colour: never by colour alone. */
export function ArchiveDue({ file }: { file: Pick<WorkFile, 'archiveDueOn' | 'state'> }) {
  const { t } = useTranslation();
  if (!file.archiveDueOn || file.state !== 'closed') return <>{t('workFiles.none')}</>;
  const days = daysUntil(file.archiveDueOn);
  const level = days < 0 ? 'late' : days <= 30 ? 'soon' : 'ok';
  const icon = { late: '■', soon: '▲', ok: '●' }[level];
  return (
    <span className="wf-due">
      {formatDate(file.archiveDueOn, currentLanguage())}{' '}
      <span className={`wf-badge wf-badge--${level}`}>
        <span aria-hidden="true">{icon}</span>{' '}
        {days < 0 ? t('workFiles.daysLate', { count: -days }) : t('workFiles.daysLeft', { count: days })}
      </span>
    </span>
  );
}

/** Where the file stands, as three steps: open, closed, handed to the archive. */
export function WorkFileTimeline({ file }: { file: WorkFile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const steps = [
    { key: 'open', date: file.startDate, done: true },
    { key: 'closed', date: file.endDate, done: file.state !== 'open' },
    {
      key: 'archived',
      date: file.archivedAt?.slice(0, 10) ?? file.archiveDueOn,
      done: file.state === 'archived',
    },
  ] as const;
  return (
    <ol className="wf-timeline" aria-label={t('workFiles.timeline')}>
      {steps.map((step) => (
        <li
          key={step.key}
          className={step.done ? 'wf-timeline__step wf-timeline__step--done' : 'wf-timeline__step'}
        >
          <span aria-hidden="true" className="wf-timeline__dot">
            {step.done ? '✓' : ''}
          </span>
          <span className="wf-timeline__label">{t(`workFiles.states.${step.key}`)}</span>
          <span className="wf-timeline__date">{step.date ? formatDate(step.date, language) : '—'}</span>
        </li>
      ))}
    </ol>
  );
}
