import { computeDueDate, type DueDate, type DueDateInput } from './due-date.ts';
import { addDays, vietnamDayAndMinute } from './iso-day.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { addWorkingDays } from './working-days.ts';

/** A supplement request (yêu cầu bổ sung hồ sơ): the dossier waits from the request to the completion. */
export interface SupplementPause {
  requestedAt: Date;
  /** When the citizen completed the dossier; null while the dossier still waits. */
  completedAt: Date | null;
}

export interface PausedDeadline {
  isPaused: boolean;
  /**
   * The legal due date (NĐ 61 Art 19.4): counting starts again from zero on the complete supplement,
   * as a new receipt (so the cut-off applies). Null while the dossier waits.
   */
  legal: DueDate | null;
  /**
   * The QĐ 766 on-time measure (vn-norms R-CAL-7 [S]): the first due date pushed back by the working
   * days spent waiting; more than one supplement request counts as late whatever the dates.
   */
  f766: { dueDate: string | null; pausedWorkingDays: number; isLateByRule: boolean };
}

/** Working days after the request's day up to and including the completion's day (Vietnam's days). */
function workingDaysWaited(calendar: WorkCalendar, pause: SupplementPause & { completedAt: Date }): number {
  const last = vietnamDayAndMinute(pause.completedAt).day;
  let count = 0;
  for (let day = addDays(vietnamDayAndMinute(pause.requestedAt).day, 1); day <= last; day = addDays(day, 1))
    if (calendar.statusOf(day).isWorkingDay) count += 1;
  return count;
}

/** Both deadlines of a dossier that may have been paused for supplements (R-CAL-7). */
export function computePausedDeadline(
  calendar: WorkCalendar,
  input: DueDateInput & { pauses: SupplementPause[] },
): PausedDeadline {
  const { pauses, ...deadline } = input;
  const ordered = [...pauses].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  const last = ordered[ordered.length - 1];
  const isLateByRule = ordered.length > 1;
  if (last && last.completedAt === null)
    return { isPaused: true, legal: null, f766: { dueDate: null, pausedWorkingDays: 0, isLateByRule } };
  const completed = ordered as (SupplementPause & { completedAt: Date })[];
  const restartedAt = last?.completedAt ?? null;
  const legal = computeDueDate(calendar, restartedAt ? { ...deadline, receivedAt: restartedAt } : deadline);
  const first = restartedAt ? computeDueDate(calendar, deadline) : legal;
  const pausedWorkingDays = completed.reduce((sum, pause) => sum + workingDaysWaited(calendar, pause), 0);
  return {
    isPaused: false,
    legal,
    f766: {
      dueDate: addWorkingDays(calendar, first.dueDate, pausedWorkingDays).date,
      pausedWorkingDays,
      isLateByRule,
    },
  };
}
