import { useTranslation } from 'react-i18next';
import { DVCQG_STATUS_CODES, type DossierStatus, type DossierSummary } from '@tinhso/contracts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import './dossiers.css';

type Urgency = DossierSummary['urgency'];

const DAY_MS = 86_400_000;

/** Whole days from now to the due instant: positive ahead, 0 on the day, negative when late. */
export function daysLeft(dueAt: string, now: Date = new Date()): number {
  const difference = new Date(dueAt).getTime() - now.getTime();
  return difference >= 0 ? Math.floor(difference / DAY_MS) : -Math.ceil(-difference / DAY_MS);
}

/** The status as the one-stop desk says it, with the national portal's code for cross-checking. */
export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  const code = DVCQG_STATUS_CODES[status];
  return (
    <span className={`bo-status bo-status--${status}`}>
      {t(`dossiers.statusLabel.${status}`)}
      {code === null ? null : <span className="bo-status__code"> ({t('dossiers.dvcqg', { code })})</span>}
    </span>
  );
}

const ICONS: Record<Urgency, string> = { none: '●', due_soon: '▲', overdue: '■' };

/** Overdue and due soon by a word, a shape and a colour together, never by colour alone. */
export function UrgencyMarker({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`bo-urgency bo-urgency--${urgency}`}>
      <span aria-hidden="true" className="bo-urgency__icon">
        {ICONS[urgency]}
      </span>{' '}
      {t(`dossiers.urgencyLabel.${urgency}`)}
    </span>
  );
}

export function DaysLeft({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const days = daysLeft(dueAt);
  if (days > 0) return <>{t('dossiers.days.left', { count: days })}</>;
  if (days === 0) return <>{t('dossiers.days.today')}</>;
  return <>{t('dossiers.days.late', { count: -days })}</>;
}

/** The due instant, its marker and the days left, as the worklist and the detail header show them. */
export function DueCell({ dueAt, urgency }: { dueAt: string | null; urgency: Urgency }) {
  const { t } = useTranslation();
  if (!dueAt) return <>{t('dossiers.noDue')}</>;
  return (
    <span className="bo-due">
      <span>{formatDateTime(dueAt, currentLanguage())}</span>
      <UrgencyMarker urgency={urgency} />
    </span>
  );
}
