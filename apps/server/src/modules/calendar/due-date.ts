import { addDays, addMonths, vietnamDayAndMinute } from './iso-day.ts';
import type { WorkCalendar } from './work-calendar.ts';
import {
  countWorkingDays,
  ExplanationBuilder,
  nextWorkingDay,
  rollForward,
  type Explanation,
} from './working-days.ts';

/** The units of a legal deadline (DonViTinh in the national portal's data, R-CAL-6). */
export const DEADLINE_UNITS = ['working_day', 'calendar_day', 'hour', 'month'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface DeadlineRules {
  /** 'HH:MM' in Vietnam's time; a receipt at or after it counts from the next working day (R-CAL-5). */
  cutOff: string;
  /**
   * The office's working hours as 'HH:MM-HH:MM' windows. Deadlines in hours count only the minutes
   * inside these windows on working days; a due date in days falls due at the end of the last one.
   */
  workingHours: string[];
}

export interface DueDateInput {
  receivedAt: Date;
  amount: number;
  unit: DeadlineUnit;
  rules: DeadlineRules;
}

export interface DueDate {
  /** Day 0 of the count: the day of receipt, or the next working day after a late or off-day receipt. */
  countsFrom: string;
  /** Why counting does not start on the day of receipt, if it does not. */
  receiptMoved: 'after_cut_off' | 'day_off' | null;
  dueDate: string;
  /** The instant the deadline runs out, ISO 8601 with offset +07:00. */
  dueAt: string;
  explanation: Explanation;
}

const minuteOf = (time: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

export function parseWindows(workingHours: string[]): { start: number; end: number }[] {
  const windows = workingHours.map((window) => {
    const [start = '', end = ''] = window.split('-');
    return { start: minuteOf(start), end: minuteOf(end) };
  });
  windows.sort((a, b) => a.start - b.start);
  if (
    windows.length === 0 ||
    windows.some((w, i) => w.end <= w.start || (i > 0 && w.start < windows[i - 1]!.end))
  )
    throw new RangeError(
      `working hours must be ordered, non-overlapping windows: ${workingHours.join(', ')}`,
    );
  return windows;
}

/** Vietnam's time, +07:00, so the answer reads as the officer sees it. */
function formatInVietnam(day: string, minute: number): string {
  const hours = String(Math.floor(minute / 60)).padStart(2, '0');
  const minutes = String(minute % 60).padStart(2, '0');
  return `${day}T${hours}:${minutes}:00+07:00`;
}

/**
 * When a deadline runs out (R-CAL-5, R-CAL-6). Working days count from day 0 as addWorkingDays does;
 * calendar days and months end on the same day count later and roll forward off a day off; hours count
 * working minutes from the receipt (or from the opening of the next working day).
 */
export function computeDueDate(calendar: WorkCalendar, input: DueDateInput): DueDate {
  if (!(input.amount >= 0) || (input.unit !== 'hour' && !Number.isInteger(input.amount)))
    throw new RangeError('amount must be a non-negative number, whole except in hours');
  const windows = parseWindows(input.rules.workingHours);
  const closing = windows[windows.length - 1]!.end;
  const received = vietnamDayAndMinute(input.receivedAt);
  const explain = new ExplanationBuilder(calendar);
  const isReceiptDayWorked = explain.visit(received.day);
  const isLate = received.minute >= minuteOf(input.rules.cutOff);
  const receiptMoved = !isReceiptDayWorked ? 'day_off' : isLate ? 'after_cut_off' : null;
  const countsFrom = receiptMoved ? nextWorkingDay(explain, received.day) : received.day;
  const startMinute = receiptMoved ? windows[0]!.start : received.minute;

  const inDays = (dueDate: string): DueDate => ({
    countsFrom,
    receiptMoved,
    dueDate,
    dueAt: formatInVietnam(dueDate, closing),
    explanation: explain.build(),
  });
  switch (input.unit) {
    case 'working_day':
      return inDays(countWorkingDays(explain, countsFrom, input.amount));
    case 'calendar_day':
      return inDays(rollForward(explain, addDays(countsFrom, input.amount)));
    case 'month':
      return inDays(rollForward(explain, addMonths(countsFrom, input.amount)));
    case 'hour': {
      const end = addWorkingMinutes(explain, windows, countsFrom, startMinute, Math.round(input.amount * 60));
      return {
        countsFrom,
        receiptMoved,
        dueDate: end.day,
        dueAt: formatInVietnam(end.day, end.minute),
        explanation: explain.build(),
      };
    }
  }
}

function addWorkingMinutes(
  explain: ExplanationBuilder,
  windows: { start: number; end: number }[],
  fromDay: string,
  fromMinute: number,
  minutes: number,
): { day: string; minute: number } {
  let day = fromDay;
  let minute = fromMinute;
  let left = minutes;
  for (;;) {
    for (const window of windows) {
      const start = Math.max(window.start, minute);
      if (start >= window.end) continue;
      if (left <= window.end - start) return { day, minute: start + left };
      left -= window.end - start;
    }
    day = nextWorkingDay(explain, day);
    minute = 0;
  }
}
