import { describe, expect, it } from 'vitest';
import { aggregate, GROUP_KEYS } from './aggregate.ts';
import { at, dossier, elapsed } from './test-facts.ts';

// Seen on Fri 13 March 2026 at 12:00. Received 2 March, due 9 March 17:00 unless said otherwise.
const asOf = at('2026-03-13T12:00:00');
const facts = [
  // agency-a, March
  dossier({ code: 'early', channel: 2, resolvedAt: at('2026-03-05T10:00:00') }),
  dossier({ code: 'on time', resolvedAt: at('2026-03-09T17:00:00') }),
  dossier({ code: 'late', channel: 2, returnedAt: at('2026-03-11T10:00:00') }),
  dossier({ code: 'overdue' }),
  dossier({
    code: 'waiting',
    supplements: [{ requestedAt: at('2026-03-04T10:00:00'), completedAt: null }],
  }),
  dossier({ code: 'refused', refusedAt: at('2026-03-03T10:00:00') }),
  // agency-b, February and March
  dossier({
    code: 'withdrawn',
    competentAgencyId: 'agency-b',
    receivedAt: at('2026-02-27T09:00:00'),
    withdrawnAt: at('2026-03-02T10:00:00'),
  }),
  dossier({
    code: 'not yet due',
    competentAgencyId: 'agency-b',
    channel: 2,
    dueAt: at('2026-03-16T17:00:00'),
  }),
  dossier({ code: 'stopped', competentAgencyId: 'agency-b', stoppedAt: at('2026-03-04T10:00:00') }),
];

describe('on-time counts of the statistics page', () => {
  it('counts each state once per agency', () => {
    const [a, b] = aggregate(facts, GROUP_KEYS.agency, { asOf, elapsed });
    // agency-a: 6 received; resolved early, on time, late 1 each; in process: waiting (judged on
    // 4 March: not yet due) and overdue; 1 refused; 2 of 6 online → 33.33; 2 of 3 resolved on time → 66.67
    expect(a).toEqual({
      key: 'agency-a',
      received: 6,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 1,
      inProcessNotYetDue: 1,
      inProcessOverdue: 1,
      supplementRequested: 1,
      stopped: 0,
      refused: 1,
      withdrawn: 0,
      online: 2,
      onlineRatio: 33.33,
      onTimeRatio: 66.67,
    });
    // agency-b: nothing resolved → on-time ratio N/A; 1 of 3 online → 33.33
    expect(b).toMatchObject({
      key: 'agency-b',
      received: 3,
      inProcessNotYetDue: 1,
      stopped: 1,
      withdrawn: 1,
      onlineRatio: 33.33,
      onTimeRatio: null,
    });
  });

  it('groups by the month of receipt in Vietnam', () => {
    const months = aggregate(facts, GROUP_KEYS.month, { asOf, elapsed });
    expect(months.map((m) => [m.key, m.received])).toEqual([
      ['2026-03', 8],
      ['2026-02', 1],
    ]);
  });

  it('counts a dossier under each official who handled a step, and skips one without', () => {
    const step = (officialId: string) => ({
      unitId: 'unit-1',
      officialId,
      dueAt: at('2026-03-05T17:00:00'),
      finishedAt: at('2026-03-04T10:00:00'),
    });
    const shared = dossier({
      resolvedAt: at('2026-03-05T10:00:00'),
      steps: [step('X'), step('Y'), step('X')],
    });
    const groups = aggregate([shared, dossier()], GROUP_KEYS.official, { asOf, elapsed });
    expect(groups.map((g) => [g.key, g.received, g.resolvedEarly])).toEqual([
      ['X', 1, 1],
      ['Y', 1, 1],
    ]);
  });
});
