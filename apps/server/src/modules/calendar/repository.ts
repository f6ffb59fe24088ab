import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { getSetting } from '../../platform/settings.ts';
import type { Holiday } from './holidays.ts';
import { yearOf } from './iso-day.ts';
import './tables.ts';
import { createWorkCalendar, type Swap, type WorkCalendar, type YearData } from './work-calendar.ts';

/** Reads the notices of the years `fromYear` to `toYear`: their holidays, swaps, and which were loaded. */
export async function findYearData(db: Kysely<DB>, fromYear: number, toYear: number): Promise<YearData> {
  const [first, last] = [`${fromYear}-01-01`, `${toYear}-12-31`];
  const holidayRows = await db
    .selectFrom('calendar_holiday')
    .select(['day', 'name_vi', 'name_en', 'kind', 'note'])
    .where('day', '>=', first)
    .where('day', '<=', last)
    .orderBy('day')
    .execute();
  const swapRows = await db
    .selectFrom('calendar_swap')
    .select(['day', 'kind', 'note'])
    .where('day', '>=', first)
    .where('day', '<=', last)
    .orderBy('day')
    .execute();
  const holidays: Holiday[] = holidayRows.map((row) => ({
    day: row.day,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    kind: row.kind,
    source: row.note,
  }));
  const swaps: Swap[] = swapRows.map((row) => ({ day: row.day, kind: row.kind, note: row.note }));
  // A year counts as loaded once its Tết days are: without them the count around Tết is wrong.
  const yearsWithData = [...new Set(holidays.filter((h) => h.kind === 'tet').map((h) => yearOf(h.day)))];
  return { holidays, swaps, yearsWithData };
}

/** The working calendar for the years `fromYear` to `toYear`, with the settings in force today. */
export async function loadWorkCalendar(
  db: Kysely<DB>,
  fromYear: number,
  toYear: number,
): Promise<WorkCalendar> {
  const isVietnamCultureDayOn = await getSetting(db, 'calendar.vietnamCultureDay');
  // The year before, for a nghỉ bù carried over New Year.
  return createWorkCalendar(await findYearData(db, fromYear - 1, toYear), { isVietnamCultureDayOn });
}
