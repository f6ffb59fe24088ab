import { useTranslation } from 'react-i18next';
import { CalendarYear } from '@tinhso/contracts';
import { useApi } from '../../../hooks/use-api.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';

/** Monday = 0 … Sunday = 6 of a calendar date, without any time zone shift. */
function weekdayOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return (new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1)).getUTCDay() + 6) % 7;
}

/**
 * A look at the working calendar for the date typed as the new appointment: its weekday, and
 * whether it is a day off (weekend, holiday, nghỉ bù, bridge day) or a weekend worked (làm bù).
 */
export function DueDayCheck({ day }: { day: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const calendar = useApi(CalendarYear, isDate ? `/api/calendar/year/${day.slice(0, 4)}` : null);
  if (!isDate || !calendar.data) return null;
  const weekday = weekdayOf(day);
  const names = t('calendar.weekdayNames').split(',');
  const off = calendar.data.daysOff.find((entry) => entry.day === day);
  const swap = calendar.data.swaps.find((entry) => entry.day === day);
  const isWeekend = weekday >= 5;
  const reason = off
    ? language === 'vi'
      ? off.labelVi
      : off.labelEn
    : swap?.kind === 'bridge_day_off'
      ? t('calendar.kind.bridge_day')
      : isWeekend && swap?.kind !== 'makeup_workday'
        ? t('calendar.kind.weekend')
        : null;
  const date = formatDate(day, language);
  const name = names[weekday] ?? '';
  return (
    <p className={reason ? 'field__error' : 'field__hint'} role="status">
      {reason
        ? t('dossiers.action.dayOff', { date, weekday: name, reason })
        : t('dossiers.action.workingDay', { date, weekday: name })}
    </p>
  );
}
