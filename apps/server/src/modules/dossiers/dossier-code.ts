import { sql, type Transaction } from 'kysely';
import { DOSSIER_CODE_PATTERN } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';

/** NNNN has four digits (TT 01/2018 Art 19): the 10,000th dossier of a day has no code. */
export const MAX_DAILY_SEQUENCE = 9999;

/**
 * The dossier code {agencyCode}-{YYMMDD}-{NNNN} (vn-norms R-DOS-1): the receiving agency's mã định
 * danh, the day of receipt in Vietnam, and the sequence of that agency's day.
 */
export function formatDossierCode(agencyCode: string, vietnamDay: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be ≥ 1: ${sequence}`);
  if (sequence > MAX_DAILY_SEQUENCE) {
    throw new AppError('unavailable', {
      detail: `dossier sequence of ${agencyCode} on ${vietnamDay} is exhausted (${sequence} > ${MAX_DAILY_SEQUENCE})`,
    });
  }
  const code = `${agencyCode}-${vietnamDay.slice(2, 4)}${vietnamDay.slice(5, 7)}${vietnamDay.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
  if (!new RegExp(DOSSIER_CODE_PATTERN).test(code)) {
    throw new AppError('internal', { detail: `generated dossier code ${code} does not match the pattern` });
  }
  return code;
}

/**
 * The next code of an agency's day, inside the caller's transaction. The upsert takes the (agency, day)
 * row lock until that transaction ends, so concurrent receipts get consecutive, distinct numbers and a
 * rolled-back receipt gives its number back; the price is that every receipt of the agency's day
 * waits for the previous one to commit. For online submissions, whose transaction is short from here.
 */
export async function nextDossierCode(
  tx: Transaction<DB>,
  agency: { id: string; code: string },
  at: Date,
): Promise<string> {
  return bumpSequence(tx, agency, at);
}

/**
 * The next code of an agency's day in a statement of its own, committed at once (ADR 0013): the row
 * lock lasts one statement, so counter receipts of one agency do not queue behind each other's whole
 * transaction. Unique all the same; a receipt that then fails leaves its number unused.
 */
export async function takeDossierCode(
  db: Db,
  agency: { id: string; code: string },
  at: Date,
): Promise<string> {
  return bumpSequence(db, agency, at);
}

async function bumpSequence(db: Db | Transaction<DB>, agency: { id: string; code: string }, at: Date) {
  const day = todayInVietnam(at);
  const row = await sql<{ last: number }>`
    insert into dossier_sequence (agency_id, day, last) values (${agency.id}, ${day}, 1)
    on conflict (agency_id, day) do update set last = dossier_sequence.last + 1
    returning last`.execute(db);
  return formatDossierCode(agency.code, day, row.rows[0]!.last);
}
