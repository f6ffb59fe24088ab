import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Permission, RoleScope } from '@tinhso/contracts';
import { PERMISSION_CODES } from '@tinhso/contracts';
import type { GrantsProvider, Grant } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';

interface GrantRow {
  roleCode: string;
  scope: RoleScope;
  permissions: string[];
  agencyId: string;
}

const known = new Set<string>(PERMISSION_CODES);

/**
 * Permissions come from the positions an official holds on a day (primary, concurrent or acting):
 * each position's type grants role templates, each role its permissions, reaching from the agency of
 * that position as far as the role's scope says. Read as a sub-select of identity's session read.
 */
export function createGrantsProvider(db: Db): GrantsProvider {
  return {
    rowsOf: (accountId, onDay) =>
      jsonArrayFrom(
        db
          .selectFrom('official')
          .innerJoin('appointment', 'appointment.official_id', 'official.id')
          .innerJoin('position', 'position.id', 'appointment.position_id')
          .innerJoin('position_type', 'position_type.code', 'position.position_type')
          .innerJoin('role', (join) =>
            join.on((eb) => eb('role.code', '=', eb.fn.any('position_type.role_codes'))),
          )
          .select([
            'role.code as roleCode',
            'role.scope',
            'role.permissions',
            'position.agency_id as agencyId',
          ])
          .where('official.account_id', '=', accountId)
          .where('appointment.starts_on', '<=', onDay)
          .where((eb) =>
            eb.or([eb('appointment.ends_on', 'is', null), eb('appointment.ends_on', '>', onDay)]),
          ),
      ),
    fromRows(rows) {
      const list = (rows ?? []) as GrantRow[];
      const grants: Grant[] = list.flatMap((row) =>
        row.permissions
          .filter((permission) => known.has(permission))
          .map((permission) => ({
            permission: permission as Permission,
            scope: row.scope,
            agencyId: row.agencyId,
          })),
      );
      return { grants, roleCodes: [...new Set(list.map((row) => row.roleCode))] };
    },
  };
}
