import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { systemActor } from '../src/platform/access.ts';
import { atCommit, collectingAtCommit } from '../src/platform/at-commit.ts';
import { recordEvent } from '../src/modules/audit/record-event.ts';
import { verifyChain } from '../src/modules/audit/verify-chain.ts';
import { agencyOf, draftBody } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// ADR 0013: counter receipts take their code in a statement of their own and append their audit
// records at the end of their transaction; what that must not change.

let t: TestApp;
let motcua: TestClient;
let centreId: string;

beforeAll(async () => {
  t = await startTestApp();
  motcua = await t.signedIn('motcua');
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

const sequenceOf = (dossier: Dossier) => Number(dossier.code!.slice(-4));

async function counterBody() {
  const body = await draftBody(motcua, centreId);
  return { ...body, channel: 'counter', deliveryMethod: 'counter', outcome: { kind: 'receive' } };
}

async function paper(body?: Record<string, unknown>, key?: string) {
  return motcua.post<Dossier>(
    '/api/dossiers/counter',
    body ?? (await counterBody()),
    key ? { 'idempotency-key': key } : undefined,
  );
}

describe('codes taken before the receipt’s transaction', () => {
  it('a retry with the same Idempotency-Key gets the first answer and uses no number', async () => {
    const key = `counter-retry-${Date.now()}`;
    const body = await counterBody();
    const first = await paper(body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await paper(body, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.code).toBe(first.body.code);
    const next = await paper();
    expect(sequenceOf(next.body)).toBe(sequenceOf(first.body) + 1);
  });

  it('a receipt refused for its content takes no number', async () => {
    const before = await paper();
    const refused = await motcua.post<{ issues: { field: string }[] }>('/api/dossiers/counter', {
      ...(await counterBody()),
      formData: {},
    });
    expect(refused.status).toBe(400);
    const after = await paper();
    expect(sequenceOf(after.body)).toBe(sequenceOf(before.body) + 1);
  });

  it('keeps every receipt’s audit records together and the chain whole under concurrency', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => paper()));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(201));
    for (const answer of answers) {
      expect(answer.body.invoiceId).toEqual(expect.any(String));
      const records = await t.database.db
        .selectFrom('audit_event')
        .select(['seq', 'data'])
        // the dossier's records and its fee invoice's, all written by the one command
        .where('entity_id', 'in', [answer.body.id, answer.body.invoiceId ?? answer.body.id])
        .orderBy('seq')
        .execute();
      const actions = records.map((r) => (r.data as { action?: string }).action).filter(Boolean);
      expect(actions).toEqual(['create', 'submit', 'receive']);
      // One append per command: its records are consecutive in the chain.
      const seqs = records.map((r) => r.seq);
      expect(seqs.at(-1)! - seqs[0]!).toBe(seqs.length - 1);
    }
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true });
  });
});

const SIGNED_OUT = {
  type: 'account.signed_out',
  entityType: 'account',
  entityId: '00000000-0000-0000-0000-000000000000',
  data: {},
} as const;

describe('work left for the end of a transaction', () => {
  it('holds audit records back until the end, runs the finalisers in order, and forgets them on rollback', async () => {
    const { db } = t.database;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const start = await count();
    const ran: string[] = [];
    await db.transaction().execute((tx) =>
      collectingAtCommit(tx, async () => {
        await recordEvent(tx, systemActor('test'), SIGNED_OUT);
        await recordEvent(tx, systemActor('test'), SIGNED_OUT);
        atCommit(tx, 'second', 20, async () => void ran.push('second'));
        atCommit(tx, 'first', 10, async () => void ran.push('first'));
        atCommit(tx, 'first', 10, async () => void ran.push('first again'));
        const inside = await tx
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(inside.n)).toBe(start);
      }),
    );
    expect(ran).toEqual(['first', 'second']);
    expect(await count()).toBe(start + 2);

    await expect(
      db.transaction().execute((tx) =>
        collectingAtCommit(tx, async () => {
          await recordEvent(tx, systemActor('test'), SIGNED_OUT);
          throw new Error('the command fails');
        }),
      ),
    ).rejects.toThrow('the command fails');
    expect(await count()).toBe(start + 2);
    // Outside a collecting transaction the record is appended at once.
    await db.transaction().execute(async (tx) => {
      await recordEvent(tx, systemActor('test'), SIGNED_OUT);
      const inside = await tx
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(inside.n)).toBe(start + 3);
    });
  });
});
