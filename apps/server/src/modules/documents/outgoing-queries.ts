import type { OutgoingNumberList, OutgoingNumberQuery } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { toOutgoingNumber } from './repository.ts';
import './tables.ts';

/** The numbers an agency issued, latest first (the number column of its sổ đăng ký văn bản đi). */
export async function listOutgoingNumbers(
  db: Db,
  agencyId: string,
  query: OutgoingNumberQuery,
): Promise<OutgoingNumberList> {
  const filtered = db
    .selectFrom('outgoing_number')
    .where('agency_id', '=', agencyId)
    .$if(query.year !== undefined, (q) => q.where('year', '=', query.year!));
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy('number', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toOutgoingNumber), total: Number(count.n) };
}
