import type { Transaction } from 'kysely';
import { systemActor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { linkReplacement, markIncomingReplaced, recallIncoming } from '../documents/incoming-recall.ts';
import './audit-events.ts';
import type { EdxmlEnvelope } from './edxml/index.ts';
import { enqueueStatus } from './status-outbox.ts';
import './tables.ts';

/** A local recipient of a package. */
export interface Recipient {
  id: string;
  code: string;
  name: string;
}

const NO_REASON = 'Cơ quan ban hành không nêu lý do';
const EMPTY = new Uint8Array(0);

/** The entries that hold the document itself (not a revocation or an update of it). */
function heldEntries(
  tx: Transaction<DB>,
  options: { agencyId: string; senderCode: string; documentId: string },
) {
  return tx
    .selectFrom('exchange_inbound')
    .select(['id', 'state', 'incoming_document_id'])
    .where('agency_id', '=', options.agencyId)
    .where('sender_code', '=', options.senderCode)
    .where('document_id', '=', options.documentId)
    .where('business_type', 'in', ['new', 'replacement'])
    .forUpdate();
}

/**
 * Destroys what this agency holds of the document (R-DOC-11): the registered copy through the
 * documents module (scan, text; handling stops), the received package's bytes; the entry keeps its
 * metadata with the recall's date and reason.
 */
async function destroyHeld(
  tx: Transaction<DB>,
  options: {
    entries: { id: string; state: string; incoming_document_id: string | null }[];
    reason: string;
    documentId: string;
    senderName: string;
    at: Date;
  },
): Promise<number> {
  let recalled = 0;
  for (const entry of options.entries) {
    if (entry.state === 'recalled') continue;
    if (entry.incoming_document_id)
      await recallIncoming(tx, {
        incomingDocumentId: entry.incoming_document_id,
        reason: options.reason,
        documentId: options.documentId,
        actor: systemActor(`${options.senderName} (thu hồi qua liên thông)`.slice(0, 200)),
        at: options.at,
      });
    await tx
      .updateTable('exchange_inbound')
      .set({ state: 'recalled', package: EMPTY, recalled_at: options.at, recall_reason: options.reason })
      .where('id', '=', entry.id)
      .execute();
    recalled += 1;
  }
  return recalled;
}

/**
 * A revocation (BussinessDocType 1) received for one local recipient, whose entry `revocationId`
 * was just stored: what the agency holds of the document is destroyed and 15 goes back; a document
 * it never received is answered 16 with the reason (ADR 0023). A document handled to the end (06)
 * is recalled all the same: Decree 30 gives the receiver no ground to keep a recalled copy.
 */
export async function applyRevocation(
  tx: Transaction<DB>,
  options: { revocationId: string; recipient: Recipient; envelope: EdxmlEnvelope; at: Date },
): Promise<'applied' | 'refused'> {
  const { recipient, at } = options;
  const header = options.envelope.messageHeader;
  const reason = options.envelope.traceHeaderList.bussiness.bussinessDocReason?.trim() || NO_REASON;
  const entries = await heldEntries(tx, {
    agencyId: recipient.id,
    senderCode: header.from.organId,
    documentId: header.documentId,
  }).execute();
  const outcome = entries.length === 0 ? 'refused' : 'applied';
  const recalled = await destroyHeld(tx, {
    entries,
    reason: reason.slice(0, 2000),
    documentId: header.documentId,
    senderName: header.from.organName,
    at,
  });
  await tx
    .updateTable('exchange_inbound')
    .set({ state: outcome, recall_reason: reason.slice(0, 2000), decided_at: at })
    .where('id', '=', options.revocationId)
    .execute();
  await enqueueStatus(
    tx,
    {
      fromCode: recipient.code,
      fromName: recipient.name,
      toCode: header.from.organId,
      documentId: header.documentId,
      code: outcome === 'applied' ? '15' : '16',
      ...(outcome === 'refused'
        ? {
            description: `Không có văn bản ${header.documentId} tại ${recipient.name}: không có gì để thu hồi`,
          }
        : {}),
      at: at.toISOString(),
    },
    `${options.revocationId}:${outcome === 'applied' ? '15' : '16'}`,
  );
  await recordEvent(tx, systemActor('exchange'), {
    type: 'exchange.revocation_received',
    entityType: 'exchange_inbound',
    entityId: options.revocationId,
    agencyId: recipient.id,
    data: { documentId: header.documentId, senderCode: header.from.organId, outcome, recalled },
  });
  return outcome;
}

/**
 * A document arriving after its own revocation (the outbox delivers each message on its own, so the
 * order is not guaranteed): it is recalled at once, without reaching the box, and the revocation
 * answered 16 earlier is now answered 15.
 */
export async function recallIfRevoked(
  tx: Transaction<DB>,
  options: { inboundId: string; recipient: Recipient; envelope: EdxmlEnvelope; at: Date },
): Promise<boolean> {
  const header = options.envelope.messageHeader;
  const revocation = await tx
    .selectFrom('exchange_inbound')
    .select(['id', 'recall_reason'])
    .where('agency_id', '=', options.recipient.id)
    .where('sender_code', '=', header.from.organId)
    .where('document_id', '=', header.documentId)
    .where('business_type', '=', 'revocation')
    .forUpdate()
    .executeTakeFirst();
  if (!revocation) return false;
  await applyRevocation(tx, {
    revocationId: revocation.id,
    recipient: options.recipient,
    envelope: {
      ...options.envelope,
      traceHeaderList: {
        ...options.envelope.traceHeaderList,
        bussiness: {
          bussinessDocType: 'revocation',
          bussinessDocReason: revocation.recall_reason ?? NO_REASON,
        },
      },
    },
    at: options.at,
  });
  return true;
}

/**
 * A replacement (BussinessDocType 3) received: it waits in the box like a new document, and each
 * registered document it lists in ReplacementInfoList is marked replaced, with the new reference.
 */
export async function markReplaced(
  tx: Transaction<DB>,
  options: { recipient: Recipient; envelope: EdxmlEnvelope; at: Date },
): Promise<void> {
  const header = options.envelope.messageHeader;
  const replaced = options.envelope.traceHeaderList.bussiness.replacementInfoList ?? [];
  if (replaced.length === 0) return;
  const rows = await tx
    .selectFrom('exchange_inbound')
    .select(['incoming_document_id'])
    .where('agency_id', '=', options.recipient.id)
    .where(
      'document_id',
      'in',
      replaced.map((item) => item.documentId),
    )
    .where('business_type', 'in', ['new', 'replacement'])
    .where('incoming_document_id', 'is not', null)
    .execute();
  const reference = `${header.code.codeNumber}/${header.code.codeNotation} (${header.documentId})`.slice(
    0,
    300,
  );
  for (const row of rows) {
    if (!row.incoming_document_id) continue;
    await markIncomingReplaced(tx, {
      incomingDocumentId: row.incoming_document_id,
      reference,
      actor: systemActor(`${header.from.organName} (thay thế qua liên thông)`.slice(0, 200)),
      at: options.at,
    });
  }
}

/** When the clerk registers a replacement, the documents it replaces point to the new entry. */
export async function linkRegisteredReplacement(
  tx: Transaction<DB>,
  options: {
    agencyId: string;
    envelope: { traceHeaderList: EdxmlEnvelope['traceHeaderList'] };
    incomingId: string;
  },
): Promise<void> {
  const replaced = options.envelope.traceHeaderList.bussiness.replacementInfoList ?? [];
  if (replaced.length === 0) return;
  const rows = await tx
    .selectFrom('exchange_inbound')
    .select(['incoming_document_id'])
    .where('agency_id', '=', options.agencyId)
    .where(
      'document_id',
      'in',
      replaced.map((item) => item.documentId),
    )
    .where('incoming_document_id', 'is not', null)
    .execute();
  for (const row of rows)
    if (row.incoming_document_id)
      await linkReplacement(tx, { replacedId: row.incoming_document_id, replacingId: options.incomingId });
}
