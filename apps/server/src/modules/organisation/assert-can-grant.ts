import type { Transaction } from 'kysely';
import type { Permission } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { agenciesBelow, inScope, resolveAgencyScope, type AgencyScope } from '../../platform/scope.ts';

/**
 * Nobody gives what they do not hold: every permission that a position of this type in this agency
 * would grant, as far as its role reaches, must already be within the caller's own reach for that
 * permission. Without this an agency administrator could appoint themselves province administrator.
 */
export async function assertCanGrant(
  tx: Transaction<DB>,
  principal: Principal,
  positionType: string,
  agencyId: string,
): Promise<void> {
  const roles = await tx
    .selectFrom('position_type')
    .innerJoin('role', (join) => join.on((eb) => eb('role.code', '=', eb.fn.any('position_type.role_codes'))))
    .select(['role.scope', 'role.permissions'])
    .where('position_type.code', '=', positionType)
    .execute();
  const callerScopes = new Map<string, AgencyScope>();
  let subtree: string[] | undefined;
  for (const role of roles) {
    for (const permission of role.permissions) {
      let scope = callerScopes.get(permission);
      if (!scope) {
        scope = await resolveAgencyScope(tx, principal, permission as Permission);
        callerScopes.set(permission, scope);
      }
      if (scope.all) continue;
      if (role.scope === 'province')
        throw new AppError('forbidden', { detail: `cannot grant ${permission} province-wide` });
      const reach = role.scope === 'subtree' ? (subtree ??= await agenciesBelow(tx, [agencyId])) : [agencyId];
      if (!reach.every((id) => inScope(scope, id))) {
        throw new AppError('forbidden', {
          detail: `cannot grant ${permission} over ${role.scope} of ${agencyId}`,
        });
      }
    }
  }
}
