import type { DueDateAnswer } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { computeDueDate, type DeadlineUnit } from './due-date.ts';
import { vietnamDayAndMinute, yearOf } from './iso-day.ts';
import { loadWorkCalendar } from './repository.ts';

/** How many of a unit fit in a year, at least: how many years a deadline can span. */
const PER_YEAR: Record<DeadlineUnit, number> = { working_day: 230, calendar_day: 365, month: 12, hour: 1840 };

export interface DueDateRequest {
  receivedAt: Date;
  amount: number;
  unit: DeadlineUnit;
  /** The procedure's cut-off, 'HH:MM'; the setting calendar.cutOff when absent. */
  cutOff?: string | undefined;
}

/**
 * When a deadline received at an instant runs out, with the calendar and office hours in force: for
 * the portal's preview and for the modules that set a dossier's due date (which store the answer).
 */
export async function getDueDate(db: Db, request: DueDateRequest): Promise<DueDateAnswer> {
  if (request.unit !== 'hour' && !Number.isInteger(request.amount))
    throw invalid('amount', 'type', { type: 'integer' });
  const firstYear = yearOf(vietnamDayAndMinute(request.receivedAt).day);
  const calendar = await loadWorkCalendar(
    db,
    firstYear,
    firstYear + Math.ceil(request.amount / PER_YEAR[request.unit]) + 1,
  );
  const rules = {
    cutOff: request.cutOff ?? (await getSetting(db, 'calendar.cutOff')),
    workingHours: await getSetting(db, 'calendar.workingHours'),
  };
  return computeDueDate(calendar, { ...request, rules });
}
