/**
 * Recall (thu hồi) of an issued outgoing document by its issuer (ADR 0023; NĐ 30/2020 Phụ lục VI
 * §III.8, R-DOC-11): the clerk who issues (document.issue) or the signer recalls it with a reason.
 * In one transaction the document and its metadata are frozen (status `recalled`: no step is allowed
 * any more, the versions and the number stay), and a revocation goes to every recipient the
 * exchange carried it to.
 */
import type { Transaction } from 'kysely';
import type { OutgoingRecall } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { queueRevocation, replacementInfoOf } from '../exchange/queue-revocation.ts';
import {
  addStep,
  assertAllowed,
  capacitiesOf,
  lockDraft,
  type DraftRow,
  type OutgoingCaller,
} from './outgoing-access.ts';
import './outgoing-tables.ts';
import './recall-tables.ts';

export async function recallOutgoing(
  tx: Transaction<DB>,
  options: { id: string; caller: OutgoingCaller; actor: Actor; reason: string; now: Date },
): Promise<void> {
  const { id, caller, actor, reason, now } = options;
  const row = await lockDraft(tx, caller, id);
  assertAllowed('recall', row, capacitiesOf(caller, row));
  const number = await tx
    .selectFrom('outgoing_number')
    .select('number_symbol')
    .where('id', '=', row.number_id ?? '')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('outgoing_draft')
    .set({
      status: 'recalled',
      recalled_at: now,
      recalled_by: caller.principal.accountId,
      recall_reason: reason,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  const revocation = await queueRevocation(tx, {
    agencyId: row.agency_id,
    sourceId: id,
    reason,
    actor,
    at: now,
  });
  await addStep(tx, { draftId: id, action: 'recalled', caller, comment: reason });
  await recordEvent(tx, actor, {
    type: 'outgoing.recalled',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { numberSymbol: number.number_symbol, reason, recipientCodes: revocation.recipientCodes },
  });
}

/** The recall as the draft page shows it: when, why and who (the history line's name). */
export async function recallOf(db: Db, row: DraftRow): Promise<OutgoingRecall | null> {
  if (row.status !== 'recalled' || !row.recalled_at) return null;
  const step = await db
    .selectFrom('outgoing_step')
    .select('actor_name')
    .where('draft_id', '=', row.id)
    .where('action', '=', 'recalled')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return {
    at: row.recalled_at.toISOString(),
    reason: row.recall_reason ?? '',
    byName: step?.actor_name ?? '',
  };
}

/** A draft may replace an issued document of its own agency only (400 naming `replacesDraftId`). */
export async function checkReplaces(db: Db, options: { agencyId: string; id: string }): Promise<void> {
  const replaced = await db
    .selectFrom('outgoing_draft')
    .select(['agency_id', 'status'])
    .where('id', '=', options.id)
    .executeTakeFirst();
  if (!replaced || replaced.agency_id !== options.agencyId)
    throw invalid('replacesDraftId', 'no_such_record');
  if (replaced.status !== 'issued') throw invalid('replacesDraftId', 'outgoing.notIssued');
}

/**
 * What an issued replacement tells the exchange: BussinessDocType 3 with the replaced document's
 * DocumentId and recipients, when that document went through the exchange; otherwise a new document.
 */
export async function replacementOf(tx: Transaction<DB>, row: DraftRow) {
  if (!row.replaces_draft_id) return {};
  const replaces = await replacementInfoOf(tx, { agencyId: row.agency_id, sourceId: row.replaces_draft_id });
  return replaces.length > 0 ? { business: { type: 'replacement' as const, replaces } } : {};
}
