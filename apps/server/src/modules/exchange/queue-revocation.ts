import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { EdxmlReplacementInfo } from './edxml/types.ts';
import type { OutboundDocument } from './outbound-types.ts';
import { queueOutbound } from './queue-outbound.ts';
import './tables.ts';

export interface QueuedRevocation {
  /** The DocumentId recalled; null when the document never went through the exchange. */
  documentId: string | null;
  recipientCodes: string[];
}

/**
 * The document as first sent through the exchange from an outgoing document (its new or
 * replacement package) and the agencies it was queued to; null when it never went through it.
 */
export async function originalSendOf(
  tx: Transaction<DB>,
  input: { agencyId: string; sourceId: string },
): Promise<{ document: OutboundDocument; recipientCodes: string[] } | null> {
  const original = await tx
    .selectFrom('exchange_package')
    .select(['id', 'document'])
    .where('agency_id', '=', input.agencyId)
    .where('source_kind', '=', 'outgoing')
    .where('source_id', '=', input.sourceId)
    .where('business_type', 'in', ['new', 'replacement'])
    .orderBy('created_at')
    .executeTakeFirst();
  if (!original) return null;
  const recipients = await tx
    .selectFrom('exchange_outbound')
    .select('recipient_code')
    .where('package_id', '=', original.id)
    .orderBy('created_at')
    .orderBy('recipient_code')
    .execute();
  return {
    document: original.document as OutboundDocument,
    recipientCodes: recipients.map((row) => row.recipient_code),
  };
}

/**
 * The issuer's recall across the exchange (ADR 0023), in the caller's transaction: a revocation
 * package (BussinessDocType 1, the same document identity, the reason, no attachment) to every
 * recipient the document was queued to, through queueOutbound like any package. Each recipient's
 * status becomes 13 (yêu cầu lấy lại) at once, in its history, until its 15 or 16 comes back: the
 * revocation package is the request itself, so 13 is not sent as a message of its own.
 */
export async function queueRevocation(
  tx: Transaction<DB>,
  input: { agencyId: string; sourceId: string; reason: string; actor: Actor; at: Date },
): Promise<QueuedRevocation> {
  const original = await originalSendOf(tx, input);
  if (!original) return { documentId: null, recipientCodes: [] };
  const document = { ...original.document };
  delete document.responseFor;
  const queued = await queueOutbound(tx, {
    agencyId: input.agencyId,
    recipientCodes: original.recipientCodes,
    document: { ...document, business: { type: 'revocation', reason: input.reason } },
    files: [],
    source: { kind: 'outgoing', id: input.sourceId },
    actor: input.actor,
  });
  const ids = queued.recipients.map((recipient) => recipient.outboundId);
  // To the second, as a receiver's edXML timestamp is: a 15 reported within the same second as the
  // recall must still be the newer status (the tie goes to the later code).
  const at = new Date(Math.floor(input.at.getTime() / 1000) * 1000);
  if (ids.length > 0) {
    await tx
      .updateTable('exchange_outbound')
      .set({ status_code: '13', status_description: input.reason, status_at: at })
      .where('id', 'in', ids)
      .execute();
    await tx
      .insertInto('exchange_outbound_status')
      .values(
        ids.map((id) => ({
          outbound_id: id,
          code: '13',
          description: input.reason,
          staff: input.actor.label,
          reported_at: at,
        })),
      )
      .execute();
  }
  return {
    documentId: queued.documentId,
    recipientCodes: queued.recipients.map((recipient) => recipient.code),
  };
}

/** The ReplacementInfo of a document sent before: its DocumentId and the agencies it went to. */
export async function replacementInfoOf(
  tx: Transaction<DB>,
  input: { agencyId: string; sourceId: string },
): Promise<EdxmlReplacementInfo[]> {
  const packages = await tx
    .selectFrom('exchange_package as p')
    .innerJoin('exchange_outbound as o', 'o.package_id', 'p.id')
    .select(['p.document_id', 'o.recipient_code'])
    .where('p.agency_id', '=', input.agencyId)
    .where('p.source_kind', '=', 'outgoing')
    .where('p.source_id', '=', input.sourceId)
    .where('p.business_type', 'in', ['new', 'replacement'])
    .orderBy('o.recipient_code')
    .execute();
  const byDocument = new Map<string, string[]>();
  for (const row of packages)
    byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row.recipient_code]);
  return [...byDocument].map(([documentId, organIds]) => ({ documentId, organIds }));
}
