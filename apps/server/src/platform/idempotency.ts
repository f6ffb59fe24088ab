import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from './db-types.ts';
import type { Db } from './db.ts';
import { AppError, invalid } from './errors.ts';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Runs a command in one transaction. With an `Idempotency-Key` header the answer is stored in the
 * same transaction, so a retry gets the first answer and the command acts once, even when two
 * copies race (the loser's transaction rolls back on the key's primary key).
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
  if (key === undefined || !accountId) return db.transaction().execute(command);
  if (typeof key !== 'string' || !KEY.test(key))
    throw invalid('Idempotency-Key', 'pattern', { expected: '8–200 of A-Z a-z 0-9 . _ : -' });
  const hash = requestHash(request);
  const stored = async () => {
    const row = await db
      .selectFrom('idempotency_key')
      .select(['request_hash', 'response'])
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (row && row.request_hash !== hash) throw new AppError('idempotency_mismatch');
    return row ? { response: row.response as T } : null;
  };
  const earlier = await stored();
  if (earlier) return earlier.response;
  try {
    return await db.transaction().execute(async (tx) => {
      const response = await command(tx);
      await tx
        .insertInto('idempotency_key')
        .values({
          key,
          account_id: accountId,
          request_hash: hash,
          status_code: 200,
          response: JSON.stringify(response),
        })
        .execute();
      return response;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await stored();
    if (!winner) throw error;
    return winner.response;
  }
}
