import { sql } from 'kysely';
import { DVCQG_STATUS_CODES, type DossierStatus } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { percent } from '../dossiers/kpi/rounding.ts';
import type { HeldStatus, PortalClient } from './portal-client.ts';
import './tables.ts';

export const MAX_RECONCILIATION_DAYS = 31;

export interface SyncDay {
  day: string;
  /** Dossiers with a code that changed that day (each one should be sent). */
  dossiersChanged: number;
  messagesSent: number;
  acknowledged: number;
  failed: number;
  /** Sync messages written that day still waiting in the outbox (retrying), and those left dead. */
  pending: number;
  dead: number;
}

export interface OutOfSync {
  dossierId: string;
  code: string;
  currentStatus: number;
  /** The TrangThaiHoSo the portal last acknowledged; null when it never acknowledged one. */
  lastAcknowledgedStatus: number | null;
  syncStatus: string;
  lastError: string | null;
}

export interface PortalComparison {
  available: boolean;
  error: string | null;
  held: number;
  /** Codes changed here in the period that the portal does not hold. */
  missingThere: string[];
  /** Codes the portal holds that the back office does not know. */
  missingHere: string[];
  statusDiffers: { code: string; ours: number; theirs: number }[];
}

export interface SyncReconciliation {
  from: string;
  to: string;
  days: SyncDay[];
  outOfSync: OutOfSync[];
  portal: PortalComparison;
  /** QĐ 766 indicator 1.4: dossiers received in the period whose current state the portal acknowledged. */
  indicator14: { received: number; synced: number; rate: number | null; display: string };
}

const DAY_MS = 86_400_000;
const vietnamDay = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`);

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

async function dailyCounts(db: Db, start: Date, end: Date) {
  return Promise.all([
    db
      .selectFrom('dossier_event as e')
      .innerJoin('dossier as d', 'd.id', 'e.dossier_id')
      .select([vietnamDay('e.at').as('day'), sql<number>`count(distinct e.dossier_id)::int`.as('n')])
      .where('d.code', 'is not', null)
      .where('e.to_status', '!=', 'draft')
      .where('e.at', '>=', start)
      .where('e.at', '<', end)
      .groupBy(vietnamDay('e.at'))
      .execute(),
    db
      .selectFrom('dvcqg_sync')
      .select([
        vietnamDay('sent_at').as('day'),
        sql<number>`count(*)::int`.as('sent'),
        sql<number>`count(acknowledged_at)::int`.as('acknowledged'),
        sql<number>`count(error)::int`.as('failed'),
      ])
      .where('sent_at', '>=', start)
      .where('sent_at', '<', end)
      .groupBy(vietnamDay('sent_at'))
      .execute(),
    db
      .selectFrom('outbox')
      .select([
        vietnamDay('created_at').as('day'),
        sql<number>`count(*) filter (where dead_at is null)::int`.as('pending'),
        sql<number>`count(*) filter (where dead_at is not null)::int`.as('dead'),
      ])
      .where('topic', '=', 'dvcqg.sync')
      .where('processed_at', 'is', null)
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .groupBy(vietnamDay('created_at'))
      .execute(),
  ]);
}

/** Dossiers with a code changed or received in the period, with what the portal last acknowledged. */
async function dossiersOfPeriod(db: Db, start: Date, end: Date) {
  return db
    .selectFrom('dossier as d')
    .select((eb) => [
      'd.id',
      'd.code',
      'd.status',
      'd.sync_status',
      'd.received_at',
      eb
        .selectFrom('dvcqg_sync as s')
        .select('s.status_code')
        .whereRef('s.dossier_id', '=', 'd.id')
        .where('s.acknowledged_at', 'is not', null)
        .orderBy('s.acknowledged_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('last_ack'),
      eb
        .selectFrom('dvcqg_sync as s')
        .select('s.error')
        .whereRef('s.dossier_id', '=', 'd.id')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('last_error'),
      eb
        .exists(
          eb
            .selectFrom('dossier_event as e')
            .select('e.id')
            .whereRef('e.dossier_id', '=', 'd.id')
            .where('e.at', '>=', start)
            .where('e.at', '<', end),
        )
        .as('changed'),
    ])
    .where('d.code', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('d.received_at', '>=', start), eb('d.received_at', '<', end)]),
        eb.exists(
          eb
            .selectFrom('dossier_event as e')
            .select('e.id')
            .whereRef('e.dossier_id', '=', 'd.id')
            .where('e.at', '>=', start)
            .where('e.at', '<', end),
        ),
      ]),
    )
    .orderBy('d.code')
    .execute();
}

async function comparePortal(
  db: Db,
  client: PortalClient,
  range: { from: string; to: string },
  changed: Map<string, number>,
): Promise<PortalComparison> {
  let held: HeldStatus[];
  try {
    held = await client.listHeld(range);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      error: message,
      held: 0,
      missingThere: [],
      missingHere: [],
      statusDiffers: [],
    };
  }
  const theirs = new Map(held.map((row) => [row.code, row.status]));
  const unknown = [...theirs.keys()].filter((code) => !changed.has(code));
  const known = unknown.length
    ? new Set(
        (await db.selectFrom('dossier').select('code').where('code', 'in', unknown).execute()).map(
          (row) => row.code,
        ),
      )
    : new Set<string | null>();
  return {
    available: true,
    error: null,
    held: held.length,
    missingThere: [...changed.keys()].filter((code) => !theirs.has(code)),
    missingHere: unknown.filter((code) => !known.has(code)),
    statusDiffers: [...changed]
      .filter(([code, ours]) => theirs.has(code) && theirs.get(code) !== ours)
      .map(([code, ours]) => ({ code, ours, theirs: theirs.get(code)! })),
  };
}

/**
 * The reconciliation of the dossier sync with Cổng DVCQG over Vietnam days `from`..`to`: per day what
 * changed, what was sent, acknowledged, failed or still waits; the dossiers whose state the portal
 * has not acknowledged; how that compares with the portal's own list; and QĐ 766 indicator 1.4.
 */
export async function reconcileSync(
  db: Db,
  input: { from: string; to: string; client: PortalClient },
): Promise<SyncReconciliation> {
  const days = daysBetween(input.from, input.to);
  if (days.length === 0) throw invalid('to', 'date_order');
  if (days.length > MAX_RECONCILIATION_DAYS)
    throw invalid('to', 'maximum', { limit: MAX_RECONCILIATION_DAYS });
  const start = startOf(input.from);
  const end = new Date(startOf(input.to).getTime() + DAY_MS);
  const [[changedByDay, sentByDay, waitingByDay], dossiers] = await Promise.all([
    dailyCounts(db, start, end),
    dossiersOfPeriod(db, start, end),
  ]);

  const current = (status: DossierStatus) => DVCQG_STATUS_CODES[status] ?? 0;
  const isInSync = (row: (typeof dossiers)[number]) => row.last_ack === current(row.status);
  const changed = dossiers.filter((row) => row.changed);
  const received = dossiers.filter(
    (row) => row.received_at && row.received_at >= start && row.received_at < end,
  );
  const synced = received.filter(isInSync).length;
  const rate = percent(synced, received.length);

  return {
    from: input.from,
    to: input.to,
    days: days.map((day) => {
      const sent = sentByDay.find((row) => row.day === day);
      const waiting = waitingByDay.find((row) => row.day === day);
      return {
        day,
        dossiersChanged: changedByDay.find((row) => row.day === day)?.n ?? 0,
        messagesSent: sent?.sent ?? 0,
        acknowledged: sent?.acknowledged ?? 0,
        failed: sent?.failed ?? 0,
        pending: waiting?.pending ?? 0,
        dead: waiting?.dead ?? 0,
      };
    }),
    outOfSync: changed
      .filter((row) => !isInSync(row))
      .map((row) => ({
        dossierId: row.id,
        code: row.code!,
        currentStatus: current(row.status),
        lastAcknowledgedStatus: row.last_ack,
        syncStatus: row.sync_status,
        lastError: row.last_error,
      })),
    portal: await comparePortal(
      db,
      input.client,
      { from: input.from, to: input.to },
      new Map(changed.map((row) => [row.code!, current(row.status)])),
    ),
    indicator14: {
      received: received.length,
      synced,
      rate,
      display: rate === null ? 'N/A' : `${rate.toFixed(2)}%`,
    },
  };
}
