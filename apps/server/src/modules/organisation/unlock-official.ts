import type { Transaction } from 'kysely';
import type { Official } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Caller } from './appointments.ts';
import { getOfficial } from './officials.ts';

/**
 * Lifts a sign-in lockout before it runs out (12 hours by default), for an official in the caller's
 * scope: the counter officer locked out at 7:30 should not wait until evening.
 */
export async function unlockOfficial(
  tx: Transaction<DB>,
  officialId: string,
  { scope, actor }: Caller,
): Promise<Official> {
  const official = await getOfficial(tx, officialId, scope);
  const account = await tx
    .selectFrom('official')
    .innerJoin('account', 'account.id', 'official.account_id')
    .select(['account.id', 'account.locked_until'])
    .where('official.id', '=', officialId)
    .forUpdate()
    .executeTakeFirst();
  if (!account?.locked_until || account.locked_until <= new Date()) throw invalid('id', 'not_locked');
  await tx
    .updateTable('account')
    .set({ locked_until: null, failed_attempts: 0 })
    .where('id', '=', account.id)
    .execute();
  await recordEvent(tx, actor, {
    type: 'account.unlocked',
    entityType: 'account',
    entityId: account.id,
    data: { officialId, wasLockedUntil: account.locked_until.toISOString() },
  });
  return { ...official, lockedUntil: null };
}
