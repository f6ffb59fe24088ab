import { sql, type Transaction } from 'kysely';
import type { DB } from './db-types.ts';
import type { Db } from './db.ts';

/**
 * The transactional outbox. A module that must cause work outside the database (send an e-mail,
 * call another system) writes a message with `enqueue` inside the transaction of its change, so the
 * change and the promise to act commit together. A worker then claims due messages and runs the
 * handler of their topic.
 *
 * Delivery is at least once: a process that dies after a handler acted and before the message is
 * marked processed, or a handler that outlives its lease, runs again. Handlers must be idempotent
 * (look up what they already did, pass a stable id to the provider).
 */

declare module './db-types.ts' {
  interface OutboxTable {
    dedupe_key: string | null;
    dead_at: Date | null;
  }
}

export interface OutboxContext {
  id: number;
  topic: string;
  /** This attempt's number, from 1. */
  attempt: number;
  /** The last attempt before the message is left dead; a handler may record a final failure. */
  isLastAttempt: boolean;
}

export type OutboxHandler = (payload: unknown, context: OutboxContext) => Promise<void>;

/** The part of a pino (Fastify) logger the worker uses. */
export interface OutboxLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface OutboxWorkerOptions {
  db: Db;
  handlers: Record<string, OutboxHandler>;
  logger: OutboxLogger;
  /** Wait between polls when the last batch was not full. */
  pollMs: number;
  batchSize: number;
  /** Attempts before a message is left dead. */
  maxAttempts: number;
  /**
   * How long a claimed message stays hidden from other workers while its handler runs (default
   * 5 minutes). A handler still running after it may see its message claimed again.
   */
  leaseMs?: number;
  /** For tests: the source of jitter, in [0, 1). */
  random?: () => number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for the batch in progress to finish. */
  stop(): Promise<void>;
  /** Claims and handles one batch; tests and the CLI call it directly. */
  runOnce(): Promise<{ processed: number; failed: number }>;
}

const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 3_600_000;
const DEFAULT_LEASE_MS = 300_000;
const LAST_ERROR_MAX = 2_000;

/**
 * The wait before retrying after the n-th failed attempt: 10 s × 2^(n−1), capped at 1 hour, with
 * "equal jitter" (half fixed, half random) so that messages failing together do not retry together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Writes a message inside the caller's transaction. With a dedupe key, a second message with the
 * same key is ignored. Answers the new message's id, or null when the key was already used.
 */
export async function enqueue(
  tx: Transaction<DB>,
  topic: string,
  payload: unknown,
  options: { availableAt?: Date; dedupeKey?: string } = {},
): Promise<number | null> {
  const row = await tx
    .insertInto('outbox')
    .values({
      topic,
      payload: JSON.stringify(payload),
      ...(options.availableAt ? { available_at: options.availableAt } : {}),
      dedupe_key: options.dedupeKey ?? null,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

interface ClaimedMessage {
  id: number;
  topic: string;
  payload: unknown;
  attempts: number;
}

/**
 * Claims due messages in a short transaction: `for update skip locked` keeps two workers off the
 * same rows while they claim, and the lease (available_at moved ahead, attempts counted) keeps them
 * off afterwards, so handlers run outside any transaction (PGlite has one connection; a transaction
 * held across a handler would block the handler's own queries).
 */
async function claim(db: Db, batchSize: number, leaseMs: number): Promise<ClaimedMessage[]> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('outbox')
      .select('id')
      .where('processed_at', 'is', null)
      .where('dead_at', 'is', null)
      .where('available_at', '<=', sql<Date>`now()`)
      .orderBy('available_at')
      .orderBy('id')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return tx
      .updateTable('outbox')
      .set({
        attempts: sql<number>`attempts + 1`,
        available_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .returning(['id', 'topic', 'payload', 'attempts'])
      .execute();
  });
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

export class UnknownTopicError extends Error {
  constructor(topic: string) {
    super(`no handler for topic ${topic}`);
    this.name = 'UnknownTopicError';
  }
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, handlers, logger, pollMs, batchSize, maxAttempts } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const random = options.random ?? Math.random;
  let running: Promise<{ processed: number; failed: number }> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let isStarted = false;

  async function fail(message: ClaimedMessage, error: unknown): Promise<void> {
    // An unknown topic may belong to a newer server sharing the database: keep it for that one.
    const isUnknownTopic = error instanceof UnknownTopicError;
    const isDead = !isUnknownTopic && message.attempts >= maxAttempts;
    const delayMs = retryDelayMs(message.attempts, random);
    await db
      .updateTable('outbox')
      .set({
        last_error: describeError(error),
        available_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
        dead_at: isDead ? sql<Date>`now()` : null,
      })
      .where('id', '=', message.id)
      .execute();
    const data = { outboxId: message.id, topic: message.topic, attempt: message.attempts, err: error };
    if (isDead) logger.error(data, 'outbox message dead after its last attempt');
    else if (isUnknownTopic) logger.error({ ...data, retryInMs: delayMs }, 'outbox message has no handler');
    else logger.warn({ ...data, retryInMs: delayMs }, 'outbox message failed, will retry');
  }

  async function handle(message: ClaimedMessage): Promise<boolean> {
    try {
      const handler = handlers[message.topic];
      if (!handler) throw new UnknownTopicError(message.topic);
      await handler(message.payload, {
        id: message.id,
        topic: message.topic,
        attempt: message.attempts,
        isLastAttempt: message.attempts >= maxAttempts,
      });
    } catch (error) {
      await fail(message, error);
      return false;
    }
    await db
      .updateTable('outbox')
      .set({ processed_at: sql<Date>`now()`, last_error: null })
      .where('id', '=', message.id)
      .execute();
    return true;
  }

  async function runBatch(): Promise<{ processed: number; failed: number }> {
    const messages = await claim(db, batchSize, leaseMs);
    let processed = 0;
    // One at a time: a batch is small, and handlers calling one provider should not flood it.
    for (const message of messages) {
      if (await handle(message)) processed += 1;
    }
    return { processed, failed: messages.length - processed };
  }

  function runOnce(): Promise<{ processed: number; failed: number }> {
    // One batch at a time per worker: a poll and a direct call share the batch in progress.
    running ??= runBatch().finally(() => (running = null));
    return running;
  }

  function schedule(delayMs: number): void {
    if (!isStarted) return;
    timer = setTimeout(() => {
      timer = null;
      runOnce().then(
        (result) => schedule(result.processed + result.failed >= batchSize ? 0 : pollMs),
        (error: unknown) => {
          logger.error({ err: error }, 'outbox poll failed');
          schedule(pollMs);
        },
      );
    }, delayMs);
  }

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      schedule(0);
    },
    async stop() {
      isStarted = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    runOnce,
  };
}

export interface OutboxTopicSummary {
  topic: string;
  pending: number;
  dead: number;
  /** Seconds since the oldest pending message was written; null when none is pending. */
  oldestPendingSeconds: number | null;
}

/** For operations: what waits and what died, by topic. */
export async function outboxSummary(
  db: Db,
): Promise<{ pending: number; dead: number; topics: OutboxTopicSummary[] }> {
  const { rows } = await sql<{
    topic: string;
    pending: number;
    dead: number;
    oldest_pending_seconds: number | null;
  }>`
    select topic,
      count(*) filter (where dead_at is null)::int as pending,
      count(*) filter (where dead_at is not null)::int as dead,
      floor(extract(epoch from now() - min(created_at) filter (where dead_at is null)))::int
        as oldest_pending_seconds
    from outbox
    where processed_at is null
    group by topic
    order by topic`.execute(db);
  const topics = rows.map((row) => ({
    topic: row.topic,
    pending: row.pending,
    dead: row.dead,
    oldestPendingSeconds: row.oldest_pending_seconds,
  }));
  return {
    pending: topics.reduce((sum, topic) => sum + topic.pending, 0),
    dead: topics.reduce((sum, topic) => sum + topic.dead, 0),
    topics,
  };
}
