import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import './tables.ts';

export interface InboxItem {
  id: string;
  template: string;
  subject: string;
  body: string;
  entity: { kind: string; id: string } | null;
  createdAt: string;
  readAt: string | null;
}

export const INBOX_COLUMNS = [
  'id',
  'template',
  'subject',
  'body',
  'entity_kind',
  'entity_id',
  'created_at',
  'read_at',
] as const;

export function toInboxItem(row: {
  id: string;
  template: string;
  subject: string;
  body: string;
  entity_kind: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
}): InboxItem {
  return {
    id: row.id,
    template: row.template,
    subject: row.subject,
    body: row.body,
    entity: row.entity_kind && row.entity_id ? { kind: row.entity_kind, id: row.entity_id } : null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** The account's portal inbox, newest first, with how many there are and how many are unread. */
export async function listNotifications(
  db: Db,
  accountId: string,
  page: { limit: number; offset: number; isUnreadOnly: boolean },
): Promise<{ items: InboxItem[]; total: number; unread: number }> {
  const inbox = db
    .selectFrom('notification')
    .where('account_id', '=', accountId)
    .where('channel', '=', 'in_app');
  const listed = page.isUnreadOnly ? inbox.where('read_at', 'is', null) : inbox;
  const [rows, counts] = await Promise.all([
    listed
      .select(INBOX_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    inbox
      .select([
        sql<number>`count(*)::int`.as('all'),
        sql<number>`(count(*) filter (where read_at is null))::int`.as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toInboxItem),
    total: page.isUnreadOnly ? counts.unread : counts.all,
    unread: counts.unread,
  };
}
