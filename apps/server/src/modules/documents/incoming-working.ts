import type { Transaction } from 'kysely';
import type { CompleteIncomingBody, ReassignIncomingBody } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { applyIncoming } from './incoming-apply.ts';
import { assertAllowed, loadIncoming, postsOf, type LoadedIncoming } from './incoming-access.ts';
import type { Acting } from './incoming-handling.ts';
import { notifyOfficials } from './incoming-notify.ts';
import { nextStatus, type HandlingAction } from './incoming-workflow.ts';

/** Loads under lock and checks the action; answers the document as loaded. */
async function begin(
  tx: Transaction<DB>,
  acting: Acting,
  id: string,
  action: HandlingAction,
): Promise<LoadedIncoming> {
  const loaded = await loadIncoming(tx, acting.principal, id, { forUpdate: true });
  assertAllowed(action, loaded);
  return loaded;
}

/**
 * The head of the lead unit (or a leader) names the official of the unit who handles the document;
 * the unit stays the lead. The official is told.
 */
export async function reassignIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; body: ReassignIncomingBody },
): Promise<void> {
  const loaded = await begin(tx, acting, options.id, 'reassign');
  const lead = await tx
    .selectFrom('incoming_assignment')
    .select(['id', 'org_unit_id', 'account_id', 'due_on'])
    .where('document_id', '=', options.id)
    .where('role', '=', 'lead')
    .executeTakeFirstOrThrow();
  const posts = await postsOf(tx, options.body.accountId);
  const isInUnit = lead.org_unit_id
    ? posts.some((post) => post.orgUnitId === lead.org_unit_id)
    : posts.some((post) => post.agencyId === loaded.agencyId);
  if (!isInUnit)
    throw new AppError('validation', { issues: [{ field: 'accountId', key: 'document.notInAgency' }] });
  await tx
    .updateTable('incoming_assignment')
    .set({ account_id: options.body.accountId })
    .where('id', '=', lead.id)
    .execute();
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'reassign',
    from: loaded.status,
    to: nextStatus('reassign', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.body.note ?? null,
    detail: { accountId: options.body.accountId, previousAccountId: lead.account_id },
  });
  const facts = await tx
    .selectFrom('incoming_document')
    .select(['arrival_number', 'number_symbol', 'summary'])
    .where('id', '=', options.id)
    .executeTakeFirstOrThrow();
  await notifyOfficials(tx, {
    accountIds: [options.body.accountId],
    template: 'document.incoming.assigned',
    documentId: options.id,
    params: {
      arrival: String(facts.arrival_number),
      numberSymbol: facts.number_symbol,
      summary: facts.summary,
      role: 'chủ trì',
      dueOn: lead.due_on ?? '—',
    },
  });
}

/** The lead records progress or a proposal (đề xuất); the first one reports "in progress" to the sender. */
export async function recordProgress(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; note: string },
): Promise<void> {
  const loaded = await begin(tx, acting, options.id, 'progress');
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'progress',
    from: loaded.status,
    to: nextStatus('progress', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.note,
  });
}

/** The caller's own assignment rows of a role: named, or through their unit while none is named. */
async function myAssignments(
  tx: Transaction<DB>,
  acting: Acting,
  loaded: LoadedIncoming,
  role: 'cooperate' | 'inform',
) {
  const units = (await postsOf(tx, acting.principal.accountId))
    .filter((post) => post.agencyId === loaded.agencyId && post.orgUnitId !== null)
    .map((post) => post.orgUnitId!);
  return tx
    .selectFrom('incoming_assignment')
    .select('id')
    .where('document_id', '=', loaded.id)
    .where('role', '=', role)
    .where((eb) =>
      eb.or([
        eb('account_id', '=', acting.principal.accountId),
        ...(units.length > 0 ? [eb.and([eb('account_id', 'is', null), eb('org_unit_id', 'in', units)])] : []),
      ]),
    )
    .execute();
}

/** A co-operator gives its opinion (ý kiến phối hợp), kept on its assignment and in the history. */
export async function giveOpinion(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; note: string },
): Promise<void> {
  const loaded = await begin(tx, acting, options.id, 'opinion');
  const mine = await myAssignments(tx, acting, loaded, 'cooperate');
  if (mine.length > 0)
    await tx
      .updateTable('incoming_assignment')
      .set({ opinion: options.note, opinion_at: acting.now })
      .where(
        'id',
        'in',
        mine.map((row) => row.id),
      )
      .execute();
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'opinion',
    from: loaded.status,
    to: nextStatus('opinion', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.note,
  });
}

/** Someone informed (để biết) marks the document read; 409 when already read. */
export async function markRead(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; note: string | undefined },
): Promise<void> {
  const loaded = await begin(tx, acting, options.id, 'read');
  const mine = await myAssignments(tx, acting, loaded, 'inform');
  if (mine.length === 0) throw new AppError('internal', { detail: 'informed without an assignment' });
  const updated = await tx
    .updateTable('incoming_assignment')
    .set({ read_at: acting.now })
    .where(
      'id',
      'in',
      mine.map((row) => row.id),
    )
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  if (updated.length === 0)
    throw new AppError('conflict', {
      issues: [
        {
          field: 'action',
          key: 'document.actionNotAllowed',
          params: { action: 'read', status: loaded.status, allowed: '—' },
        },
      ],
    });
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'read',
    from: loaded.status,
    to: nextStatus('read', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.note ?? null,
  });
}

/** The lead completes the handling with its result and, if any, the reply document's reference. */
export async function completeIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; body: CompleteIncomingBody },
): Promise<void> {
  const loaded = await begin(tx, acting, options.id, 'complete');
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'complete',
    from: loaded.status,
    to: nextStatus('complete', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.body.resultNote,
    patch: { result_note: options.body.resultNote, reply_reference: options.body.replyReference ?? null },
    detail: { replyReference: options.body.replyReference ?? null },
  });
}
