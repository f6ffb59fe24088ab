import type { Db } from '../../platform/db.ts';
import type { OutboxHandler, OutboxLogger } from '../../platform/outbox.ts';
import type { Channels } from './channels/create-channels.ts';
import './tables.ts';

export const NOTIFICATION_SEND_TOPIC = 'notification.send';

const LAST_ERROR_MAX = 2_000;

/**
 * The outbox handler of 'notification.send': sends one notification row on its channel and marks it
 * sent. Idempotent for the outbox's at-least-once delivery: a row already sent is skipped. A failure
 * is recorded on the row and rethrown, so the outbox retries; on the last attempt the row is marked
 * failed. A channel this server has no provider for fails the row at once, without retries.
 *
 * A crash between the provider accepting and the row being marked sent sends twice; the
 * notification id goes to the provider (SMS requestId, ZNS tracking_id, e-mail header) to find
 * such duplicates.
 */
export function createSendNotificationHandler(options: {
  db: Db;
  channels: Channels;
  logger: OutboxLogger;
}): OutboxHandler {
  const { db, channels, logger } = options;
  return async (payload, context) => {
    const notificationId = (payload as { notificationId?: unknown } | null)?.notificationId;
    if (typeof notificationId !== 'string') throw new Error('payload has no notificationId');
    const row = await db
      .selectFrom('notification')
      .selectAll()
      .where('id', '=', notificationId)
      .executeTakeFirst();
    if (!row) throw new Error(`notification ${notificationId} not found`);
    if (row.status === 'sent' || row.channel === 'in_app' || row.address === null) return;
    const channel = channels[row.channel];
    if (!channel) {
      await db
        .updateTable('notification')
        .set({ status: 'failed', last_error: `no ${row.channel} provider configured` })
        .where('id', '=', row.id)
        .execute();
      logger.warn({ notificationId, channel: row.channel }, 'notification channel not configured');
      return;
    }
    try {
      const { providerId } = await channel.send({
        notificationId: row.id,
        address: row.address,
        subject: row.subject,
        body: row.body,
        template: row.template,
        params: row.params as Record<string, string>,
        language: row.language,
      });
      await db
        .updateTable('notification')
        .set((eb) => ({
          status: 'sent',
          sent_at: new Date(),
          provider_message_id: providerId,
          last_error: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', row.id)
        .execute();
    } catch (error) {
      await db
        .updateTable('notification')
        .set((eb) => ({
          status: context.isLastAttempt ? 'failed' : 'pending',
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, LAST_ERROR_MAX),
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', row.id)
        .execute();
      throw error;
    }
  };
}
