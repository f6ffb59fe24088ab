import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierStatistics } from '@tinhso/contracts';
import { todayInVietnam } from '../src/platform/time.ts';
import { agencyOf, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

let t: TestApp;
let motcua: TestClient;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let centreId: string;

const HOUR = 3_600_000;

/** A paper dossier received at the desk now. */
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

async function decide(id: string) {
  await chuyenvien.post(`/api/dossiers/${id}/forward`, {});
  const resolved = await giamdoc.post<Dossier>(`/api/dossiers/${id}/resolve`, { outcome: 'approved' });
  expect(resolved.body.status).toBe('resolved');
}

beforeAll(async () => {
  t = await startTestApp();
  motcua = await t.signedIn('motcua');
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('the one-stop figures, computed by hand', () => {
  it('counts on-time, late and open dossiers and the online ratio of the period', async () => {
    // A: decided at once, well before its due date (10 calendar days) → early.
    const a = await received();
    await decide(a.id);
    // B: the due instant given at receipt is past before the decision → late, although due_at was
    // moved on (as a restart after a supplement does): the measure keeps the first (R-CAL-7).
    const b = await received();
    await t.database.db
      .updateTable('dossier')
      .set({ due_at: new Date(Date.now() + 10 * 24 * HOUR), first_due_at: new Date(Date.now() - HOUR) })
      .where('id', '=', b.id)
      .execute();
    await decide(b.id);
    // C: still open and not yet due.
    await received();
    // D: still open and already overdue.
    const d = await received();
    await t.database.db
      .updateTable('dossier')
      .set({ due_at: new Date(Date.now() - HOUR), first_due_at: new Date(Date.now() - HOUR) })
      .where('id', '=', d.id)
      .execute();

    const today = todayInVietnam();
    const leader = await t.signedIn('lanhdao');
    const stats = await leader.get<DossierStatistics>(`/api/dossiers/statistics?from=${today}&to=${today}`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.received).toBe(4);
    const justice = stats.body.byAgency.find((row) => row.name?.startsWith('Sở Tư pháp'));
    // 4 received; A early, B late; C open not due, D open overdue; none online.
    expect(justice).toMatchObject({
      received: 4,
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedLate: 1,
      inProcessNotYetDue: 1,
      inProcessOverdue: 1,
      online: 0,
      onlineRatio: 0,
      onTimeRatio: 50,
    });
    // QĐ 766 2.1 over the 4: A on time, C judged at the period's end (not yet due) on time, B and D late → 2/4.
    const onTime = stats.body.qd766.find((indicator) => indicator.id === '2.1');
    expect(onTime).toMatchObject({ numerator: 2, denominator: 4, rate: 50 });
    // 1.4: each dossier's last state reaches the national portal (simulated) through the outbox.
    for (let attempt = 0; attempt < 100; attempt++) {
      const pending = await t.database.db
        .selectFrom('dossier')
        .select('id')
        .where('id', 'in', [a.id, b.id, d.id])
        .where('sync_status', '!=', 'synced')
        .execute();
      if (pending.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const synced = await leader.get<DossierStatistics>(`/api/dossiers/statistics?from=${today}&to=${today}`);
    const sync = synced.body.qd766.find((indicator) => indicator.id === '1.4');
    expect(sync?.denominator).toBe(4);
    expect(sync?.numerator).toBeGreaterThanOrEqual(3);
    expect(stats.body.evaluations.some((evaluation) => evaluation.name.startsWith('Sở Tư pháp'))).toBe(true);

    // One agency's page: the department's leader sees its figures, not another department's.
    const justiceId = justice!.key;
    const director = await t.signedIn('giamdoc');
    const own = await director.get<DossierStatistics>(
      `/api/dossiers/statistics?from=${today}&to=${today}&agencyId=${justiceId}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.received).toBe(4);
    const finance = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', '000.00.03.H20')
      .executeTakeFirstOrThrow();
    const other = await director.get(
      `/api/dossiers/statistics?from=${today}&to=${today}&agencyId=${finance.id}`,
    );
    expect(other.status).toBe(404);
  });

  it('shows the IT staff what background work waits, by topic', async () => {
    // A message no worker will take before the check: a topic of a newer server, due in an hour.
    await t.database.db
      .insertInto('outbox')
      .values({
        topic: 'report.monthly',
        payload: JSON.stringify({}),
        available_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    const admin = await t.signedIn('quantri');
    const outbox = await admin.get<{ pending: number; topics: { topic: string; pending: number }[] }>(
      '/api/ops/outbox',
    );
    expect(outbox.status).toBe(200);
    expect(outbox.body.topics).toEqual(
      expect.arrayContaining([expect.objectContaining({ topic: 'report.monthly', pending: 1 })]),
    );
    expect(outbox.body.pending).toBeGreaterThanOrEqual(1);
    expect((await motcua.get('/api/ops/outbox')).status).toBe(403);
  });

  it('answers 403 without dossier.stats and 400 for a period ending before it starts', async () => {
    expect((await motcua.get('/api/dossiers/statistics?from=2026-01-01&to=2026-01-31')).status).toBe(403);
    const leader = await t.signedIn('lanhdao');
    const backwards = await leader.get<{ issues: { field: string }[] }>(
      '/api/dossiers/statistics?from=2026-02-01&to=2026-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.issues[0]?.field).toBe('to');
  });
});
