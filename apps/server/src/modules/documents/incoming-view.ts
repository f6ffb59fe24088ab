import type { Transaction } from 'kysely';
import type { IncomingAssignment, IncomingHandling, IncomingHistoryEntry } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { loadIncoming } from './incoming-access.ts';
import './incoming-tables.ts';
import './recall-tables.ts';
import { allowedActions, dueStateOf } from './incoming-workflow.ts';
import { toIncomingDocument } from './repository.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The assignments of a document with the names of units and officials, lead first. */
export async function assignmentsOf(
  reader: Db | Transaction<DB>,
  documentId: string,
): Promise<IncomingAssignment[]> {
  const rows = await reader
    .selectFrom('incoming_assignment as s')
    .leftJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .leftJoin('account as a', 'a.id', 's.account_id')
    .select([
      's.id',
      's.role',
      's.org_unit_id',
      'u.name as unit_name',
      's.account_id',
      'a.display_name',
      's.due_on',
      's.read_at',
      's.opinion',
      's.opinion_at',
    ])
    .where('s.document_id', '=', documentId)
    .orderBy((eb) =>
      eb.case().when('s.role', '=', 'lead').then(0).when('s.role', '=', 'cooperate').then(1).else(2).end(),
    )
    .orderBy('s.assigned_at')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.unit_name,
    accountId: row.account_id,
    accountName: row.display_name,
    dueOn: row.due_on,
    readAt: iso(row.read_at),
    opinion: row.opinion,
    opinionAt: iso(row.opinion_at),
  }));
}

async function historyOf(reader: Db | Transaction<DB>, documentId: string): Promise<IncomingHistoryEntry[]> {
  const rows = await reader
    .selectFrom('incoming_action')
    .select(['at', 'action', 'from_status', 'to_status', 'actor_label', 'note'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    at: row.at.toISOString(),
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorLabel: row.actor_label,
    note: row.note,
  }));
}

/**
 * One document with its handling, as the caller may see it (document.read reaching its agency, else
 * 404): the instruction, the assignments, the deadline as a state, the history, and the actions the
 * caller may take now.
 */
export async function getIncomingHandling(
  reader: Db | Transaction<DB>,
  principal: Principal,
  id: string,
): Promise<IncomingHandling> {
  const loaded = await loadIncoming(reader, principal, id);
  const row = await reader
    .selectFrom('incoming_document as d')
    .innerJoin('document_type as t', 't.code', 'd.type_code')
    .leftJoin('account as leader', 'leader.id', 'd.submitted_to')
    .selectAll('d')
    .select(['t.name_vi as type_name', 'leader.display_name as leader_name'])
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
  const today = todayInVietnam();
  const dueSoonDays = await getSetting(reader as Db, 'document.dueSoonDays', today);
  return {
    document: toIncomingDocument(row),
    status: row.status,
    deadlineOn: row.deadline_on,
    submittedTo:
      row.submitted_to && row.leader_name ? { accountId: row.submitted_to, name: row.leader_name } : null,
    instruction: row.instruction,
    dueOn: row.due_on,
    dueState: dueStateOf(row.due_on, today, dueSoonDays, row.status),
    resultNote: row.result_note,
    replyReference: row.reply_reference,
    hasText: row.body_text !== null && row.body_text.trim() !== '',
    recall: row.recalled_at ? { at: row.recalled_at.toISOString(), reason: row.recall_reason ?? '' } : null,
    replacement:
      row.replaced_at && row.replaced_by_reference
        ? {
            at: row.replaced_at.toISOString(),
            reference: row.replaced_by_reference,
            replacedById: row.replaced_by_id,
          }
        : null,
    assignments: await assignmentsOf(reader, id),
    history: await historyOf(reader, id),
    allowedActions: allowedActions(loaded.status, loaded.capacities),
  };
}
