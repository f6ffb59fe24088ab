import type { ColumnType, Generated, Selectable, Transaction } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { ProcedureContent, ProcedureSummary, ProcedureVersion } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { unaccentedLike } from '../../platform/search.ts';
import { summariseFees } from './fee-summary.ts';

/** Row types of this module's tables (migration 0005), added to the database's type here. */
export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  sector_code: string;
  name: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ProcedureVersionTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  status: 'draft' | 'published';
  effective_from: string;
  effective_to: string | null;
  name: string;
  sector_code: string;
  levels: string[];
  online_level: 'toan_trinh' | 'mot_phan';
  content: ColumnType<ProcedureContent, string, string>;
  published_at: Date | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    procedure: ProcedureTable;
    procedure_version: ProcedureVersionTable;
  }
}

export type Reader = Db | Transaction<DB>;
type VersionRow = Selectable<ProcedureVersionTable> & { code: string };

export function toProcedureVersion(row: VersionRow): ProcedureVersion {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    code: row.code,
    version: row.version,
    status: row.status,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    ...row.content,
    cutOffTime: row.content.cutOffTime ?? '15:00',
  };
}

const versions = (db: Reader) =>
  db
    .selectFrom('procedure_version as v')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .selectAll('v')
    .select('p.code');

/** The published version in force on a day: the one to pin a dossier received that day to. */
export async function versionInForce(
  db: Reader,
  procedureId: string,
  day: string,
): Promise<ProcedureVersion | undefined> {
  const row = await versions(db)
    .where('v.procedure_id', '=', procedureId)
    .where('v.status', '=', 'published')
    .where('v.effective_from', '<=', day)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', day)]))
    .executeTakeFirst();
  return row ? toProcedureVersion(row) : undefined;
}

export async function getVersionInForce(db: Reader, procedureId: string, day: string) {
  const version = await versionInForce(db, procedureId, day);
  if (!version) throw notFound('procedure');
  return version;
}

export async function findProcedureByCode(db: Reader, code: string) {
  return db.selectFrom('procedure').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function getProcedureByCode(db: Reader, code: string) {
  const procedure = await findProcedureByCode(db, code);
  if (!procedure) throw notFound('procedure');
  return procedure;
}

type ProcedureRow = Awaited<ReturnType<typeof getProcedureByCode>>;

/**
 * The procedures in force as the desk reads them receipt after receipt, kept a minute: publishing or
 * importing forgets them on this copy at once; other copies follow within the minute, like settings.
 */
const inForce = new LRUCache<string, { procedure: ProcedureRow; version: ProcedureVersion }>({
  max: 2_000,
  ttl: 60_000,
});

export function forgetProceduresInForce(): void {
  inForce.clear();
}

/** The procedure with a code and its version in force on a day (404 when either is missing). */
export async function procedureInForce(db: Reader, code: string, day: string) {
  const key = `${code}@${day}`;
  const kept = inForce.get(key);
  if (kept) return kept;
  const procedure = await getProcedureByCode(db, code);
  const found = { procedure, version: await getVersionInForce(db, procedure.id, day) };
  inForce.set(key, found);
  return found;
}

/**
 * The procedure, locked until the transaction ends: changes to one procedure's versions (numbering,
 * publishing and closing the previous one) run one at a time, so two racing publishes cannot leave
 * two versions open-ended.
 */
export async function lockProcedureByCode(tx: Transaction<DB>, code: string) {
  const procedure = await tx
    .selectFrom('procedure')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!procedure) throw notFound('procedure');
  return procedure;
}

export async function listVersions(db: Reader, procedureId: string): Promise<ProcedureVersion[]> {
  const rows = await versions(db).where('v.procedure_id', '=', procedureId).orderBy('v.version').execute();
  return rows.map(toProcedureVersion);
}

export async function getVersion(db: Reader, procedureId: string, version: number) {
  const row = await versions(db)
    .where('v.procedure_id', '=', procedureId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('procedure_version');
  return toProcedureVersion(row);
}

export async function insertVersion(
  tx: Transaction<DB>,
  input: { procedureId: string; version: number; effectiveFrom: string; content: ProcedureContent },
): Promise<void> {
  const { content } = input;
  await tx
    .insertInto('procedure_version')
    .values({
      procedure_id: input.procedureId,
      version: input.version,
      status: 'draft',
      effective_from: input.effectiveFrom,
      name: content.name,
      sector_code: content.sectorCode,
      levels: content.levels,
      online_level: content.onlineLevel,
      content: JSON.stringify(content),
    })
    .execute();
}

/** Published versions in force on a day, found by name or code (with or without diacritics). */
export async function searchInForce(
  db: Db,
  query: { q?: string; sector?: string; level?: string; limit?: number; offset?: number },
  day: string,
): Promise<{ items: ProcedureSummary[]; total: number }> {
  let select = db
    .selectFrom('procedure_version as v')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .where('v.status', '=', 'published')
    .where('v.effective_from', '<=', day)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', day)]));
  const q = query.q?.trim();
  if (q) select = select.where((eb) => eb.or([unaccentedLike('v.name', q), eb('p.code', 'like', `${q}%`)]));
  if (query.sector) select = select.where('v.sector_code', '=', query.sector);
  if (query.level) select = select.where((eb) => eb(eb.val(query.level), '=', eb.fn.any('v.levels')));
  const [rows, count] = await Promise.all([
    select
      .select(['p.code', 'v.version', 'v.effective_from', 'v.content'])
      .orderBy('v.name')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      code: row.code,
      name: row.content.name,
      sectorCode: row.content.sectorCode,
      sectorName: row.content.sectorName,
      levels: row.content.levels,
      deadline: row.content.deadline,
      fee: summariseFees(row.content.fees),
      onlineLevel: row.content.onlineLevel,
      version: row.version,
      effectiveFrom: row.effective_from,
    })),
  };
}
