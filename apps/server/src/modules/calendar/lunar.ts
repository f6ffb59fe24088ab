import { LunarDate, SolarDate } from '@nghiavuive/lunar_date_vi';
import { isoDay, parseIsoDay } from './iso-day.ts';

/**
 * Vietnamese lunar dates (âm lịch), computed at UTC+7 with Hồ Ngọc Đức's tables (vn-norms R-CAL-4).
 * The rest of the server sees only these two functions, so the package behind them can be replaced;
 * lunar.test.ts holds the dates where the Vietnamese and Chinese calendars differ.
 */
export interface LunarDay {
  year: number;
  month: number;
  day: number;
  /** Tháng nhuận: the repeated month of a leap year. */
  isLeapMonth: boolean;
}

/** Years the tables cover. */
export const LUNAR_RANGE = { firstYear: 1200, lastYear: 2199 } as const;

export function solarToLunar(day: string): LunarDay {
  const parsed = parseIsoDay(day);
  if (!parsed || parsed.year < LUNAR_RANGE.firstYear || parsed.year > LUNAR_RANGE.lastYear)
    throw new RangeError(`no lunar date for ${day}`);
  const lunar = new SolarDate(parsed).toLunarDate().get();
  return { year: lunar.year, month: lunar.month, day: lunar.day, isLeapMonth: lunar.leap_month };
}

/**
 * The solar day of a lunar date. The package answers a day even for dates that do not exist (a 30th in
 * a 29-day month, a leap month in a year without it), so the answer is converted back and compared.
 */
export function lunarToSolar(lunar: LunarDay): string {
  if (lunar.year < LUNAR_RANGE.firstYear || lunar.year > LUNAR_RANGE.lastYear)
    throw new RangeError(`no solar date for lunar year ${lunar.year}`);
  const label = `lunar ${lunar.day}/${lunar.month}${lunar.isLeapMonth ? ' nhuận' : ''}/${lunar.year}`;
  let day: string;
  try {
    const date = new LunarDate({
      year: lunar.year,
      month: lunar.month,
      day: lunar.day,
      leap_month: lunar.isLeapMonth,
    });
    date.init();
    const solar = date.toSolarDate().get();
    day = isoDay(solar.year, solar.month, solar.day);
  } catch {
    // The package throws its own 'Invalid date' for some impossible dates.
    throw new RangeError(`${label} does not exist`);
  }
  const back = solarToLunar(day);
  if (
    back.year !== lunar.year ||
    back.month !== lunar.month ||
    back.day !== lunar.day ||
    back.isLeapMonth !== lunar.isLeapMonth
  )
    throw new RangeError(`${label} does not exist`);
  return day;
}
