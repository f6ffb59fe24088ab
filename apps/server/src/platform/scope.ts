import { sql } from 'kysely';
import type { Permission } from '@tinhso/contracts';
import type { Principal } from './access.ts';
import type { Db } from './db.ts';

/**
 * The agencies whose records a caller may touch with one permission: every agency (a province-wide
 * role), or a list. Agencies are the platform's unit of tenancy, so every module scopes by them.
 */
export type AgencyScope = { all: true } | { all: false; agencyIds: string[] };

export async function resolveAgencyScope(
  db: Db,
  principal: Principal,
  permission: Permission,
): Promise<AgencyScope> {
  const grants = principal.grants.filter((grant) => grant.permission === permission);
  if (grants.some((grant) => grant.scope === 'province')) return { all: true };
  const direct = grants.filter((grant) => grant.scope === 'agency').map((grant) => grant.agencyId);
  const roots = grants.filter((grant) => grant.scope === 'subtree').map((grant) => grant.agencyId);
  if (roots.length === 0) return { all: false, agencyIds: [...new Set(direct)] };
  return { all: false, agencyIds: [...new Set([...direct, ...(await agenciesBelow(db, roots))])] };
}

/** The given agencies and every agency under them. */
export async function agenciesBelow(db: Db, rootIds: string[]): Promise<string[]> {
  const below = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from agency where id = any(${rootIds}::uuid[])
      union
      select agency.id from agency join tree on agency.parent_id = tree.id
    )
    select id from tree`.execute(db);
  return below.rows.map((row) => row.id);
}

export function inScope(scope: AgencyScope, agencyId: string | null): boolean {
  return scope.all || (agencyId !== null && scope.agencyIds.includes(agencyId));
}
