import type { Transaction } from 'kysely';
import type { AssignIncomingBody, Assignee, SubmitIncomingBody } from '@tinhso/contracts';
import type { Actor, Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { getDueDate } from '../calendar/get-due-date.ts';
import { applyIncoming } from './incoming-apply.ts';
import { assertAllowed, loadIncoming } from './incoming-access.ts';
import { assigneeAccounts, notifyOfficials, URGENCY_VI } from './incoming-notify.ts';
import { nextStatus } from './incoming-workflow.ts';
import { leadersOf } from './incoming-options.ts';

/** Who acts: the audit actor, and the name the sender is told in the status message. */
export interface Acting {
  principal: Principal;
  actor: Actor;
  now: Date;
}

const ROLE_VI = { lead: 'chủ trì', cooperate: 'phối hợp', inform: 'để biết' } as const;

async function documentFacts(tx: Transaction<DB>, id: string) {
  return tx
    .selectFrom('incoming_document')
    .select([
      'arrival_number',
      'number_symbol',
      'issuer_name',
      'summary',
      'urgency',
      'deadline_on',
      'agency_id',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * Trình lãnh đạo: the clerk submits the document to a leader of the agency, who is told at once; an
 * urgent one (khẩn, thượng khẩn, hỏa tốc) with its urgency in the subject (NĐ 30 Art 22, R-DOC-4).
 */
export async function submitIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; body: SubmitIncomingBody },
): Promise<void> {
  const loaded = await loadIncoming(tx, acting.principal, options.id, { forUpdate: true });
  assertAllowed('submit', loaded);
  const leaders = await leadersOf(tx, loaded.agencyId);
  if (!leaders.some((leader) => leader.accountId === options.body.leaderAccountId))
    throw new AppError('validation', { issues: [{ field: 'leaderAccountId', key: 'document.notInAgency' }] });
  const facts = await documentFacts(tx, options.id);
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'submit',
    from: loaded.status,
    to: nextStatus('submit', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.body.note ?? null,
    patch: { submitted_to: options.body.leaderAccountId },
    detail: { leaderAccountId: options.body.leaderAccountId, urgency: facts.urgency },
  });
  const params = {
    arrival: String(facts.arrival_number),
    numberSymbol: facts.number_symbol,
    issuer: facts.issuer_name,
    summary: facts.summary,
  };
  await notifyOfficials(tx, {
    accountIds: [options.body.leaderAccountId],
    documentId: options.id,
    ...(facts.urgency === 'thuong'
      ? { template: 'document.incoming.submitted', params }
      : { template: 'document.incoming.urgent', params: { ...params, urgency: URGENCY_VI[facts.urgency] } }),
  });
}

/** Trả lại: a wrongly addressed or unreadable document goes back to the sender (NĐ 30 Art 21). */
export async function returnIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; note: string },
): Promise<void> {
  const loaded = await loadIncoming(tx, acting.principal, options.id, { forUpdate: true });
  assertAllowed('return', loaded);
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'return',
    from: loaded.status,
    to: nextStatus('return', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.note,
  });
}

/** Kết thúc: the clerk or a leader closes a document whose handling is done. */
export async function closeIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; note: string | undefined },
): Promise<void> {
  const loaded = await loadIncoming(tx, acting.principal, options.id, { forUpdate: true });
  assertAllowed('close', loaded);
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'close',
    from: loaded.status,
    to: nextStatus('close', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: options.note ?? null,
  });
}

/** Each assignee names a unit of the agency or an official with a post there today; dates not past. */
export async function checkAssignees(
  db: Db | Transaction<DB>,
  agencyId: string,
  body: AssignIncomingBody,
): Promise<void> {
  const today = todayInVietnam();
  const issues: FieldIssue[] = [];
  const entries: [string, Assignee][] = [
    ['lead', body.lead],
    ...(body.cooperate ?? []).map((a, i): [string, Assignee] => [`cooperate/${i}`, a]),
    ...(body.inform ?? []).map((a, i): [string, Assignee] => [`inform/${i}`, a]),
  ];
  const units = new Set(
    (await db.selectFrom('org_unit').select('id').where('agency_id', '=', agencyId).execute()).map(
      (u) => u.id,
    ),
  );
  const officials = new Set((await officialsAt(db, agencyId)).map((o) => o.account_id));
  for (const [field, assignee] of entries) {
    if ((assignee.orgUnitId === undefined) === (assignee.accountId === undefined))
      issues.push({ field, key: 'document.oneAssignee' });
    else if (assignee.orgUnitId !== undefined && !units.has(assignee.orgUnitId))
      issues.push({ field: `${field}/orgUnitId`, key: 'document.notInAgency' });
    else if (assignee.accountId !== undefined && !officials.has(assignee.accountId))
      issues.push({ field: `${field}/accountId`, key: 'document.notInAgency' });
    if (assignee.dueOn !== undefined && assignee.dueOn < today)
      issues.push({ field: `${field}/dueOn`, key: 'document.dueBeforeToday' });
  }
  if (body.dueOn !== undefined && body.dueOn < today)
    issues.push({ field: 'dueOn', key: 'document.dueBeforeToday' });
  if (issues.length > 0) throw new AppError('validation', { issues });
}

/** Accounts holding a post today at the agency. */
export function officialsAt(db: Db | Transaction<DB>, agencyId: string) {
  const today = todayInVietnam();
  return db
    .selectFrom('official as o')
    .innerJoin('account as a', 'a.id', 'o.account_id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['a.id as account_id', 'a.display_name', 'p.title', 'p.org_unit_id', 'p.position_type'])
    .where('p.agency_id', '=', agencyId)
    .where('a.disabled_at', 'is', null)
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .orderBy('a.display_name')
    .execute();
}

/** The handling deadline: the leader's, else the document's own (if not past), else N working days. */
async function handlingDueOn(
  tx: Transaction<DB>,
  body: AssignIncomingBody,
  deadlineOn: string | null,
  now: Date,
) {
  if (body.dueOn) return body.dueOn;
  const today = todayInVietnam(now);
  if (deadlineOn && deadlineOn >= today) return deadlineOn;
  const days = await getSetting(tx, 'document.handlingWorkingDays', today);
  return (await getDueDate(tx, { receivedAt: now, amount: days, unit: 'working_day' })).dueDate;
}

/**
 * Bút phê và phân công: the leader's instruction, one lead, co-operators and those informed, each
 * with a deadline (the document's unless one is given), all told at once.
 */
export async function assignIncoming(
  tx: Transaction<DB>,
  acting: Acting,
  options: { id: string; body: AssignIncomingBody },
): Promise<void> {
  const { body } = options;
  const loaded = await loadIncoming(tx, acting.principal, options.id, { forUpdate: true });
  assertAllowed('assign', loaded);
  const facts = await documentFacts(tx, options.id);
  const dueOn = await handlingDueOn(tx, body, facts.deadline_on, acting.now);
  const rows = [
    { role: 'lead' as const, assignee: body.lead },
    ...(body.cooperate ?? []).map((assignee) => ({ role: 'cooperate' as const, assignee })),
    ...(body.inform ?? []).map((assignee) => ({ role: 'inform' as const, assignee })),
  ].map(({ role, assignee }) => ({
    document_id: options.id,
    role,
    org_unit_id: assignee.orgUnitId ?? null,
    account_id: assignee.accountId ?? null,
    due_on: role === 'inform' ? (assignee.dueOn ?? null) : (assignee.dueOn ?? dueOn),
    assigned_at: acting.now,
    assigned_by: acting.principal.accountId,
  }));
  const inserted = await tx.insertInto('incoming_assignment').values(rows).returningAll().execute();
  await applyIncoming(tx, options.id, loaded.agencyId, {
    action: 'assign',
    from: loaded.status,
    to: nextStatus('assign', loaded.status),
    actor: acting.actor,
    at: acting.now,
    note: body.instruction,
    patch: { instruction: body.instruction, due_on: dueOn },
    detail: { dueOn, assignments: inserted.map((row) => `${row.role}:${row.account_id ?? row.org_unit_id}`) },
  });
  for (const row of inserted) {
    await notifyOfficials(tx, {
      accountIds: await assigneeAccounts(tx, row),
      template: 'document.incoming.assigned',
      documentId: options.id,
      params: {
        arrival: String(facts.arrival_number),
        numberSymbol: facts.number_symbol,
        summary: facts.summary,
        role: ROLE_VI[row.role],
        dueOn: row.due_on ?? dueOn,
      },
    });
  }
}
