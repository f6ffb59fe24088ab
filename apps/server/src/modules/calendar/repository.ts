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

/**
 * Year data read by the deadline computations, kept a minute per server copy like the settings (ADR
 * 0006): every dossier transition computes due dates, and the notices change a few times a year. The
 * calendar's own commands forget it on this copy at once; other copies follow within the minute.
 */
const YEAR_DATA_TTL_MS = 60_000;
const yearDataCache = new Map<string, { data: Promise<YearData>; until: number }>();

/** Called by the commands that change holidays or swaps, when they write and after they commit. */
export function forgetCalendarData(): void {
  yearDataCache.clear();
}

function cachedYearData(db: Kysely<DB>, fromYear: number, toYear: number): Promise<YearData> {
  const key = `${fromYear}..${toYear}`;
  const cached = yearDataCache.get(key);
  if (cached && cached.until > Date.now()) return cached.data;
  const data = findYearData(db, fromYear, toYear);
  yearDataCache.set(key, { data, until: Date.now() + YEAR_DATA_TTL_MS });
  data.catch(() => yearDataCache.delete(key));
  return data;
}

/** The working calendar for the years `fromYear` to `toYear`, with the settings in force today. */
export async function loadWorkCalendar(
  db: Kysely<DB>,
  fromYear: number,
  toYear: number,
): Promise<WorkCalendar> {
  const isVietnamCultureDayOn = await getSetting(db, 'calendar.vietnamCultureDay');
  // The year before, for a nghỉ bù carried over New Year.
  return createWorkCalendar(await cachedYearData(db, fromYear - 1, toYear), { isVietnamCultureDayOn });
}
