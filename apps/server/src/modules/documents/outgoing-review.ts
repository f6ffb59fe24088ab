/**
 * Opinions (góp ý), review and approval of an outgoing draft: the drafter asks colleagues for their
 * opinion and submits; the reviewer (head of unit, office chief) returns it or forwards it to the
 * signer; the signer approves or returns it. Each step runs on the locked draft, in its command's
 * transaction, with a line of history and an audit event.
 */
import type { Transaction } from 'kysely';
import type { AskOpinionBody, OutgoingStatus, SubmitOutgoingBody } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError, conflict, invalid, notFound, type FieldIssue } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { addStep, assertAllowed, capacitiesOf, lockDraft, type OutgoingCaller } from './outgoing-access.ts';
import { postsOn } from './outgoing-signer.ts';

interface Step {
  tx: Transaction<DB>;
  id: string;
  caller: OutgoingCaller;
  actor: Actor;
}

/** Officials who hold a post in the draft's agency today; the others are named in one 400. */
async function assertColleagues(
  tx: Transaction<DB>,
  agencyId: string,
  ids: { field: string; officialId: string }[],
): Promise<void> {
  const day = todayInVietnam();
  const issues: FieldIssue[] = [];
  for (const { field, officialId } of ids) {
    if ((await postsOn(tx, { officialId, agencyId, day })).length === 0)
      issues.push({ field, key: 'outgoing.notInAgency' });
  }
  if (issues.length > 0) throw new AppError('validation', { issues });
}

export async function askOpinion({ tx, id, caller, actor }: Step, body: AskOpinionBody): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  assertAllowed('ask_opinion', row, capacitiesOf(caller, row));
  await assertColleagues(
    tx,
    row.agency_id,
    body.officialIds.map((officialId, index) => ({ field: `officialIds.${index}`, officialId })),
  );
  if (body.officialIds.includes(row.drafter_official_id)) throw invalid('officialIds', 'invalid');
  await tx
    .insertInto('outgoing_opinion')
    .values(
      body.officialIds.map((officialId) => ({
        draft_id: id,
        official_id: officialId,
        question: body.question,
        asked_by: caller.principal.accountId,
      })),
    )
    .execute();
  await addStep(tx, { draftId: id, action: 'opinion_asked', caller, comment: body.question });
  await recordEvent(tx, actor, {
    type: 'outgoing.opinion_asked',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { officialIds: body.officialIds },
  });
}

export async function answerOpinion(
  { tx, id, caller, actor }: Step,
  options: { opinionId: string; answer: string },
): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  const opinion = await tx
    .selectFrom('outgoing_opinion')
    .select(['official_id', 'answer'])
    .where('id', '=', options.opinionId)
    .where('draft_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!opinion || opinion.official_id !== caller.officialId) throw notFound('opinion');
  if (opinion.answer !== null) throw conflict('answer', 'outgoing.alreadyAnswered');
  if (row.status === 'issued' || row.status === 'recalled')
    throw conflict('action', 'outgoing.actionNotAllowed', {
      action: 'answer',
      status: row.status,
      allowed: '—',
    });
  await tx
    .updateTable('outgoing_opinion')
    .set({ answer: options.answer, answered_at: new Date() })
    .where('id', '=', options.opinionId)
    .execute();
  await addStep(tx, { draftId: id, action: 'opinion_answered', caller, comment: options.answer });
  await recordEvent(tx, actor, {
    type: 'outgoing.opinion_answered',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { opinionId: options.opinionId },
  });
}

export async function submitDraft({ tx, id, caller, actor }: Step, body: SubmitOutgoingBody): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  assertAllowed('submit', row, capacitiesOf(caller, row));
  const reviewerId = body.reviewerId ?? null;
  if (reviewerId !== null) {
    if (reviewerId === row.drafter_official_id) throw invalid('reviewerId', 'invalid');
    await assertColleagues(tx, row.agency_id, [{ field: 'reviewerId', officialId: reviewerId }]);
  }
  const status: OutgoingStatus = reviewerId ? 'in_review' : 'awaiting_signature';
  await tx
    .updateTable('outgoing_draft')
    .set({ status, reviewer_official_id: reviewerId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await addStep(tx, {
    draftId: id,
    action: 'submitted',
    caller,
    comment: body.comment,
    version: row.current_version,
  });
  await recordEvent(tx, actor, {
    type: 'outgoing.submitted',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { reviewerId },
  });
}

/** Back to the drafter, with the reason (from review, from the signer before or after approval). */
export async function returnDraft({ tx, id, caller, actor }: Step, comment: string): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  assertAllowed('return', row, capacitiesOf(caller, row));
  await tx
    .updateTable('outgoing_draft')
    .set({ status: 'draft', updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await addStep(tx, { draftId: id, action: 'returned', caller, comment });
  await recordEvent(tx, actor, {
    type: 'outgoing.returned',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { from: row.status },
  });
}

export async function forwardDraft(
  { tx, id, caller, actor }: Step,
  comment: string | undefined,
): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  assertAllowed('forward', row, capacitiesOf(caller, row));
  await tx
    .updateTable('outgoing_draft')
    .set({ status: 'awaiting_signature', updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await addStep(tx, { draftId: id, action: 'forwarded', caller, comment });
  await recordEvent(tx, actor, {
    type: 'outgoing.forwarded',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { signerId: row.signer_official_id },
  });
}

export async function approveDraft(
  { tx, id, caller, actor }: Step,
  comment: string | undefined,
): Promise<void> {
  const row = await lockDraft(tx, caller, id);
  assertAllowed('approve', row, capacitiesOf(caller, row));
  await tx
    .updateTable('outgoing_draft')
    .set({ status: 'approved', updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await addStep(tx, { draftId: id, action: 'approved', caller, comment, version: row.current_version });
  await recordEvent(tx, actor, {
    type: 'outgoing.approved',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { version: row.current_version },
  });
}
