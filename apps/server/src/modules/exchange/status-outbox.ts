import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { enqueue } from '../../platform/outbox.ts';

/** The outbox topic that sends one status message back to the sender of a document. */
export const EXCHANGE_STATUS_TOPIC = 'exchange.status';

/** A status message to send: self-contained, so the handler only builds, signs nothing and delivers. */
export interface StatusToSend {
  /** The receiving agency that reports (From). */
  fromCode: string;
  fromName: string;
  /** The sender of the document, to whom the status goes (ResponseFor/OrganId). */
  toCode: string;
  documentId: string;
  code: '01' | '02' | '03' | '04' | '05' | '06' | '13' | '15' | '16';
  description?: string;
  staff?: string;
  /** ISO timestamp of the event reported. */
  at: string;
}

/**
 * Queues a status message in the caller's transaction. `onceKey` makes it once per document and
 * event (e.g. inbound id and code), so a repeated stage or a retried command never reports twice.
 */
export async function enqueueStatus(
  tx: Transaction<DB>,
  status: StatusToSend,
  onceKey: string,
): Promise<void> {
  await enqueue(tx, EXCHANGE_STATUS_TOPIC, status, { dedupeKey: `${EXCHANGE_STATUS_TOPIC}:${onceKey}` });
}
