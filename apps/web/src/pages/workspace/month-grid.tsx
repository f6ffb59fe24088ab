import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '@tinhso/contracts';
import { formatDate, type Language } from '../../lib/dates.ts';

export type DayKind = 'working' | 'weekend' | 'holiday' | 'nghi_bu' | 'bridge_day' | 'makeup';
type MarkedKind = Exclude<DayKind, 'working' | 'weekend'>;

/** Days off and make-up days carry a letter besides their colour; weekends are told by their column. */
const isMarked = (kind: DayKind): kind is MarkedKind => kind !== 'working' && kind !== 'weekend';

export interface DayStatus {
  kind: DayKind;
  /** Why the day is off or worked, in the current language; '' for an ordinary day. */
  reason: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
export const isoDay = (year: number, month: number, day: number) =>
  `${String(year)}-${pad(month)}-${pad(day)}`;

/** The status of every special day of the year, keyed by YYYY-MM-DD; other days follow the weekday. */
export function statusMap(data: CalendarYear, language: Language): Map<string, DayStatus> {
  const map = new Map<string, DayStatus>();
  for (const swap of data.swaps) {
    map.set(swap.day, {
      kind: swap.kind === 'makeup_workday' ? 'makeup' : 'bridge_day',
      reason: swap.note,
    });
  }
  for (const off of data.daysOff) {
    map.set(off.day, { kind: off.reason, reason: language === 'vi' ? off.labelVi : off.labelEn });
  }
  return map;
}

/** Monday = 0 … Sunday = 6, without any time zone shift. */
function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function MonthGrid({
  year,
  month,
  statuses,
  language,
}: {
  year: number;
  month: number;
  statuses: Map<string, DayStatus>;
  language: Language;
}) {
  const { t } = useTranslation();
  const short = t('calendar.weekdays').split(',');
  const names = t('calendar.weekdayNames').split(',');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = weekdayIndex(year, month, 1);
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: daysInMonth }, (_, index) => index + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));

  return (
    <table className="month">
      <caption>{t('calendar.month', { month: pad(month), year })}</caption>
      <thead>
        <tr>
          {short.map((label, index) => (
            <th key={label} scope="col">
              <abbr title={names[index]}>{label}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, weekIndex) => (
          <tr key={weekIndex}>
            {week.map((day, index) => {
              if (day === null) return <td key={`empty-${String(index)}`} className="day day--empty" />;
              const iso = isoDay(year, month, day);
              const special = statuses.get(iso);
              const status: DayStatus = special ?? {
                kind: index >= 5 ? 'weekend' : 'working',
                reason: '',
              };
              const marker = isMarked(status.kind) ? t(`calendar.marker.${status.kind}`) : '';
              const description = [
                names[index],
                status.kind === 'working' ? '' : t(`calendar.kind.${status.kind}`),
                status.reason,
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <td key={iso} className={`day day--${status.kind}`} title={description}>
                  <span aria-hidden="true" className="day__number">
                    {day}
                  </span>
                  {marker ? (
                    <span aria-hidden="true" className="day__marker">
                      {marker}
                    </span>
                  ) : null}
                  <span className="visually-hidden">
                    {formatDate(iso, language)}: {description}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LEGEND: DayKind[] = ['working', 'weekend', 'holiday', 'nghi_bu', 'bridge_day', 'makeup'];

export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <section className="calendar-legend" aria-labelledby="calendar-legend">
      <h3 id="calendar-legend">{t('calendar.legend')}</h3>
      <ul>
        {LEGEND.map((kind) => (
          <li key={kind}>
            <span aria-hidden="true" className={`day day--${kind} calendar-legend__swatch`}>
              <span className="day__marker">{isMarked(kind) ? t(`calendar.marker.${kind}`) : ''}</span>
            </span>
            {t(`calendar.kind.${kind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
