import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql, type Transaction } from 'kysely';
import { collectingAtCommit } from './at-commit.ts';
import type { DB } from './db-types.ts';
import type { Db } from './db.ts';
import { AppError, invalid } from './errors.ts';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/** The answer stored for an account's key, if a command with it has committed. */
function storedAnswer(db: Db | Transaction<DB>, accountId: string, key: string) {
  return db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'response'])
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Whether the request's Idempotency-Key already has a stored answer (a retry of a finished command). */
export async function hasAnswer(db: Db, request: FastifyRequest): Promise<boolean> {
  const key = request.headers['idempotency-key'];
  const accountId = request.principal?.accountId;
  if (typeof key !== 'string' || !accountId || !KEY.test(key)) return false;
  return (await storedAnswer(db, accountId, key)) !== undefined;
}

/**
 * Runs a command in one transaction. With an `Idempotency-Key` header the transaction first takes a
 * lock on (account, key), then looks for the answer of an earlier run: racing copies wait for the
 * first one to commit and all get its answer; the command acts once. The answer is stored in the same
 * transaction as the change.
 *
 * Resolve everything that needs `db` before calling: inside `command` use only `tx`.
 */
export async function runCommand<T>(
  db: Db,
  request: FastifyRequest,
  command: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  const accountId = request.principal?.accountId;
  if (key === undefined || !accountId) {
    return db.transaction().execute((tx) => collectingAtCommit(tx, () => command(tx)));
  }
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw invalid('Idempotency-Key', 'pattern', { pattern: KEY.source });
  }
  const hash = requestHash(request);
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${accountId}:${key}`}, 0))`.execute(tx);
    const earlier = await storedAnswer(tx, accountId, key);
    if (earlier) {
      if (earlier.request_hash !== hash) throw new AppError('idempotency_mismatch');
      return earlier.response as T;
    }
    return collectingAtCommit(
      tx,
      () => command(tx),
      async (response) => {
        await tx
          .insertInto('idempotency_key')
          .values({
            key,
            account_id: accountId,
            request_hash: hash,
            status_code: 200,
            response: JSON.stringify(response ?? null),
          })
          .execute();
      },
    );
  });
}
