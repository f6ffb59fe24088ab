import { builtInHolidays, type BuiltInOptions, type Holiday } from './holidays.ts';
import { addDays, isoWeekday, yearOf } from './iso-day.ts';

/**
 * Which days are working days (R-CAL-1): Monday to Friday, minus public holidays, minus the nghỉ bù a
 * holiday on a weekend gives (BLLĐ Art 111.3), minus bridge days, plus make-up Saturdays.
 */
export const SWAP_KINDS = ['makeup_workday', 'bridge_day_off'] as const;
export type SwapKind = (typeof SWAP_KINDS)[number];

/** A day the yearly notice moves: a Saturday worked (làm bù) or a weekday off (ngày nghỉ hoán đổi). */
export interface Swap {
  day: string;
  kind: SwapKind;
  note: string;
}

export type DayStatus =
  | { day: string; isWorkingDay: true; reason: 'weekday' }
  | { day: string; isWorkingDay: true; reason: 'makeup_workday'; note: string }
  | { day: string; isWorkingDay: false; reason: 'weekend' }
  | { day: string; isWorkingDay: false; reason: 'holiday'; holiday: Holiday }
  | { day: string; isWorkingDay: false; reason: 'nghi_bu'; holiday: Holiday }
  | { day: string; isWorkingDay: false; reason: 'bridge_day'; note: string };

export interface YearData {
  /** Holidays set per year (Tết, the day beside Quốc khánh, one-off days). */
  holidays: Holiday[];
  swaps: Swap[];
  /** Years for which the official notice has been loaded (at least their Tết days). */
  yearsWithData: number[];
}

export interface WorkCalendar {
  statusOf(day: string): DayStatus;
  /** Holidays and nghỉ bù of a year, in order. */
  daysOffOf(year: number): DayStatus[];
  hasDataFor(year: number): boolean;
}

const isWeekend = (day: string) => isoWeekday(day) >= 6;

export function createWorkCalendar(data: YearData, options: BuiltInOptions): WorkCalendar {
  const swaps = new Map(data.swaps.map((swap) => [swap.day, swap]));
  const dataHolidays = new Map<number, Holiday[]>();
  for (const holiday of data.holidays) {
    const year = yearOf(holiday.day);
    dataHolidays.set(year, [...(dataHolidays.get(year) ?? []), holiday]);
  }
  const years = new Map<number, Map<string, DayStatus>>();

  /** Holidays and nghỉ bù of one year, computed once. */
  function daysOff(year: number): Map<string, DayStatus> {
    const cached = years.get(year);
    if (cached) return cached;
    const holidays = [...builtInHolidays(year, options), ...(dataHolidays.get(year) ?? [])].sort((a, b) =>
      a.day.localeCompare(b.day),
    );
    const off = new Map<string, DayStatus>();
    for (const holiday of holidays)
      off.set(holiday.day, { day: holiday.day, isWorkingDay: false, reason: 'holiday', holiday });
    // A holiday on a weekend moves to the next day that would otherwise be worked (Art 111.3); two
    // weekend holidays in a row (30/4 and 1/5 on Saturday and Sunday) give two days.
    for (const holiday of holidays) {
      if (!isWeekend(holiday.day) || swaps.get(holiday.day)?.kind === 'makeup_workday') continue;
      let day = addDays(holiday.day, 1);
      while (isWeekend(day) || off.has(day) || swaps.get(day)?.kind === 'bridge_day_off')
        day = addDays(day, 1);
      off.set(day, { day, isWorkingDay: false, reason: 'nghi_bu', holiday });
    }
    years.set(year, off);
    return off;
  }

  function statusOf(day: string): DayStatus {
    const swap = swaps.get(day);
    if (swap?.kind === 'makeup_workday')
      return { day, isWorkingDay: true, reason: 'makeup_workday', note: swap.note };
    if (swap?.kind === 'bridge_day_off')
      return { day, isWorkingDay: false, reason: 'bridge_day', note: swap.note };
    // A nghỉ bù for a holiday late in December lands in the next year.
    const off = daysOff(yearOf(day)).get(day) ?? daysOff(yearOf(day) - 1).get(day);
    if (off) return off;
    return isWeekend(day)
      ? { day, isWorkingDay: false, reason: 'weekend' }
      : { day, isWorkingDay: true, reason: 'weekday' };
  }

  return {
    statusOf,
    daysOffOf: (year) =>
      [...daysOff(year).values()]
        .filter((status) => yearOf(status.day) === year)
        .sort((a, b) => a.day.localeCompare(b.day)),
    hasDataFor: (year) => data.yearsWithData.includes(year),
  };
}
