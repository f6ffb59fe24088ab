import type { Transaction } from 'kysely';
import type { IncomingStatus, Permission } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope } from '../../platform/scope.ts';
import { todayInVietnam } from '../../platform/time.ts';
import './incoming-tables.ts';
import {
  allowedActions,
  isAllowed,
  type HandlingAction,
  type IncomingCapacity,
} from './incoming-workflow.ts';
import './tables.ts';

/** Position types that head a unit: the head of a lead unit may name who in it handles the document. */
const UNIT_HEAD_TYPES = ['truong_phong', 'pho_truong_phong'];

/** A post the caller holds today: its agency, its unit and whether it heads the unit. */
export interface Post {
  agencyId: string;
  orgUnitId: string | null;
  isUnitHead: boolean;
}

export async function postsOf(reader: Db | Transaction<DB>, accountId: string): Promise<Post[]> {
  const today = todayInVietnam();
  const rows = await reader
    .selectFrom('official as o')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['p.agency_id', 'p.org_unit_id', 'p.position_type'])
    .where('o.account_id', '=', accountId)
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .execute();
  return rows.map((row) => ({
    agencyId: row.agency_id,
    orgUnitId: row.org_unit_id,
    isUnitHead: UNIT_HEAD_TYPES.includes(row.position_type),
  }));
}

export interface LoadedIncoming {
  id: string;
  agencyId: string;
  status: IncomingStatus;
  capacities: Set<IncomingCapacity>;
}

/**
 * The document if the caller may read it (document.read reaching its agency, else 404 as if it did
 * not exist), with the capacities the caller holds towards it. Read before the command's transaction
 * for the answer of who may act, and again inside it (`forUpdate`) so that two commands on one
 * document take turns.
 */
export async function loadIncoming(
  reader: Db | Transaction<DB>,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedIncoming> {
  const document = await reader
    .selectFrom('incoming_document')
    .select(['id', 'agency_id', 'status'])
    .where('id', '=', id)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
  const canRead = async (permission: Permission) =>
    document !== undefined &&
    inScope(await resolveAgencyScope(reader, principal, permission), document.agency_id);
  if (!document || !(await canRead('document.read'))) throw notFound('incoming_document');
  const capacities = new Set<IncomingCapacity>();
  if (await canRead('document.register')) capacities.add('clerk');
  if (await canRead('document.instruct')) capacities.add('leader');
  if (principal.permissions.has('document.handle')) {
    const posts = (await postsOf(reader, principal.accountId)).filter(
      (post) => post.agencyId === document.agency_id,
    );
    const units = new Set(posts.flatMap((post) => (post.orgUnitId ? [post.orgUnitId] : [])));
    const headed = new Set(
      posts.flatMap((post) => (post.isUnitHead && post.orgUnitId ? [post.orgUnitId] : [])),
    );
    const assignments = await reader
      .selectFrom('incoming_assignment')
      .select(['role', 'org_unit_id', 'account_id'])
      .where('document_id', '=', id)
      .execute();
    for (const assignment of assignments) {
      const isMine =
        assignment.account_id === principal.accountId ||
        (assignment.account_id === null &&
          assignment.org_unit_id !== null &&
          units.has(assignment.org_unit_id));
      if (isMine)
        capacities.add(
          assignment.role === 'lead' ? 'lead' : assignment.role === 'cooperate' ? 'cooperator' : 'informed',
        );
      if (assignment.role === 'lead' && assignment.org_unit_id !== null && headed.has(assignment.org_unit_id))
        capacities.add('unit_head');
    }
  }
  return { id: document.id, agencyId: document.agency_id, status: document.status, capacities };
}

/** 409 naming the status and the actions the caller may take in it (none: "—"). */
export function assertAllowed(action: HandlingAction, loaded: LoadedIncoming): void {
  if (isAllowed(action, loaded.status, loaded.capacities)) return;
  const allowed = allowedActions(loaded.status, loaded.capacities);
  throw new AppError('conflict', {
    detail: `${action} is not allowed on a ${loaded.status} incoming document`,
    issues: [
      {
        field: 'action',
        key: 'document.actionNotAllowed',
        params: { action, status: loaded.status, allowed: allowed.length ? allowed.join(', ') : '—' },
      },
    ],
  });
}
