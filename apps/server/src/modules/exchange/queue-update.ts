import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { MetadataCorrection } from '../documents/correction.ts';
import type { OutboundDocument } from './outbound-types.ts';
import { queueOutbound } from './queue-outbound.ts';
import { originalSendOf } from './queue-revocation.ts';
import './tables.ts';

export interface QueuedUpdate {
  documentId: string;
  revision: number;
  recipientCodes: string[];
}

/**
 * The metadata the recipients hold of a document sent through the exchange: the last update's, or
 * the document's as first sent; null when the document never went through the exchange.
 */
export async function sentMetadataOf(
  tx: Transaction<DB>,
  input: { agencyId: string; sourceId: string },
): Promise<{ packageId: string; document: OutboundDocument; revision: number } | null> {
  const latest = await tx
    .selectFrom('exchange_package')
    .select(['id', 'document', 'revision'])
    .where('agency_id', '=', input.agencyId)
    .where('source_kind', '=', 'outgoing')
    .where('source_id', '=', input.sourceId)
    .where('business_type', 'in', ['new', 'replacement', 'update'])
    .orderBy('revision', 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!latest) return null;
  return { packageId: latest.id, document: latest.document as OutboundDocument, revision: latest.revision };
}

/**
 * The issuer's correction across the exchange, in the caller's transaction: an update package
 * (BussinessDocType 2, the same DocumentId, the reason, BussinessDocumentInfo DocumentInfo = 1 and
 * DocumentReceiver = 0, no attachment: the signed PDF does not change) with the whole corrected
 * header, to every recipient the document was queued to. Updates are numbered 1, 2 … per document;
 * each is a package of its own, delivered through the outbox like any other.
 */
export async function queueUpdate(
  tx: Transaction<DB>,
  input: {
    agencyId: string;
    sourceId: string;
    correction: MetadataCorrection;
    reason: string;
    actor: Actor;
  },
): Promise<QueuedUpdate | null> {
  const sent = await sentMetadataOf(tx, input);
  if (!sent) return null;
  const original = await originalSendOf(tx, input);
  if (!original) return null;
  const document = { ...sent.document };
  delete document.business;
  const queued = await queueOutbound(tx, {
    agencyId: input.agencyId,
    recipientCodes: original.recipientCodes,
    document: {
      ...document,
      ...input.correction,
      business: {
        type: 'update',
        reason: input.reason,
        info: { DocumentInfo: '1', DocumentReceiver: '0' },
      },
    },
    files: [],
    source: { kind: 'outgoing', id: input.sourceId },
    actor: input.actor,
    revision: sent.revision + 1,
  });
  return {
    documentId: queued.documentId,
    revision: sent.revision + 1,
    recipientCodes: queued.recipients.map((recipient) => recipient.code),
  };
}
