import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { INBOX_COLUMNS, toInboxItem, type InboxItem } from './list-notifications.ts';
import './tables.ts';

/**
 * Marks one of the account's in-app notifications read (the first reading time is kept). Another
 * account's notification is not found, so its existence is not revealed.
 */
export async function markNotificationRead(db: Db, accountId: string, id: string): Promise<InboxItem> {
  const row = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('channel', '=', 'in_app')
    .returning(INBOX_COLUMNS)
    .executeTakeFirst();
  if (!row) throw notFound('notification');
  return toInboxItem(row);
}
