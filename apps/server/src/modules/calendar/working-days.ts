import { addDays, isoWeekday, yearOf } from './iso-day.ts';
import type { DayStatus, WorkCalendar } from './work-calendar.ts';

/** Why a day was not counted, in both languages, so a due date can be explained to anyone. */
export interface SkippedDay {
  day: string;
  reason: 'weekend' | 'holiday' | 'nghi_bu' | 'bridge_day';
  labelVi: string;
  labelEn: string;
}

export interface Explanation {
  skipped: SkippedDay[];
  /** Saturdays worked by the yearly notice (làm bù) that were counted as working days. */
  makeUpDaysCounted: { day: string; note: string }[];
  /** Years crossed whose official notice (Tết days, swaps) is not loaded: the answer may be wrong there. */
  yearsWithoutData: number[];
}

export function describeDayOff(status: DayStatus & { isWorkingDay: false }): SkippedDay {
  switch (status.reason) {
    case 'weekend':
      return isoWeekday(status.day) === 6
        ? { day: status.day, reason: 'weekend', labelVi: 'Thứ Bảy', labelEn: 'Saturday' }
        : { day: status.day, reason: 'weekend', labelVi: 'Chủ nhật', labelEn: 'Sunday' };
    case 'holiday':
      return {
        day: status.day,
        reason: 'holiday',
        labelVi: status.holiday.nameVi,
        labelEn: status.holiday.nameEn,
      };
    case 'nghi_bu':
      return {
        day: status.day,
        reason: 'nghi_bu',
        labelVi: `Nghỉ bù ${status.holiday.nameVi} (${status.holiday.day})`,
        labelEn: `Compensatory day off for ${status.holiday.nameEn} (${status.holiday.day})`,
      };
    case 'bridge_day':
      return {
        day: status.day,
        reason: 'bridge_day',
        labelVi: `Ngày nghỉ hoán đổi: ${status.note}`,
        labelEn: `Bridge day off: ${status.note}`,
      };
  }
}

/** Collects the explanation while a computation walks over days. */
export class ExplanationBuilder {
  private readonly explanation: Explanation = { skipped: [], makeUpDaysCounted: [], yearsWithoutData: [] };
  private readonly calendar: WorkCalendar;
  constructor(calendar: WorkCalendar) {
    this.calendar = calendar;
  }

  /** Looks at a day, records why it is skipped or that it is a make-up day, and says if it is worked. */
  visit(day: string): boolean {
    const year = yearOf(day);
    if (!this.calendar.hasDataFor(year) && !this.explanation.yearsWithoutData.includes(year))
      this.explanation.yearsWithoutData.push(year);
    const status = this.calendar.statusOf(day);
    if (!status.isWorkingDay) {
      this.explanation.skipped.push(describeDayOff(status));
      return false;
    }
    if (status.reason === 'makeup_workday')
      this.explanation.makeUpDaysCounted.push({ day, note: status.note });
    return true;
  }

  build(): Explanation {
    return this.explanation;
  }
}

/** The largest count the engine accepts: about three years of working days. */
export const MAX_WORKING_DAYS = 750;

/** Walks forward from `from` until `count` working days have been passed; answers the last one. */
export function countWorkingDays(explain: ExplanationBuilder, from: string, count: number): string {
  if (!Number.isInteger(count) || count < 0 || count > MAX_WORKING_DAYS)
    throw new RangeError(`count must be an integer from 0 to ${MAX_WORKING_DAYS}`);
  let day = from;
  for (let counted = 0; counted < count;) {
    day = addDays(day, 1);
    if (explain.visit(day)) counted += 1;
  }
  return day;
}

/**
 * The n-th working day after `from` (vn-norms §7.1: the day of receipt is day 0; `n = 0` answers
 * `from` itself). Every day passed over that is not worked is listed with its reason.
 */
export function addWorkingDays(
  calendar: WorkCalendar,
  from: string,
  count: number,
): { date: string; explanation: Explanation } {
  const explain = new ExplanationBuilder(calendar);
  const date = countWorkingDays(explain, from, count);
  return { date, explanation: explain.build() };
}

/** A period that ends on a day off ends on the next working day (BLDS 2015 Art 148). */
export function rollForward(explain: ExplanationBuilder, day: string): string {
  let current = day;
  while (!explain.visit(current)) current = addDays(current, 1);
  return current;
}

/** The first working day after `day`. */
export function nextWorkingDay(explain: ExplanationBuilder, day: string): string {
  return rollForward(explain, addDays(day, 1));
}
