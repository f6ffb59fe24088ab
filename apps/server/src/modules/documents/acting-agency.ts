import type { Permission } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope } from '../../platform/scope.ts';

/**
 * The agency a clerk acts for: the one asked for, if the permission reaches it (else 404, which does
 * not tell whether it exists), or the agency of the one position that grants the permission. A clerk
 * serving several agencies must say which (400 naming `agencyId`).
 */
export async function actingAgency(
  db: Db,
  options: { principal: Principal; permission: Permission; agencyId: string | undefined },
): Promise<string> {
  const { principal, permission, agencyId } = options;
  if (agencyId !== undefined) {
    const scope = await resolveAgencyScope(db, principal, permission);
    if (!inScope(scope, agencyId)) throw notFound('agency');
    return agencyId;
  }
  const own = [
    ...new Set(
      principal.grants.filter((grant) => grant.permission === permission).map((grant) => grant.agencyId),
    ),
  ];
  if (own.length !== 1 || own[0] === undefined) throw invalid('agencyId', 'required');
  return own[0];
}
