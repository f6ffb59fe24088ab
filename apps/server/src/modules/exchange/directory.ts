import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import './tables.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** How an agency code is reached (R-EDX-5): an agency of this server, a peer TinhSo, or the national axis. */
export type Route =
  | { transport: 'local'; code: string; name: string; agencyId: string }
  | { transport: 'peer'; code: string; name: string; peer: string }
  | { transport: 'axis'; code: string; name: string };

/** Agency codes as the directory keeps them: V1V2V3.Z1Z2.Y1Y2.MX1X2 (QĐ 20/2020/QĐ-TTg). */
export const EXCHANGE_CODE_PATTERN = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

/**
 * Where a code goes: an agency of this server wins over a directory row (an agency that moved onto
 * this server is reached directly); null when the code is unknown.
 */
export async function findRoute(db: Reader, code: string): Promise<Route | null> {
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (agency) return { transport: 'local', code: agency.code, name: agency.name, agencyId: agency.id };
  const entry = await db
    .selectFrom('exchange_directory')
    .select(['code', 'name', 'transport', 'peer'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!entry) return null;
  if (entry.transport === 'peer' && entry.peer !== null)
    return { transport: 'peer', code: entry.code, name: entry.name, peer: entry.peer };
  return { transport: 'axis', code: entry.code, name: entry.name };
}
