import type { Transaction } from 'kysely';
import type { DocumentUrgency } from '@tinhso/contracts';
import { systemActor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { describeCorrection, type MetadataCorrection } from '../documents/correction.ts';
import { applyIssuerCorrection } from '../documents/incoming-update.ts';
import './audit-events.ts';
import type { EdxmlEnvelope, EdxmlMessageHeader } from './edxml/types.ts';
import { PRIORITY_CODES } from './outbound-envelope.ts';
import type { Recipient } from './receive-recall.ts';
import './tables.ts';

/** What an update needs of its envelope: the stored one (without attachments) will do. */
type UpdateEnvelope = Pick<EdxmlEnvelope, 'messageHeader' | 'traceHeaderList'>;

const NO_REASON = 'Cơ quan ban hành không nêu lý do';

const urgencyOf = (priority: string | undefined): DocumentUrgency | undefined =>
  (Object.entries(PRIORITY_CODES) as [DocumentUrgency, string][]).find(([, code]) => code === priority)?.[0];

/** When the issuer built the update (its first trace header), as an instant; NaN if unreadable. */
const sentAt = (envelope: UpdateEnvelope): number =>
  Date.parse(envelope.traceHeaderList.traceHeaders[0]?.timestamp ?? '');

/** What the update changes against the header the receiver holds; values it cannot use are ignored. */
function correctionOf(held: EdxmlMessageHeader, update: EdxmlMessageHeader): MetadataCorrection {
  const subject = update.subject.trim().slice(0, 500);
  const urgency = urgencyOf(update.otherInfo?.priority);
  const dueDate = update.dueDate && /^\d{4}-\d{2}-\d{2}$/.test(update.dueDate) ? update.dueDate : undefined;
  return {
    ...(subject !== '' && subject !== held.subject ? { subject } : {}),
    ...(urgency !== undefined && update.otherInfo?.priority !== held.otherInfo?.priority ? { urgency } : {}),
    ...(dueDate !== undefined && dueDate !== held.dueDate ? { dueDate } : {}),
  };
}

/** The held header with the correction in it, so that registration and the next update start from it. */
function correctedHeader(held: EdxmlMessageHeader, correction: MetadataCorrection): EdxmlMessageHeader {
  return {
    ...held,
    ...(correction.subject !== undefined ? { subject: correction.subject } : {}),
    ...(correction.urgency !== undefined
      ? { otherInfo: { ...held.otherInfo, priority: PRIORITY_CODES[correction.urgency] } }
      : {}),
    ...(correction.dueDate !== undefined ? { dueDate: correction.dueDate } : {}),
  };
}

/** Whether an update built later than this one was applied already (the outbox does not keep order). */
async function isSuperseded(
  tx: Transaction<DB>,
  options: { updateId: string; agencyId: string; senderCode: string; documentId: string; at: number },
): Promise<boolean> {
  const applied = await tx
    .selectFrom('exchange_inbound')
    .select('envelope')
    .where('agency_id', '=', options.agencyId)
    .where('sender_code', '=', options.senderCode)
    .where('document_id', '=', options.documentId)
    .where('business_type', '=', 'update')
    .where('state', '=', 'applied')
    .where('id', '<>', options.updateId)
    .execute();
  return applied.some((row) => sentAt(row.envelope as UpdateEnvelope) > options.at);
}

/**
 * An update (BussinessDocType 2) received for one local recipient, whose entry `updateId` was just
 * stored (ADR 0027). Every copy this agency holds of the document takes the corrected trích yếu,
 * độ khẩn and hạn trả lời: a box entry in its stored header (the clerk registers the corrected
 * values), a registered document through the documents module (a line of its history). An update
 * whose document has not arrived waits (pending) and is applied when it comes; an update older than
 * one applied already changes nothing; a recalled document is not updated (refused). No status
 * message answers an update: the codes of vn-norms §2.3 have none for it.
 */
export async function applyUpdate(
  tx: Transaction<DB>,
  options: { updateId: string; recipient: Recipient; envelope: UpdateEnvelope; at: Date },
): Promise<'applied' | 'pending' | 'refused'> {
  const { recipient, envelope, at } = options;
  const header = envelope.messageHeader;
  const reason = envelope.traceHeaderList.bussiness.bussinessDocReason?.trim() || NO_REASON;
  const held = await tx
    .selectFrom('exchange_inbound')
    .select(['id', 'state', 'envelope', 'incoming_document_id'])
    .where('agency_id', '=', recipient.id)
    .where('sender_code', '=', header.from.organId)
    .where('document_id', '=', header.documentId)
    .where('business_type', 'in', ['new', 'replacement'])
    .forUpdate()
    .execute();
  const live = held.filter((entry) => entry.state !== 'recalled');
  const superseded =
    live.length > 0 &&
    (await isSuperseded(tx, {
      updateId: options.updateId,
      agencyId: recipient.id,
      senderCode: header.from.organId,
      documentId: header.documentId,
      at: sentAt(envelope),
    }));
  const fields = new Set<string>();
  for (const entry of superseded ? [] : live) {
    const stored = entry.envelope as UpdateEnvelope;
    const correction = correctionOf(stored.messageHeader, header);
    if (Object.keys(correction).length === 0) continue;
    await tx
      .updateTable('exchange_inbound')
      .set({
        envelope: JSON.stringify({
          ...stored,
          messageHeader: correctedHeader(stored.messageHeader, correction),
        }),
      })
      .where('id', '=', entry.id)
      .execute();
    Object.keys(correction).forEach((field) => fields.add(field));
    if (!entry.incoming_document_id) continue;
    const before = stored.messageHeader;
    await applyIssuerCorrection(tx, {
      incomingDocumentId: entry.incoming_document_id,
      correction: {
        ...(correction.subject !== undefined ? { summary: correction.subject } : {}),
        ...(correction.urgency !== undefined ? { urgency: correction.urgency } : {}),
        ...(correction.dueDate !== undefined
          ? { dueDate: { from: before.dueDate ?? null, to: correction.dueDate } }
          : {}),
      },
      lines: describeCorrection(
        {
          subject: before.subject,
          urgency: urgencyOf(before.otherInfo?.priority) ?? null,
          dueDate: before.dueDate ?? null,
        },
        correction,
      ),
      reason: reason.slice(0, 1500),
      documentId: header.documentId,
      actor: systemActor(`${header.from.organName} (cập nhật qua liên thông)`.slice(0, 200)),
      at,
    });
  }
  const outcome = held.length === 0 ? 'pending' : live.length === 0 ? 'refused' : 'applied';
  await tx
    .updateTable('exchange_inbound')
    .set({ state: outcome, decided_at: outcome === 'pending' ? null : at })
    .where('id', '=', options.updateId)
    .execute();
  await recordEvent(tx, systemActor('exchange'), {
    type: 'exchange.update_received',
    entityType: 'exchange_inbound',
    entityId: options.updateId,
    agencyId: recipient.id,
    data: {
      documentId: header.documentId,
      senderCode: header.from.organId,
      outcome,
      superseded,
      fields: [...fields],
    },
  });
  return outcome;
}

/** A document arriving after its own updates: they are applied now, in the order they came. */
export async function applyPendingUpdates(
  tx: Transaction<DB>,
  options: { recipient: Recipient; envelope: UpdateEnvelope; at: Date },
): Promise<void> {
  const header = options.envelope.messageHeader;
  const pending = await tx
    .selectFrom('exchange_inbound')
    .select(['id', 'envelope'])
    .where('agency_id', '=', options.recipient.id)
    .where('sender_code', '=', header.from.organId)
    .where('document_id', '=', header.documentId)
    .where('business_type', '=', 'update')
    .where('state', '=', 'pending')
    .orderBy('received_at')
    .forUpdate()
    .execute();
  for (const update of pending)
    await applyUpdate(tx, {
      updateId: update.id,
      recipient: options.recipient,
      envelope: update.envelope as UpdateEnvelope,
      at: options.at,
    });
}
