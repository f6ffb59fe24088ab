import type { Db } from '../../platform/db.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { loadWorkCalendar } from '../calendar/repository.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { createGroupCounter, GROUP_KEYS } from './kpi/aggregate.ts';
import { createNd224Tally, type Figure } from './kpi/dashboard.ts';
import { measureOnTime } from './kpi/on-time.ts';
import { createQd766Tally } from './kpi/qd766.ts';
import { createAgencyEvaluationTally } from './kpi/tt01.ts';
import type { Elapsed, ProcedureFacts } from './kpi/types.ts';
import { readFactBatches } from './statistics-facts.ts';

const DAY_MS = 86_400_000;
/** Vietnam keeps UTC+7 all year: a day's number is that of its Vietnam midnight. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const dayNumberOf = (instant: Date) => Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
const isoDayOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/**
 * Working days between two instants on the province's calendar: the days after `from` up to `to`.
 * A running count of working days per day, grown as days are asked, makes each answer one
 * subtraction instead of a walk through the days (it is asked several times per dossier).
 */
export function elapsedOn(calendar: WorkCalendar): Elapsed {
  let anchor: number | undefined;
  // ahead[i]: working days in (anchor, anchor + i]; behind[i]: minus those in (anchor − i, anchor].
  const ahead = [0];
  const behind = [0];
  const isWorking = (day: number) => (calendar.statusOf(isoDayOf(day)).isWorkingDay ? 1 : 0);
  function countTo(day: number): number {
    anchor ??= day;
    const offset = day - anchor;
    if (offset >= 0) {
      for (let k = ahead.length; k <= offset; k++) ahead.push(ahead[k - 1]! + isWorking(anchor + k));
      return ahead[offset]!;
    }
    for (let k = behind.length; k <= -offset; k++) behind.push(behind[k - 1]! - isWorking(anchor - k + 1));
    return behind[-offset]!;
  }
  return {
    workingDaysBetween(from, to) {
      const first = dayNumberOf(from);
      const last = dayNumberOf(to);
      return last > first ? countTo(last) - countTo(first) : 0;
    },
  };
}

async function loadProcedures(db: Db, day: string): Promise<ProcedureFacts[]> {
  const versions = await db
    .selectFrom('procedure_version as v')
    .innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .select(['p.code', 'v.online_level', 'v.content'])
    .where('v.status', '=', 'published')
    .where('v.effective_from', '<=', day)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', day)]))
    .execute();
  return versions.map((v) => {
    const content = v.content;
    const hasFees =
      content.fees.fixed !== null ? content.fees.fixed > 0 : content.fees.byCase.some((c) => c.amount > 0);
    return {
      code: v.code,
      onlineLevel: v.online_level,
      isEligibleForToanTrinh: true,
      hasFees,
      isOnlinePaymentIntegrated: hasFees,
      returnsPaperResult: true,
      isForCitizens: true,
    };
  });
}

/**
 * The one-stop figures of a period: QĐ 766 indicators, NĐ 224 Art 19 dashboard, TT 01/2018 indices
 * per competent agency, and on-time counts by agency, procedure and month — all from the dossiers
 * received in the period that the caller's agencies received or decide. The dossiers are read in
 * batches and each is added to every figure, measured once (ADR 0011): memory holds one batch.
 */
export async function computeStatistics(
  db: Db,
  scope: AgencyScope,
  fromDay: string,
  toDay: string,
  options: { batchSize?: number } = {},
) {
  const from = new Date(`${fromDay}T00:00:00+07:00`);
  const to = new Date(new Date(`${toDay}T00:00:00+07:00`).getTime() + 86_400_000);
  const asOf = new Date(Math.min(Date.now(), to.getTime()));
  const calendar = await loadWorkCalendar(db, Number(fromDay.slice(0, 4)), Number(toDay.slice(0, 4)) + 1);
  const elapsed = elapsedOn(calendar);
  const [procedures, agencies] = await Promise.all([
    loadProcedures(db, toDay),
    db.selectFrom('agency').select(['id', 'name']).execute(),
  ]);
  const period = { from, to: asOf };
  const qd766 = createQd766Tally({ procedures, period, elapsed });
  const nd224 = createNd224Tally({ procedures, period, elapsed });
  const byAgency = createGroupCounter(GROUP_KEYS.agency, { asOf, elapsed });
  const byProcedure = createGroupCounter(GROUP_KEYS.procedure, { asOf, elapsed });
  const byMonth = createGroupCounter(GROUP_KEYS.month, { asOf, elapsed });
  const evaluations = new Map<string, ReturnType<typeof createAgencyEvaluationTally>>();
  let received = 0;
  let synced = 0;
  for await (const batch of readFactBatches(db, scope, { from, to }, options.batchSize)) {
    received += batch.facts.length;
    synced += batch.synced;
    for (const fact of batch.facts) {
      const measured = measureOnTime(fact, { periodEnd: asOf, elapsed });
      qd766.add(fact, measured);
      nd224.add(fact, measured);
      byAgency.add(fact, measured);
      byProcedure.add(fact, measured);
      byMonth.add(fact, measured);
      let evaluation = evaluations.get(fact.competentAgencyId);
      if (!evaluation) {
        evaluation = createAgencyEvaluationTally({ procedures, period, elapsed, agency: {} });
        evaluations.set(fact.competentAgencyId, evaluation);
      }
      evaluation.add(fact, measured);
    }
  }
  const nameOf = new Map(agencies.map((agency) => [agency.id, agency.name]));
  // Batches come in no particular order: the groups are sorted, months and codes by key, agencies by name.
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  return {
    period: { from: fromDay, to: toDay },
    received,
    qd766: qd766.result({ synced, received }),
    nd224: { ...nd224.result() } as Record<string, Figure>,
    byAgency: byAgency
      .result()
      .map((row) => ({ ...row, name: nameOf.get(row.key) ?? row.key }))
      .sort((a, b) => byName(a, b) || byKey(a, b)),
    byProcedure: byProcedure.result().sort(byKey),
    byMonth: byMonth.result().sort(byKey),
    evaluations: [...evaluations]
      .map(([id, evaluation]) => ({ agencyId: id, name: nameOf.get(id) ?? id, ...evaluation.result() }))
      .sort((a, b) => byName(a, b) || a.agencyId.localeCompare(b.agencyId)),
  };
}
