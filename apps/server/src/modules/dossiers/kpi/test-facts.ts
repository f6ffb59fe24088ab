import type { DossierFacts, Elapsed } from './types.ts';

/** Fixtures for the KPI tests only: instants in Vietnam's time and a Monday-to-Friday calendar. */

export const at = (time: string): Date => new Date(`${time}+07:00`);

const dayOf = (instant: Date): string =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Working days after the day of `from` up to the day of `to`, weekends off, no holidays (day 0 rule). */
export function weekdaysBetween(from: Date, to: Date): number {
  let count = 0;
  const last = Date.parse(`${dayOf(to)}T00:00:00Z`);
  for (let day = Date.parse(`${dayOf(from)}T00:00:00Z`) + 86_400_000; day <= last; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

export const elapsed: Elapsed = { workingDaysBetween: weekdaysBetween };

/**
 * A dossier received on Monday 2 March 2026 at 09:00, due (5 working days) on Monday 9 March at
 * 17:00, submitted at the counter, nothing else happened yet.
 */
export function dossier(overrides: Partial<DossierFacts> = {}): DossierFacts {
  return {
    code: '000.00.14.H20-260302-0001',
    procedureCode: '1.000001',
    receivingAgencyId: 'agency-a',
    competentAgencyId: 'agency-a',
    channel: 1,
    receivedAt: at('2026-03-02T09:00:00'),
    dueAt: at('2026-03-09T17:00:00'),
    legalDeadline: { amount: 5, unit: 'working_day' },
    supplements: [],
    ...overrides,
  };
}
