import type { Transaction } from 'kysely';
import type { Official, OfficialQuery } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { unaccentedLike } from '../../platform/search.ts';
import { APPOINTMENT_COLUMNS, toAppointment } from './mappers.ts';

type Reader = Db | Transaction<DB>;

/** Officials visible in a scope: those who hold or held a position in one of its agencies. */
function visibleOfficials(db: Reader, scope: AgencyScope, agencyId?: string) {
  let select = db.selectFrom('official').leftJoin('account', 'account.id', 'official.account_id');
  if (!scope.all || agencyId) {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('appointment')
          .innerJoin('position', 'position.id', 'appointment.position_id')
          .select('appointment.id')
          .whereRef('appointment.official_id', '=', 'official.id')
          .$if(!scope.all, (q) => q.where('position.agency_id', 'in', scope.all ? [] : scope.agencyIds))
          .$if(agencyId !== undefined, (q) => q.where('position.agency_id', '=', agencyId!)),
      ),
    );
  }
  return select;
}

const OFFICIAL_COLUMNS = [
  'official.id',
  'official.full_name',
  'official.email',
  'official.phone',
  'account.username',
  'account.locked_until',
  'account.last_login_at',
] as const;

async function withAppointments(
  db: Reader,
  rows: {
    id: string;
    full_name: string;
    email: string | null;
    phone: string | null;
    username: string | null;
    locked_until: Date | null;
    last_login_at: Date | null;
  }[],
): Promise<Official[]> {
  const ids = rows.map((row) => row.id);
  const appointments = ids.length
    ? await db
        .selectFrom('appointment')
        .innerJoin('position', 'position.id', 'appointment.position_id')
        .select(APPOINTMENT_COLUMNS)
        .where('appointment.official_id', 'in', ids)
        .orderBy('appointment.starts_on', 'desc')
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    username: row.username,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastSignInAt: row.last_login_at?.toISOString() ?? null,
    appointments: appointments.filter((a) => a.official_id === row.id).map(toAppointment),
  }));
}

export async function listOfficials(
  db: Db,
  query: OfficialQuery,
  scope: AgencyScope,
): Promise<{ items: Official[]; total: number }> {
  if (!scope.all && scope.agencyIds.length === 0) return { items: [], total: 0 };
  let select = visibleOfficials(db, scope, query.agencyId);
  if (query.q) select = select.where(unaccentedLike('official.full_name', query.q));
  const [rows, count] = await Promise.all([
    select
      .select(OFFICIAL_COLUMNS)
      .orderBy('official.full_name')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withAppointments(db, rows), total: Number(count.total) };
}

export async function getOfficial(db: Reader, id: string, scope: AgencyScope): Promise<Official> {
  if (!scope.all && scope.agencyIds.length === 0) throw notFound('official');
  const row = await visibleOfficials(db, scope)
    .select(OFFICIAL_COLUMNS)
    .where('official.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('official');
  const [official] = await withAppointments(db, [row]);
  return official!;
}
