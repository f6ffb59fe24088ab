import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { todayInVietnam } from '../src/platform/time.ts';
import { addDays } from '../src/modules/calendar/iso-day.ts';
import { computeStatistics } from '../src/modules/dossiers/statistics.ts';
import { planBatches } from '../src/modules/dossiers/statistics-facts.ts';
import { agencyOf, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// The figures of a long period are read in batches of days (ADR 0011): cut anywhere, they must
// add up to the same answer as one batch, and no dossier may fall between two batches.

let t: TestApp;
let motcua: TestClient;
let centreId: string;
const HOUR = 3_600_000;

async function received(): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Moves a dossier's receipt to 10:00 (Vietnam) on a day, and its due instant `dueInHours` after. */
async function receivedOn(id: string, day: string, dueInHours: number) {
  const at = new Date(`${day}T10:00:00+07:00`);
  const due = new Date(at.getTime() + dueInHours * HOUR);
  await t.database.db
    .updateTable('dossier')
    .set({ received_at: at, due_at: due, first_due_at: due })
    .where('id', '=', id)
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  motcua = await t.signedIn('motcua');
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('the figures of a period read in batches', () => {
  it('gives the same answer in batches of one day as in one batch, across midnights and months', async () => {
    const today = todayInVietnam();
    // Five days, two dossiers on the middle one, one on the first day of the period and one at its end;
    // midnight Vietnam is 17:00 UTC, so a day cut in UTC would move the 00:30 one.
    const first = addDays(today, -40);
    const days = [first, addDays(today, -25), addDays(today, -25), addDays(today, -3), today];
    const dossiers = [];
    for (let i = 0; i < days.length; i++) dossiers.push(await received());
    for (const [i, dossier] of dossiers.entries()) await receivedOn(dossier.id, days[i]!, i % 2 ? -1 : 500);
    const edge = new Date(`${addDays(today, -3)}T00:30:00+07:00`);
    await t.database.db
      .updateTable('dossier')
      .set({ received_at: edge })
      .where('id', '=', dossiers[3]!.id)
      .execute();

    const scope = { all: true } as const;
    const period = {
      from: new Date(`${first}T00:00:00+07:00`),
      to: new Date(`${addDays(today, 1)}T00:00:00+07:00`),
    };
    const batches = await planBatches(t.database.db, scope, period, 1);
    // One batch per day holding a dossier (the two of the same day together), end to end over the period.
    expect(batches).toHaveLength(4);
    expect(batches[0]!.from).toEqual(period.from);
    expect(batches.at(-1)!.to).toEqual(period.to);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.from).toEqual(batches[i - 1]!.to);
    expect(batches[3]!.from).toEqual(new Date(`${today}T00:00:00+07:00`));
    expect(batches[2]!.from).toEqual(new Date(`${addDays(today, -3)}T00:00:00+07:00`));

    const whole = await computeStatistics(t.database.db, scope, first, today);
    const inDays = await computeStatistics(t.database.db, scope, first, today, { batchSize: 1 });
    expect(whole.received).toBeGreaterThanOrEqual(5);
    expect(inDays).toEqual(whole);
    // The two dossiers given a due instant an hour before receipt count as open and overdue.
    const centre = whole.byAgency.reduce((sum, row) => sum + row.inProcessOverdue, 0);
    expect(centre).toBeGreaterThanOrEqual(2);
  });
});
