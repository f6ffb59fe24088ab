import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import './tables.ts';

/** Marks every unread in-app notification of the account read; answers how many changed. */
export async function markAllNotificationsRead(db: Db, accountId: string): Promise<{ updated: number }> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`now()` })
    .where('account_id', '=', accountId)
    .where('channel', '=', 'in_app')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
