import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { CHANNEL_CODES } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import type { DB } from '../../platform/db-types.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import type { DossierFacts } from './kpi/types.ts';

/**
 * The facts the KPI rules read, for the dossiers received in a period in the caller's reach, in
 * batches of about BATCH_SIZE dossiers (ADR 0011): the period is cut at Vietnam's midnights so that
 * each batch is one range of `received_at` (index dossier_received_at); one batch is counted while
 * the next is read. Rows are slim: instants as epoch milliseconds, the procedure version's content read
 * once per version, the supplements and files of a batch by one query each.
 */

export const BATCH_SIZE = 20_000;
/** Batches read ahead of the one being counted. */
const READ_AHEAD = 2;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const SATISFACTION_POINTS = { satisfied: 2, neutral: 1, dissatisfied: 0 } as const;

/** What a dossier takes from the version it is pinned to. */
interface VersionFacts {
  procedureCode: string;
  legalDeadline: DossierFacts['legalDeadline'];
  hasFixedFee: boolean;
  areFeesAllZero: boolean;
}

async function loadVersions(db: Db): Promise<Map<string, VersionFacts>> {
  const rows = await db
    .selectFrom('procedure_version as v')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .select(['v.id', 'p.code', 'v.content'])
    .execute();
  return new Map(
    rows.map(({ id, code, content }) => [
      id,
      {
        procedureCode: code,
        legalDeadline: { amount: content.deadline.value, unit: content.deadline.unit },
        hasFixedFee: content.fees.fixed !== 0,
        areFeesAllZero: content.fees.fixed === 0 && content.fees.byCase.every((c) => c.amount === 0),
      },
    ]),
  );
}

/** Received in [from, to) and received or decided by one of the scope's agencies. */
function inPeriodAndReach(scope: AgencyScope, from: Date, to: Date) {
  const agencyIds = scope.all ? [] : [...scope.agencyIds, NIL_UUID];
  return (eb: ExpressionBuilder<DB & { d: DB['dossier'] }, 'd'>) =>
    eb.and([
      eb('d.received_at', '>=', from),
      eb('d.received_at', '<', to),
      ...(scope.all
        ? []
        : [
            eb.or([
              eb('d.receiving_agency_id', 'in', agencyIds),
              eb('d.competent_agency_id', 'in', agencyIds),
            ]),
          ]),
    ]);
}

/**
 * Cuts [from, to) at Vietnam's midnights into consecutive ranges of about `size` dossiers (one day
 * is never split), from the count of each day; the ranges cover the whole period, empty days too.
 */
export async function planBatches(
  db: Db,
  scope: AgencyScope,
  period: { from: Date; to: Date },
  size = BATCH_SIZE,
): Promise<{ from: Date; to: Date }[]> {
  const days = await db
    .selectFrom('dossier as d')
    .select([
      sql<string>`to_char(d.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('day'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where(inPeriodAndReach(scope, period.from, period.to))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const batches: { from: Date; to: Date }[] = [];
  let start = period.from;
  let held = 0;
  for (const { day, n } of days) {
    const count = Number(n);
    if (held > 0 && held + count > size) {
      const midnight = new Date(`${day}T00:00:00+07:00`);
      batches.push({ from: start, to: midnight });
      start = midnight;
      held = 0;
    }
    held += count;
  }
  if (held > 0) batches.push({ from: start, to: period.to });
  return batches;
}

/**
 * An instant as epoch milliseconds in a float8: `extract` would give a numeric, several times
 * slower to compute; `instant` below takes the whole millisecond, as the drivers' Date parsers do.
 */
const epochMs = (instant: string | RawBuilder<unknown>) =>
  sql<number | null>`date_part('epoch', ${typeof instant === 'string' ? sql.ref(instant) : instant}) * 1000`;

/** A dossier of a batch as the database sends it: one JSON array, in this order. */
type BatchRow = [
  id: string,
  versionId: string,
  channel: keyof typeof CHANNEL_CODES,
  status: string,
  receivingAgencyId: string,
  competentAgencyId: string,
  receivedAt: number,
  /** The NgayHenTra given at receipt, QĐ 766 2.1 measures against it. */
  firstDueAt: number | null,
  /** The date an apology moved it to, shown only. */
  rescheduledDueAt: number | null,
  resolvedAt: number | null,
  returnedAt: number | null,
  endedAt: number | null,
  feeAmount: number,
  hasResultFile: boolean,
  isSynced: boolean,
  satisfaction: keyof typeof SATISFACTION_POINTS | null,
  contactsToComplete: number | null,
  agenciesContacted: number | null,
  staffAttitude: 'good' | 'ordinary' | 'bad' | null,
  paidOnline: 1 | 2 | null,
];

/**
 * The batch's dossiers as one JSON array of arrays: the driver then parses one value, not twenty
 * per dossier (that parsing was most of the time of a year's figures).
 */
async function selectBatch(db: Db, scope: AgencyScope, batch: { from: Date; to: Date }): Promise<BatchRow[]> {
  // The due instant given at receipt (migration 0013): neither the apology nor a restart after an
  // appraisal supplement moves it (R-CAL-7). Older rows: the due date before an apology, else due_at.
  const firstDue = sql`coalesce(d.first_due_at, d.original_due_at, d.due_at)`;
  const rescheduledDue = sql`case when d.original_due_at is not null then d.due_at end`;
  const rows = sql<BatchRow[] | null>`json_agg(json_build_array(
    d.id, d.procedure_version_id, d.channel, d.status, d.receiving_agency_id, d.competent_agency_id,
    ${epochMs('d.received_at')}, ${epochMs(firstDue)}, ${epochMs(rescheduledDue)},
    ${epochMs('d.resolved_at')}, ${epochMs('d.returned_at')}, ${epochMs('d.ended_at')},
    d.fee_amount, d.result_file_id is not null, d.sync_status = 'synced',
    r.satisfaction, r.contacts_to_complete, r.agencies_contacted, r.staff_attitude, i.paid_online))`;
  const row = await db
    .selectFrom('dossier as d')
    .leftJoin('dossier_rating as r', 'r.dossier_id', 'd.id')
    .leftJoin('fee_invoice as i', 'i.id', 'd.invoice_id')
    .select(rows.as('rows'))
    .where(inPeriodAndReach(scope, batch.from, batch.to))
    .executeTakeFirst();
  return row?.rows ?? [];
}

/**
 * The batch's supplement requests at appraisal and the dossiers with a component file, each by a join
 * on the batch's dossiers (a subquery per row cost more than the row itself).
 */
async function selectExtras(db: Db, scope: AgencyScope, batch: { from: Date; to: Date }) {
  const ids = db
    .selectFrom('dossier as d')
    .select('d.id')
    .where(inPeriodAndReach(scope, batch.from, batch.to));
  const supplements = await db
    .selectFrom('dossier_supplement')
    .select([
      'dossier_id',
      epochMs('requested_at').as('requested_at'),
      epochMs('completed_at').as('completed_at'),
    ])
    .where('stage', '=', 'appraisal')
    .where('dossier_id', 'in', ids)
    .execute();
  const files = await db
    .selectFrom('dossier_file')
    .select('dossier_id')
    .distinct()
    .where('purpose', '=', 'component')
    .where('dossier_id', 'in', ids)
    .execute();
  const supplementsOf = new Map<string, DossierFacts['supplements']>();
  for (const row of supplements) {
    const list = supplementsOf.get(row.dossier_id) ?? [];
    list.push({ requestedAt: instant(row.requested_at)!, completedAt: instant(row.completed_at) });
    supplementsOf.set(row.dossier_id, list);
  }
  return { supplementsOf, withComponentFile: new Set(files.map((file) => file.dossier_id)) };
}

/** The whole millisecond of a float8 epoch (its error, under 0.2 µs, must not cross a millisecond). */
const instant = (ms: number | null): Date | null => (ms === null ? null : new Date(Math.floor(ms + 0.0005)));

function ratingOf(row: BatchRow): DossierFacts['rating'] {
  const [, , , , , , , , , , , , , , , satisfaction, contacts, agenciesContacted, staffAttitude] = row;
  if (!satisfaction) return undefined;
  const byCount = (count: number) => (count === 0 ? 2 : count === 1 ? 1 : 0);
  const points = SATISFACTION_POINTS[satisfaction];
  return {
    points: {
      ...(contacts === null ? {} : { 3: byCount(contacts) }),
      ...(agenciesContacted === null ? {} : { 4: byCount(agenciesContacted) }),
      ...(staffAttitude === null
        ? {}
        : { 7: staffAttitude === 'good' ? 2 : staffAttitude === 'ordinary' ? 1 : 0 }),
    },
    sentiment: points === 0 ? 'dislike' : points === 2 ? 'like' : undefined,
  };
}

interface Extras {
  supplementsOf: Map<string, DossierFacts['supplements']>;
  withComponentFile: Set<string>;
}

function toFacts(row: BatchRow, version: VersionFacts, extras: Extras): DossierFacts {
  const [
    id,
    ,
    channel,
    status,
    receivingAgencyId,
    competentAgencyId,
    receivedAt,
    firstDueAt,
    rescheduledDueAt,
  ] = row;
  const [, , , , , , , , , resolvedAt, returnedAt, endedAt, feeAmount, hasResultFile, , satisfaction] = row;
  const ended = (when: string) => (status === when ? instant(endedAt) : null);
  return {
    code: id,
    procedureCode: version.procedureCode,
    receivingAgencyId,
    competentAgencyId,
    channel: CHANNEL_CODES[channel],
    receivedAt: instant(receivedAt)!,
    // The due instant given at receipt: an apology moves due_at, not the measure (QĐ 766 2.1).
    dueAt: instant(firstDueAt),
    rescheduledDueAt: instant(rescheduledDueAt),
    legalDeadline: version.legalDeadline,
    resolvedAt: instant(resolvedAt),
    returnedAt: instant(returnedAt),
    stoppedAt: ended('stopped'),
    refusedAt: ended('not_received'),
    withdrawnAt: ended('withdrawn'),
    supplements: extras.supplementsOf.get(id) ?? [],
    hasFees: feeAmount > 0 || version.hasFixedFee,
    areFeesAllZero: version.areFeesAllZero,
    paidOnline: row[19] ?? null,
    hasAllComponentFiles: extras.withComponentFile.has(id),
    hasReusedComponent: false,
    hasComponentFromCitizenStore: false,
    hasResultFile,
    isResultElectronic: hasResultFile,
    rating: satisfaction ? ratingOf(row) : undefined,
  };
}

/** The period's dossiers in the caller's reach, one batch at a time, with how many of each are synced. */
export async function* readFactBatches(
  db: Db,
  scope: AgencyScope,
  period: { from: Date; to: Date },
  size = BATCH_SIZE,
): AsyncGenerator<{ facts: DossierFacts[]; synced: number }> {
  const [versions, batches] = await Promise.all([loadVersions(db), planBatches(db, scope, period, size)]);
  const read = (batch: { from: Date; to: Date }) => {
    // One statement at a time per batch: a year's figures hold at most READ_AHEAD connections.
    const reading = (async () =>
      [await selectBatch(db, scope, batch), await selectExtras(db, scope, batch)] as const)();
    // Should the caller stop early, a failure of a batch asked ahead is not left unhandled.
    reading.catch(() => undefined);
    return reading;
  };
  // The next batches are asked for before this one is handed over: the database (on another core)
  // builds them while this one is counted.
  const ahead = batches.slice(0, READ_AHEAD).map(read);
  for (let index = 0; index < batches.length; index++) {
    const [rows, extras] = await ahead.shift()!;
    if (index + READ_AHEAD < batches.length) ahead.push(read(batches[index + READ_AHEAD]!));
    let synced = 0;
    const facts = rows.map((row) => {
      const [, versionId, , , , , , , , , , , , , isSynced] = row;
      if (isSynced) synced += 1;
      const version = versions.get(versionId);
      if (!version) throw new Error(`procedure version ${versionId} not found`);
      return toFacts(row, version, extras);
    });
    yield { facts, synced };
  }
}
