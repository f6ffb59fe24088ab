import { computeDueDate } from '../calendar/due-date.ts';
import { vietnamDayAndMinute } from '../calendar/iso-day.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

/**
 * When an alert or a reminder about a dossier falls due: pure rules over the work calendar, so that
 * they are tested on fixed dates. The scan (`alerts.ts`) asks them and sends what is due, once.
 */

/** What officials are told about (vn-norms R-DOS-10, R-DOS-11, step reminders). */
export const ALERT_KINDS = [
  'handover_late',
  'consultation_overdue',
  'transfer_overdue',
  'step_reminder',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface OfficeRules {
  /** 'HH:MM' (UTC+7): a paper dossier received at or after it is handed over the next working day. */
  cutOff: string;
  /** Office hours as 'HH:MM-HH:MM' windows (the setting calendar.workingHours). */
  workingHours: string[];
}

/**
 * R-DOS-10 (NĐ 61/2018 Art 18.1.b): a paper dossier goes to the agency that decides it within the
 * working day of its receipt, or at the opening of the next working day when it was received at or
 * after the cut-off (or on a day off). Never "24 hours later": the calendar says which day is worked.
 */
export function handoverDueAt(calendar: WorkCalendar, receivedAt: Date, rules: OfficeRules): Date {
  const opening = computeDueDate(calendar, { receivedAt, amount: 0, unit: 'hour', rules });
  if (opening.receiptMoved !== null) return new Date(opening.dueAt);
  const closing = computeDueDate(calendar, { receivedAt, amount: 0, unit: 'working_day', rules });
  return new Date(closing.dueAt);
}

export interface ReminderThreshold {
  /** Remind when this share of the budget is left (0.25 = a quarter)… */
  remainingShare: number;
  /** …or when this many working hours are left, whichever comes first. */
  remainingHours: number;
}

/**
 * How many working hours into a step's budget its holder is reminded. The half-day rule applies only
 * to budgets longer than it: a two-hour step would otherwise be "nearly out" the moment it starts.
 */
export function reminderAfterHours(budgetHours: number, threshold: ReminderThreshold): number {
  if (!(budgetHours > 0)) return 0;
  const share = Math.min(Math.max(threshold.remainingShare, 0), 1);
  const byShare = budgetHours * share;
  const lead = budgetHours > threshold.remainingHours ? Math.max(byShare, threshold.remainingHours) : byShare;
  return budgetHours - lead;
}

/**
 * The instant a step's holder is reminded: its budget counted in office hours from the step's start,
 * the way the step's due instant was (transition.ts enterStep: hours, no cut-off).
 */
export function stepReminderAt(
  calendar: WorkCalendar,
  step: { startedAt: Date; budgetHours: number },
  threshold: ReminderThreshold,
  workingHours: string[],
): Date {
  const due = computeDueDate(calendar, {
    receivedAt: step.startedAt,
    amount: reminderAfterHours(step.budgetHours, threshold),
    unit: 'hour',
    rules: { cutOff: '23:59', workingHours },
  });
  return new Date(due.dueAt);
}

/**
 * R-DOS-11: a consultation is overdue from the first day (Vietnam's time) after its due date, the
 * same measure its reply is judged late by (process-dossier.ts replyConsultation).
 */
export const isConsultationOverdue = (dueDate: string, now: Date): boolean =>
  vietnamDayAndMinute(now).day > dueDate;

/** The key that makes an alert once per dossier, subject and kind (unique in dossier_alert). */
export const stepSubject = (stepIndex: number, startedAt: Date): string =>
  `step:${stepIndex}:${startedAt.getTime()}`;
export const consultationSubject = (consultationId: string): string => `consultation:${consultationId}`;
export const RECEIPT_SUBJECT = 'receipt';
