import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/audit/verify-chain.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

let t: TestApp;
let auditor: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  auditor = await t.signedIn('thanhtra');
});
afterAll(() => t.close());

interface Events {
  items: {
    seq: number;
    type: string;
    actorLabel: string;
    entityType: string;
    entityId: string;
    occurredAt: string;
  }[];
  total: number;
}

describe('audit trail', () => {
  it('records sign-ins and filters by actor, entity type, entity and time', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const who = await t.signedIn('vanthu');
    const me = await who.get<{ accountId: string }>('/api/auth/session');
    const byActor = await auditor.get<Events>(
      `/api/audit/events?actor=${me.body.accountId}&from=${encodeURIComponent(start)}`,
    );
    expect(byActor.status).toBe(200);
    expect(byActor.body.items.map((item) => item.type)).toEqual(['account.signed_in']);
    const byName = await auditor.get<Events>('/api/audit/events?actor=vanthu&type=account.signed_in');
    expect(byName.body.total).toBeGreaterThanOrEqual(1);
    const byEntity = await auditor.get<Events>(
      `/api/audit/events?entityType=account&entityId=${me.body.accountId}`,
    );
    expect(byEntity.body.items.every((item) => item.entityId === me.body.accountId)).toBe(true);
    const future = await auditor.get<Events>(
      `/api/audit/events?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body).toEqual({ items: [], total: 0 });
  });

  it('lets an official without audit.read see nothing', async () => {
    const staff = await t.signedIn('chuyenvien');
    expect((await staff.get('/api/audit/events')).status).toBe(403);
  });

  it('refuses to change or delete audit rows', async () => {
    await expect(
      sql`update audit_event set actor_label = 'someone else' where seq = 1`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies the chain and names the first record that was tampered with', async () => {
    const intact = await auditor.get<{ ok: boolean; checked: number }>('/api/audit/verify');
    expect(intact.body.ok).toBe(true);
    expect(intact.body.checked).toBeGreaterThan(1);
    // Someone with superuser rights bypasses the trigger and rewrites record 2.
    await t.database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(tx);
      await sql`update audit_event set data = '{"method":"forged"}' where seq = 2`.execute(tx);
      await sql`alter table audit_event enable trigger audit_event_no_update`.execute(tx);
    });
    const report = await verifyChain(t.database.db);
    expect(report).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      checked: 1,
      reason: 'content does not match its hash',
    });
    const viaApi = await auditor.get<{ ok: boolean; firstBrokenSeq: number }>('/api/audit/verify');
    expect(viaApi.body).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});
