import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { toInternationalPhone } from './channels/format.ts';
import { NOTIFICATION_SEND_TOPIC } from './send-notification.ts';
import type { Channel, NotificationLanguage } from './tables.ts';
import { EMAIL_FOOTER, renderTemplate } from './templates.ts';
import './tables.ts';

export interface NotifyInput {
  /** The account whose portal inbox gets the message; absent for someone known only by address. */
  accountId?: string | null;
  email?: string | null;
  /** A mobile number (0xxxxxxxxx or 84xxxxxxxxx) for SMS. */
  phone?: string | null;
  /** The phone number the person uses on Zalo (ZNS sends by phone), when they chose Zalo. */
  zaloId?: string | null;
  language: NotificationLanguage;
  template: string;
  params: Record<string, string>;
  /** What the message is about, e.g. { kind: 'dossier', id }. */
  entity?: { kind: string; id: string };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkPhone(field: string, phone: string): void {
  try {
    toInternationalPhone(phone);
  } catch {
    throw invalid(field, 'pattern', { pattern: '^0[0-9]{9}$' });
  }
}

/**
 * Tells someone about an event, inside the caller's transaction: one in-app notification for the
 * account, and one row per external address given, each sent later by the outbox (so nothing
 * leaves the system unless the change commits). Answers the ids of the rows written.
 */
export async function notify(
  tx: Transaction<DB>,
  input: NotifyInput,
): Promise<{ notificationIds: string[] }> {
  const text = renderTemplate(input.template, input.language, input.params);
  if (input.email && !EMAIL.test(input.email)) throw invalid('email', 'format', { format: 'email' });
  if (input.phone) checkPhone('phone', input.phone);
  if (input.zaloId) checkPhone('zaloId', input.zaloId);

  const rows: { channel: Channel; address: string | null; body: string }[] = [];
  if (input.accountId) rows.push({ channel: 'in_app', address: null, body: text.body });
  if (input.email)
    rows.push({
      channel: 'email',
      address: input.email,
      body: `${text.body}\n\n${EMAIL_FOOTER[input.language]}`,
    });
  if (input.phone) rows.push({ channel: 'sms', address: input.phone, body: text.short });
  if (input.zaloId) rows.push({ channel: 'zalo', address: input.zaloId, body: text.short });
  if (rows.length === 0) return { notificationIds: [] };

  // One statement: the rows, and the outbox message that sends each external one (deduplicated by
  // the notification's id), so that telling someone costs one round trip to the database.
  const written = await tx
    .with('written', (db) =>
      db
        .insertInto('notification')
        .values(
          rows.map((row) => ({
            account_id: input.accountId ?? null,
            channel: row.channel,
            address: row.address,
            subject: text.subject,
            body: row.body,
            template: input.template,
            params: JSON.stringify(input.params),
            entity_kind: input.entity?.kind ?? null,
            entity_id: input.entity?.id ?? null,
            language: input.language,
            // In-app is delivered by being written.
            status: row.channel === 'in_app' ? ('sent' as const) : ('pending' as const),
            sent_at: row.channel === 'in_app' ? new Date() : null,
          })),
        )
        .returning(['id', 'channel']),
    )
    .with('queued', (db) =>
      db
        .insertInto('outbox')
        .columns(['topic', 'payload', 'dedupe_key'])
        .expression(
          db
            .selectFrom('written')
            .select([
              sql.val(NOTIFICATION_SEND_TOPIC).as('topic'),
              sql<string>`jsonb_build_object('notificationId', written.id)`.as('payload'),
              sql<string>`'notification:' || written.id`.as('dedupe_key'),
            ])
            .where('written.channel', '<>', 'in_app'),
        )
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing()),
    )
    .selectFrom('written')
    .select('id')
    .execute();
  return { notificationIds: written.map((row) => row.id) };
}
