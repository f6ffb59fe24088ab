import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { SeriesRegister } from './tables.ts';
import './tables.ts';

/**
 * The next number of an agency's series for a register and year, taken inside the caller's
 * transaction. The upsert locks the (agency, register, year) row until commit: concurrent callers
 * take numbers one after the other, and a transaction that rolls back gives its number back, so the
 * series has neither gaps nor duplicates. A new year has no row yet, hence the restart at 1.
 */
export async function takeNextNumber(
  tx: Transaction<DB>,
  options: { agencyId: string; register: SeriesRegister; year: number },
): Promise<number> {
  const row = await tx
    .insertInto('document_series')
    .values({ agency_id: options.agencyId, register: options.register, year: options.year, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['agency_id', 'register', 'year'])
        .doUpdateSet({ last_number: sql<number>`document_series.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** Whether a database error is the violation of this unique constraint (PostgreSQL and PGlite alike). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const details = error as { code?: string; constraint?: string; message?: string };
  return (
    details.code === '23505' &&
    (details.constraint === constraint || Boolean(details.message?.includes(constraint)))
  );
}
