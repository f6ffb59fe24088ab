import type { CalendarYear } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { addDays, isoDay, yearOf } from './iso-day.ts';
import { loadWorkCalendar } from './repository.ts';
import { describeDayOff } from './working-days.ts';

/** A year at a glance: its holidays and nghỉ bù, its swaps, and how many days are worked. */
export async function getCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const calendar = await loadWorkCalendar(db, year, year);
  const daysOff = calendar.daysOffOf(year).flatMap((status) => {
    if (status.isWorkingDay || (status.reason !== 'holiday' && status.reason !== 'nghi_bu')) return [];
    const { labelVi, labelEn } = describeDayOff(status);
    return [
      {
        day: status.day,
        reason: status.reason,
        holidayKind: status.holiday.kind,
        labelVi,
        labelEn,
        source: status.reason === 'nghi_bu' ? 'BLLĐ 2019 Art 111.3' : status.holiday.source,
      },
    ];
  });
  const swaps = [];
  let workingDayCount = 0;
  for (let day = isoDay(year, 1, 1); yearOf(day) === year; day = addDays(day, 1)) {
    const status = calendar.statusOf(day);
    if (status.isWorkingDay) workingDayCount += 1;
    if (status.reason === 'makeup_workday')
      swaps.push({ day, kind: 'makeup_workday' as const, note: status.note });
    if (status.reason === 'bridge_day')
      swaps.push({ day, kind: 'bridge_day_off' as const, note: status.note });
  }
  return { year, hasOfficialNotice: calendar.hasDataFor(year), daysOff, swaps, workingDayCount };
}
