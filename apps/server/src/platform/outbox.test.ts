import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, testDatabaseKind } from '../../test/fixture-database.ts';
import type { Db } from './db.ts';
import {
  createOutboxWorker,
  enqueue,
  outboxSummary,
  retryDelayMs,
  type OutboxHandler,
  type OutboxLogger,
} from './outbox.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.drop());
beforeEach(async () => {
  await db.deleteFrom('outbox').execute();
});

const logger = (): OutboxLogger & { calls: { level: string; message: string }[] } => {
  const calls: { level: string; message: string }[] = [];
  const log = (level: string) => (_data: object, message: string) => calls.push({ level, message });
  return { calls, info: log('info'), warn: log('warn'), error: log('error') };
};

const worker = (handlers: Record<string, OutboxHandler>, overrides: { maxAttempts?: number } = {}) =>
  createOutboxWorker({
    db,
    handlers,
    logger: logger(),
    pollMs: 50,
    batchSize: 10,
    maxAttempts: overrides.maxAttempts ?? 3,
    random: () => 0.5,
  });

const put = (topic: string, payload: unknown, options?: Parameters<typeof enqueue>[3]) =>
  db.transaction().execute((tx) => enqueue(tx, topic, payload, options));

const rowOf = (id: number) =>
  db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Makes every waiting message due now, as if its backoff had passed. */
const makeDue = () =>
  db
    .updateTable('outbox')
    .set({ available_at: sql<Date>`now() - interval '1 second'` })
    .execute();

describe('retry delays', () => {
  it('double from 10 s, jittered within the upper half, capped at 1 hour', () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, () => 1 - Number.EPSILON)).toBe(10_000);
    expect(retryDelayMs(2, () => 0)).toBe(10_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(30, () => 1 - Number.EPSILON)).toBe(3_600_000);
    expect(retryDelayMs(30, () => 0)).toBe(1_800_000);
  });
});

describe('the outbox', () => {
  it('runs the handler of a committed message once and marks it processed', async () => {
    const seen: unknown[] = [];
    const id = await put('test.echo', { hello: 'xin chào' });
    const w = worker({ 'test.echo': async (payload, context) => void seen.push({ payload, context }) });
    expect(await w.runOnce()).toEqual({ processed: 1, failed: 0 });
    expect(seen).toEqual([
      {
        payload: { hello: 'xin chào' },
        context: { id, topic: 'test.echo', attempt: 1, isLastAttempt: false },
      },
    ]);
    expect((await rowOf(id!)).processed_at).toBeInstanceOf(Date);
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 0 });
    expect(seen).toHaveLength(1);
  });

  it('forgets a message whose transaction rolled back', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueue(tx, 'test.echo', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('keeps one message per dedupe key', async () => {
    const first = await put('test.echo', { n: 1 }, { dedupeKey: 'dossier:1:submitted' });
    const second = await put('test.echo', { n: 2 }, { dedupeKey: 'dossier:1:submitted' });
    await put('test.echo', { n: 3 });
    await put('test.echo', { n: 4 });
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
    const rows = await db.selectFrom('outbox').select(['payload', 'dedupe_key']).orderBy('id').execute();
    expect(rows.map((row) => row.payload)).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
  });

  it('waits for availableAt', async () => {
    await put('test.echo', {}, { availableAt: new Date(Date.now() + 60_000) });
    const handler = vi.fn(async () => {});
    expect(await worker({ 'test.echo': handler }).runOnce()).toEqual({ processed: 0, failed: 0 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('retries a failure later with backoff, keeping the error, then succeeds', async () => {
    const id = (await put('test.flaky', {}))!;
    let calls = 0;
    const w = worker({
      'test.flaky': async () => {
        calls += 1;
        if (calls === 1) throw new Error('provider timed out');
      },
    });
    const before = Date.now();
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 1 });
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ attempts: 1, processed_at: null, dead_at: null });
    expect(failed.last_error).toBe('Error: provider timed out');
    // attempt 1, jitter 0.5: 7.5 s (database and test clocks may differ by a little).
    const waitMs = failed.available_at.getTime() - before;
    expect(waitMs).toBeGreaterThan(6_000);
    expect(waitMs).toBeLessThan(9_000);
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 0 });
    await makeDue();
    expect(await w.runOnce()).toEqual({ processed: 1, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ attempts: 2, last_error: null });
    expect(calls).toBe(2);
  });

  it('leaves a message dead after maxAttempts, logs it and reports it', async () => {
    const id = (await put('test.broken', { x: 1 }))!;
    const log = logger();
    const attempts: boolean[] = [];
    const w = createOutboxWorker({
      db,
      logger: log,
      pollMs: 50,
      batchSize: 10,
      maxAttempts: 2,
      handlers: {
        'test.broken': async (_payload, context) => {
          attempts.push(context.isLastAttempt);
          throw new Error('always');
        },
      },
    });
    await w.runOnce();
    await makeDue();
    await w.runOnce();
    await makeDue();
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 0 });
    expect(attempts).toEqual([false, true]);
    const row = await rowOf(id);
    expect(row).toMatchObject({ attempts: 2, processed_at: null, last_error: 'Error: always' });
    expect(row.dead_at).toBeInstanceOf(Date);
    expect(log.calls.map((call) => call.level)).toEqual(['warn', 'error']);
    expect(log.calls[1]?.message).toMatch(/dead/);
    await put('test.echo', {});
    const summary = await outboxSummary(db);
    expect(summary).toMatchObject({ pending: 1, dead: 1 });
    expect(summary.topics).toEqual([
      { topic: 'test.broken', pending: 0, dead: 1, oldestPendingSeconds: null },
      { topic: 'test.echo', pending: 1, dead: 0, oldestPendingSeconds: expect.any(Number) as number },
    ]);
  });

  it('keeps a message of an unknown topic for a newer server, logging an error, never dead', async () => {
    const id = (await put('test.from_the_future', {}))!;
    const log = logger();
    const w = createOutboxWorker({
      db,
      logger: log,
      pollMs: 50,
      batchSize: 10,
      maxAttempts: 1,
      handlers: {},
    });
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 1 });
    await makeDue();
    expect(await w.runOnce()).toEqual({ processed: 0, failed: 1 });
    const row = await rowOf(id);
    expect(row).toMatchObject({ attempts: 2, dead_at: null, processed_at: null });
    expect(row.last_error).toMatch(/no handler for topic test\.from_the_future/);
    expect(log.calls.every((call) => call.level === 'error')).toBe(true);
  });

  it('polls once started; stop() waits for the batch in progress, then polls no more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let enter!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let isFinished = false;
    const handler = vi.fn(async () => {
      enter();
      await gate;
      isFinished = true;
    });
    const w = worker({ 'test.slow': handler });
    await put('test.slow', {});
    w.start();
    await entered;
    const stopped = w.stop().then(() => isFinished);
    setTimeout(release, 100);
    expect(await stopped).toBe(true);
    const id = (await put('test.slow', {}))!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(handler).toHaveBeenCalledTimes(1);
    expect((await rowOf(id)).attempts).toBe(0);
  });

  it('two workers on one database never run a message twice', async () => {
    for (let n = 0; n < 30; n += 1) await put('test.count', { n });
    const runs = new Map<number, number>();
    const handler: OutboxHandler = async (payload) => {
      const { n } = payload as { n: number };
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const a = worker({ 'test.count': handler });
    const b = worker({ 'test.count': handler });
    const results = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(results.every((result) => result.failed === 0)).toBe(true);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('two workers on two PostgreSQL connections', () => {
  it('claim disjoint rows with skip locked and process each message exactly once', async () => {
    const second = database.open();
    try {
      for (let n = 0; n < 60; n += 1) await put('test.count', { n });
      const runs: number[] = [];
      const handler: OutboxHandler = async (payload) => {
        runs.push((payload as { n: number }).n);
        await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const options = {
        handlers: { 'test.count': handler },
        logger: logger(),
        pollMs: 10,
        batchSize: 7,
        maxAttempts: 3,
      };
      const a = createOutboxWorker({ db, ...options });
      const b = createOutboxWorker({ db: second.db, ...options });
      const drain = async (w: typeof a) => {
        let total = 0;
        for (;;) {
          const { processed, failed } = await w.runOnce();
          if (processed + failed === 0) return total;
          total += processed;
        }
      };
      const [byA, byB] = await Promise.all([drain(a), drain(b)]);
      expect(byA + byB).toBe(60);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      expect([...runs].sort((x, y) => x - y)).toEqual([...Array(60).keys()]);
    } finally {
      await second.close();
    }
  });
});
