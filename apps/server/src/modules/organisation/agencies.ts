import type { Transaction } from 'kysely';
import type { Agency, AgencyQuery } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { unaccentedLike } from '../../platform/search.ts';
import { toAgency } from './mappers.ts';

type Reader = Db | Transaction<DB>;

export async function listAgencies(
  db: Db,
  query: AgencyQuery,
  scope: AgencyScope,
): Promise<{ items: Agency[]; total: number }> {
  let select = db.selectFrom('agency');
  if (!scope.all) {
    if (scope.agencyIds.length === 0) return { items: [], total: 0 };
    select = select.where('id', 'in', scope.agencyIds);
  }
  if (query.q) {
    const q = query.q;
    select = select.where((eb) => eb.or([unaccentedLike('name', q), eb('code', 'like', `%${q}%`)]));
  }
  if (query.parentId) select = select.where('parent_id', '=', query.parentId);
  if (query.kind) select = select.where('kind', '=', query.kind);
  const [rows, count] = await Promise.all([
    select
      .selectAll()
      .orderBy('level', 'desc')
      .orderBy('code')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.total), items: rows.map(toAgency) };
}

/** The public directory on the portal: every agency in force today. */
export async function listPublicAgencies(db: Db): Promise<{ items: Agency[]; total: number }> {
  const today = todayInVietnam();
  const rows = await db
    .selectFrom('agency')
    .selectAll()
    .where('effective_from', '<=', today)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', today)]))
    .orderBy('level', 'desc')
    .orderBy('code')
    .execute();
  return { total: rows.length, items: rows.map(toAgency) };
}

/** An agency the caller may see; one outside their scope answers 404 like one that does not exist. */
export async function getAgency(db: Reader, id: string, scope: AgencyScope): Promise<Agency> {
  const row = inScope(scope, id)
    ? await db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('agency');
  return toAgency(row);
}
