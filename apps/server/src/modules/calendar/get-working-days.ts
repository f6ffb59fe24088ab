import type { WorkingDaysAnswer, WorkingDaysQuery } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { parseIsoDay } from './iso-day.ts';
import { LUNAR_RANGE } from './lunar.ts';
import { loadWorkCalendar } from './repository.ts';
import { addWorkingDays } from './working-days.ts';

/** Working days per year, at least: how many years a count of working days can span. */
const MIN_WORKING_DAYS_PER_YEAR = 230;

/** The portal's "hẹn trả" preview: the add-th working day after `from`, and why. */
export async function getWorkingDays(db: Db, query: WorkingDaysQuery): Promise<WorkingDaysAnswer> {
  const from = parseIsoDay(query.from);
  if (!from || from.year < LUNAR_RANGE.firstYear + 1 || from.year > LUNAR_RANGE.lastYear - 4)
    throw invalid('from', 'format', { format: 'date' });
  const lastYear = from.year + Math.ceil(query.add / MIN_WORKING_DAYS_PER_YEAR) + 1;
  const calendar = await loadWorkCalendar(db, from.year, lastYear);
  const { date, explanation } = addWorkingDays(calendar, query.from, query.add);
  return { from: query.from, add: query.add, date, explanation };
}
