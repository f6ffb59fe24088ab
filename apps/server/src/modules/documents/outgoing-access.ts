import type { Selectable, Transaction } from 'kysely';
import type { OutgoingAction, OutgoingStatus, Permission } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope, type AgencyScope } from '../../platform/scope.ts';
import type { OutgoingDraftTable } from './outgoing-tables.ts';
import './outgoing-tables.ts';

export type DraftRow = Selectable<OutgoingDraftTable>;
type Reader = Db | Transaction<DB>;

/**
 * What the caller holds towards outgoing documents, resolved before a command's transaction (a
 * subtree scope reads the database, which the embedded engine must not do beside a transaction).
 */
export interface OutgoingCaller {
  principal: Principal;
  officialId: string | null;
  officialName: string;
  scopes: Partial<Record<Permission, AgencyScope>>;
}

const PERMISSIONS = ['document.read', 'document.handle', 'document.sign', 'document.issue'] as const;

export async function outgoingCallerOf(db: Db, principal: Principal): Promise<OutgoingCaller> {
  const scopes: OutgoingCaller['scopes'] = {};
  for (const permission of PERMISSIONS) {
    if (principal.permissions.has(permission))
      scopes[permission] = await resolveAgencyScope(db, principal, permission);
  }
  const official = await db
    .selectFrom('official')
    .select(['id', 'full_name'])
    .where('account_id', '=', principal.accountId)
    .executeTakeFirst();
  return {
    principal,
    officialId: official?.id ?? null,
    officialName: official?.full_name ?? principal.displayName,
    scopes,
  };
}

export const reaches = (caller: OutgoingCaller, permission: Permission, agencyId: string): boolean => {
  const scope = caller.scopes[permission];
  return scope !== undefined && inScope(scope, agencyId);
};

/** The parts the caller plays on one draft. */
export interface Capacities {
  drafter: boolean;
  reviewer: boolean;
  signer: boolean;
  clerk: boolean;
}

export function capacitiesOf(caller: OutgoingCaller, row: DraftRow): Capacities {
  const me = caller.officialId;
  return {
    drafter: me === row.drafter_official_id && reaches(caller, 'document.handle', row.agency_id),
    reviewer: me !== null && me === row.reviewer_official_id,
    signer: me === row.signer_official_id && reaches(caller, 'document.sign', row.agency_id),
    clerk: reaches(caller, 'document.issue', row.agency_id),
  };
}

/**
 * Who may see a draft: an official of its agency (document.read reaching it) who drafts, reviews,
 * signs or was asked an opinion on it, the agency's clerk, and its leaders (document.sign). Anyone
 * else, and every other agency, gets 404.
 */
export function canSee(caller: OutgoingCaller, row: DraftRow, askedOfficialIds: readonly string[]): boolean {
  if (!reaches(caller, 'document.read', row.agency_id)) return false;
  const me = caller.officialId;
  const involved =
    me !== null &&
    [row.drafter_official_id, row.reviewer_official_id, row.signer_official_id, ...askedOfficialIds].includes(
      me,
    );
  return (
    involved ||
    reaches(caller, 'document.issue', row.agency_id) ||
    reaches(caller, 'document.sign', row.agency_id)
  );
}

/** The workflow as data: from which states each action may be taken, and by whom. */
const RULES: Record<
  OutgoingAction,
  { from: readonly OutgoingStatus[]; by: (who: Capacities, status: OutgoingStatus) => boolean }
> = {
  edit: { from: ['draft'], by: (who) => who.drafter },
  ask_opinion: { from: ['draft', 'in_review'], by: (who) => who.drafter },
  submit: { from: ['draft'], by: (who) => who.drafter },
  return: {
    from: ['in_review', 'awaiting_signature', 'approved'],
    by: (who, status) => (status === 'in_review' ? who.reviewer : who.signer),
  },
  forward: { from: ['in_review'], by: (who) => who.reviewer },
  approve: { from: ['awaiting_signature'], by: (who) => who.signer },
  sign: { from: ['approved'], by: (who) => who.signer },
  issue: { from: ['signed'], by: (who) => who.clerk },
  // Thu hồi (ADR 0023): the clerk who issues or the signer; a recalled document allows nothing.
  recall: { from: ['issued'], by: (who) => who.clerk || who.signer },
  // Cập nhật (ADR 0027): the same people correct the metadata sent with an issued document.
  update: { from: ['issued'], by: (who) => who.clerk || who.signer },
};

export const isAllowed = (action: OutgoingAction, status: OutgoingStatus, who: Capacities): boolean =>
  RULES[action].from.includes(status) && RULES[action].by(who, status);

export const allowedActions = (status: OutgoingStatus, who: Capacities): OutgoingAction[] =>
  (Object.keys(RULES) as OutgoingAction[]).filter((action) => isAllowed(action, status, who));

/** 409 naming the actions the draft's state and the caller allow. */
export function assertAllowed(action: OutgoingAction, row: DraftRow, who: Capacities): void {
  if (isAllowed(action, row.status, who)) return;
  const allowed = allowedActions(row.status, who);
  throw new AppError('conflict', {
    detail: `${action} is not allowed on a ${row.status} outgoing document`,
    issues: [
      {
        field: 'action',
        key: 'outgoing.actionNotAllowed',
        params: { action, status: row.status, allowed: allowed.length ? allowed.join(', ') : '—' },
      },
    ],
  });
}

export async function askedOfficialIds(db: Reader, draftId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outgoing_opinion')
    .select('official_id')
    .where('draft_id', '=', draftId)
    .execute();
  return rows.map((row) => row.official_id);
}

/** The draft locked for a command, or 404 when the caller may not see it. */
export async function lockDraft(tx: Transaction<DB>, caller: OutgoingCaller, id: string): Promise<DraftRow> {
  const row = await tx
    .selectFrom('outgoing_draft')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !canSee(caller, row, await askedOfficialIds(tx, id))) throw notFound('outgoing_draft');
  return row;
}

/** The draft for reading, or 404. */
export async function findVisibleDraft(db: Reader, caller: OutgoingCaller, id: string): Promise<DraftRow> {
  const row = await db.selectFrom('outgoing_draft').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canSee(caller, row, await askedOfficialIds(db, id))) throw notFound('outgoing_draft');
  return row;
}

/** One line of a draft's history, in the transaction of its change. */
export async function addStep(
  tx: Transaction<DB>,
  options: {
    draftId: string;
    action: string;
    caller: OutgoingCaller;
    comment?: string | undefined;
    version?: number;
  },
): Promise<void> {
  await tx
    .insertInto('outgoing_step')
    .values({
      draft_id: options.draftId,
      action: options.action,
      actor_account_id: options.caller.principal.accountId,
      actor_name: options.caller.officialName,
      comment: options.comment ?? null,
      version: options.version ?? null,
    })
    .execute();
}
