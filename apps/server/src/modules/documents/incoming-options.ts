import { sql, type Transaction } from 'kysely';
import type { AssigneeOptions } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { todayInVietnam } from '../../platform/time.ts';

/** Officials with a post today at exactly the agency whose position carries a permission. */
function holdersAt(reader: Db | Transaction<DB>, agencyId: string, permission: string) {
  const today = todayInVietnam();
  return reader
    .selectFrom('official as o')
    .innerJoin('account as a', 'a.id', 'o.account_id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('position_type as pt', 'pt.code', 'p.position_type')
    .select(['a.id as accountId', 'a.display_name as name', 'p.title', 'p.org_unit_id as orgUnitId'])
    .where('p.agency_id', '=', agencyId)
    .where('a.disabled_at', 'is', null)
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .where(
      sql<boolean>`exists (select 1 from role r where r.code = any(pt.role_codes) and ${permission} = any(r.permissions))`,
    )
    .orderBy('a.display_name')
    .orderBy('p.title')
    .execute();
}

/** The leaders a document of the agency may be submitted to (document.instruct at the agency). */
export async function leadersOf(reader: Db | Transaction<DB>, agencyId: string) {
  const rows = await holdersAt(reader, agencyId, 'document.instruct');
  return [
    ...new Map(
      rows.map((row) => [row.accountId, { accountId: row.accountId, name: row.name, title: row.title }]),
    ).values(),
  ];
}

/** Whom a document of the agency may go to: its leaders, its units, the officials who handle documents. */
export async function assigneeOptions(
  reader: Db | Transaction<DB>,
  agencyId: string,
): Promise<AssigneeOptions> {
  const units = await reader
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('agency_id', '=', agencyId)
    .orderBy('name')
    .execute();
  const handlers = await holdersAt(reader, agencyId, 'document.handle');
  return {
    leaders: await leadersOf(reader, agencyId),
    units,
    officials: [...new Map(handlers.map((row) => [row.accountId, row])).values()],
  };
}
