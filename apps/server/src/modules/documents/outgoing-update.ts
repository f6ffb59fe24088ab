/**
 * Update (cập nhật) of an issued outgoing document's metadata by its issuer (ADR 0027; edXML
 * BussinessDocType 2): the clerk who issues or the signer corrects the trích yếu, the độ khẩn or the
 * hạn trả lời told to the recipients, with a reason. In one transaction the register's entry takes
 * the correction, the history keeps what changed and why, and an update package goes to every
 * recipient the exchange carried the document to. The signed PDF does not change: a change of
 * content is a replacement (thay thế), which is a new document.
 */
import type { Transaction } from 'kysely';
import type { UpdateIssuedOutgoingBody } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { queueUpdate, sentMetadataOf } from '../exchange/queue-update.ts';
import { describeCorrection, type MetadataCorrection } from './correction.ts';
import { addStep, assertAllowed, capacitiesOf, lockDraft, type OutgoingCaller } from './outgoing-access.ts';
import './outgoing-tables.ts';
import './update-tables.ts';

export async function updateIssuedOutgoing(
  tx: Transaction<DB>,
  options: { id: string; caller: OutgoingCaller; actor: Actor; body: UpdateIssuedOutgoingBody; now: Date },
): Promise<void> {
  const { id, caller, actor, body, now } = options;
  const row = await lockDraft(tx, caller, id);
  assertAllowed('update', row, capacitiesOf(caller, row));
  const sent = await sentMetadataOf(tx, { agencyId: row.agency_id, sourceId: id });
  const before = { subject: row.summary, urgency: row.urgency, dueDate: sent?.document.dueDate ?? null };
  // Only what differs is a correction; a body that changes nothing is refused, naming the fields.
  const correction: MetadataCorrection = {
    ...(body.subject !== undefined && body.subject !== before.subject ? { subject: body.subject } : {}),
    ...(body.urgency !== undefined && body.urgency !== before.urgency ? { urgency: body.urgency } : {}),
    ...(body.dueDate !== undefined && body.dueDate !== before.dueDate ? { dueDate: body.dueDate } : {}),
  };
  if (Object.keys(correction).length === 0) throw invalid('subject', 'outgoing.nothingToUpdate');
  await tx
    .updateTable('outgoing_draft')
    .set({
      ...(correction.subject !== undefined ? { summary: correction.subject } : {}),
      ...(correction.urgency !== undefined ? { urgency: correction.urgency } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  const queued = await queueUpdate(tx, {
    agencyId: row.agency_id,
    sourceId: id,
    correction,
    reason: body.reason,
    actor,
  });
  const changes = describeCorrection(before, correction);
  await addStep(tx, {
    draftId: id,
    action: 'updated',
    caller,
    comment: `${changes.join('; ')}. Lý do: ${body.reason}`.slice(0, 2000),
  });
  await recordEvent(tx, actor, {
    type: 'outgoing.updated',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: {
      reason: body.reason,
      fields: Object.keys(correction),
      revision: queued?.revision ?? null,
      recipientCodes: queued?.recipientCodes ?? [],
    },
  });
}
