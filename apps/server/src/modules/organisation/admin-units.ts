import type { Transaction } from 'kysely';
import type { AdminUnit, AdminUnitQuery } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { unaccentedLike } from '../../platform/search.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { toAdminUnit } from './mappers.ts';

type Reader = Db | Transaction<DB>;

async function linksOf(db: Reader, ids: string[]) {
  const links = new Map<string, { predecessorIds: string[]; successorIds: string[] }>(
    ids.map((id) => [id, { predecessorIds: [], successorIds: [] }]),
  );
  if (ids.length === 0) return links;
  const rows = await db
    .selectFrom('admin_unit_succession')
    .selectAll()
    .where((eb) => eb.or([eb('predecessor_id', 'in', ids), eb('successor_id', 'in', ids)]))
    .execute();
  for (const row of rows) {
    links.get(row.successor_id)?.predecessorIds.push(row.predecessor_id);
    links.get(row.predecessor_id)?.successorIds.push(row.successor_id);
  }
  return links;
}

/** Units in force on a day (today in Vietnam by default): the answer to "as of date X". */
export async function listAdminUnits(
  db: Db,
  query: AdminUnitQuery,
): Promise<{ items: AdminUnit[]; total: number }> {
  const onDay = query.asOf ?? todayInVietnam();
  let select = db
    .selectFrom('admin_unit')
    .where('effective_from', '<=', onDay)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', onDay)]));
  if (query.level) select = select.where('level', '=', query.level);
  if (query.q) select = select.where(unaccentedLike('name', query.q));
  const [rows, count] = await Promise.all([
    select
      .selectAll()
      .orderBy('level')
      .orderBy('code')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const links = await linksOf(
    db,
    rows.map((row) => row.id),
  );
  return { total: Number(count.total), items: rows.map((row) => toAdminUnit(row, links.get(row.id)!)) };
}

export async function getAdminUnit(db: Reader, id: string): Promise<AdminUnit> {
  const row = await db.selectFrom('admin_unit').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('admin_unit');
  const links = await linksOf(db, [id]);
  return toAdminUnit(row, links.get(id)!);
}
