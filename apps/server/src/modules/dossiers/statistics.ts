import type { Db } from '../../platform/db.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { addDays } from '../calendar/iso-day.ts';
import { loadWorkCalendar } from '../calendar/repository.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { aggregate, GROUP_KEYS } from './kpi/aggregate.ts';
import { computeNd224Dashboard, type Figure } from './kpi/dashboard.ts';
import { computeQd766 } from './kpi/qd766.ts';
import { evaluateAgency } from './kpi/tt01.ts';
import type { DossierFacts, Elapsed, ProcedureFacts } from './kpi/types.ts';
import { CHANNEL_CODES } from '@tinhso/contracts';

/** Working days between two instants on the province's calendar: the days after `from` up to `to`. */
export function elapsedOn(calendar: WorkCalendar): Elapsed {
  return {
    workingDaysBetween(from, to) {
      let day = todayInVietnam(from);
      const last = todayInVietnam(to);
      let count = 0;
      while (day < last) {
        day = addDays(day, 1);
        if (calendar.statusOf(day).isWorkingDay) count += 1;
      }
      return count;
    },
  };
}

function groupBy<T extends { dossier_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.dossier_id, [...(groups.get(row.dossier_id) ?? []), row]);
  return groups;
}

const SATISFACTION_POINTS = { satisfied: 2, neutral: 1, dissatisfied: 0 } as const;

/** The facts the KPI rules read, from the dossiers received in a period in the caller's reach. */
async function loadFacts(db: Db, scope: AgencyScope, from: Date, to: Date) {
  const agencyIds = scope.all ? [] : [...scope.agencyIds, '00000000-0000-0000-0000-000000000000'];
  // The dossiers of the period, as a subquery: a list of ids would exceed the 65,535 bind parameters.
  const inPeriod = db
    .selectFrom('dossier as s')
    .select('s.id')
    .where('s.received_at', '>=', from)
    .where('s.received_at', '<', to)
    .$if(!scope.all, (q) =>
      q.where((eb) =>
        eb.or([eb('s.receiving_agency_id', 'in', agencyIds), eb('s.competent_agency_id', 'in', agencyIds)]),
      ),
    );
  const rows = await db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .leftJoin('dossier_rating as r', 'r.dossier_id', 'd.id')
    .leftJoin('fee_invoice as i', 'i.id', 'd.invoice_id')
    .select([
      'd.id',
      'd.code',
      'd.channel',
      'd.receiving_agency_id',
      'd.competent_agency_id',
      'd.received_at',
      'd.due_at',
      'd.original_due_at',
      'd.resolved_at',
      'd.returned_at',
      'd.ended_at',
      'd.status',
      'd.fee_amount',
      'd.result_file_id',
      'd.sync_status',
      'p.code as procedure_code',
      'v.content',
      'r.satisfaction',
      'r.contacts_to_complete',
      'r.agencies_contacted',
      'r.staff_attitude',
      'i.paid_online',
    ])
    .where('d.received_at', '>=', from)
    .where('d.received_at', '<', to)
    .$if(!scope.all, (q) =>
      q.where((eb) =>
        eb.or([eb('d.receiving_agency_id', 'in', agencyIds), eb('d.competent_agency_id', 'in', agencyIds)]),
      ),
    )
    .execute();
  const [supplementRows, fileRows] = rows.length
    ? await Promise.all([
        db
          .selectFrom('dossier_supplement')
          .select(['dossier_id', 'stage', 'requested_at', 'completed_at'])
          .where('dossier_id', 'in', inPeriod)
          .where('stage', '=', 'appraisal')
          .execute(),
        db
          .selectFrom('dossier_file')
          .select(['dossier_id', 'purpose', 'digitised'])
          .where('dossier_id', 'in', inPeriod)
          .execute(),
      ])
    : [[], []];
  const supplementsOf = groupBy(supplementRows);
  const filesOf = groupBy(fileRows);
  const facts: DossierFacts[] = rows.map((row) => {
    const mine = filesOf.get(row.id) ?? [];
    const content = row.content;
    const ended = (status: string) => (row.status === status ? row.ended_at : null);
    return {
      code: row.code ?? row.id,
      procedureCode: row.procedure_code,
      receivingAgencyId: row.receiving_agency_id,
      competentAgencyId: row.competent_agency_id,
      channel: CHANNEL_CODES[row.channel],
      receivedAt: row.received_at!,
      // The first due instant given at receipt: an apology moves due_at, not the measure (QĐ 766 2.1).
      dueAt: row.original_due_at ?? row.due_at,
      rescheduledDueAt: row.original_due_at ? row.due_at : null,
      legalDeadline: { amount: content.deadline.value, unit: content.deadline.unit },
      resolvedAt: row.resolved_at,
      returnedAt: row.returned_at,
      stoppedAt: ended('stopped'),
      refusedAt: ended('not_received'),
      withdrawnAt: ended('withdrawn'),
      supplements: (supplementsOf.get(row.id) ?? []).map((s) => ({
        requestedAt: s.requested_at,
        completedAt: s.completed_at,
      })),
      hasFees: row.fee_amount > 0 || content.fees.fixed !== 0,
      areFeesAllZero: content.fees.fixed === 0 && content.fees.byCase.every((c) => c.amount === 0),
      paidOnline: row.paid_online ?? null,
      hasAllComponentFiles: mine.some((file) => file.purpose === 'component'),
      hasReusedComponent: false,
      hasComponentFromCitizenStore: false,
      hasResultFile: row.result_file_id !== null,
      isResultElectronic: row.result_file_id !== null,
      rating: row.satisfaction
        ? {
            points: {
              ...(row.contacts_to_complete === null
                ? {}
                : { 3: row.contacts_to_complete === 0 ? 2 : row.contacts_to_complete === 1 ? 1 : 0 }),
              ...(row.agencies_contacted === null
                ? {}
                : { 4: row.agencies_contacted === 0 ? 2 : row.agencies_contacted === 1 ? 1 : 0 }),
              ...(row.staff_attitude === null
                ? {}
                : { 7: row.staff_attitude === 'good' ? 2 : row.staff_attitude === 'ordinary' ? 1 : 0 }),
            },
            sentiment:
              SATISFACTION_POINTS[row.satisfaction] === 0
                ? 'dislike'
                : SATISFACTION_POINTS[row.satisfaction] === 2
                  ? 'like'
                  : undefined,
          }
        : undefined,
    } satisfies DossierFacts;
  });
  return { facts, synced: rows.filter((row) => row.sync_status === 'synced').length };
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
 * received in the period that the caller's agencies received or decide.
 */
export async function computeStatistics(db: Db, scope: AgencyScope, fromDay: string, toDay: string) {
  const from = new Date(`${fromDay}T00:00:00+07:00`);
  const to = new Date(new Date(`${toDay}T00:00:00+07:00`).getTime() + 86_400_000);
  const asOf = new Date(Math.min(Date.now(), to.getTime()));
  const calendar = await loadWorkCalendar(db, Number(fromDay.slice(0, 4)), Number(toDay.slice(0, 4)) + 1);
  const elapsed = elapsedOn(calendar);
  const [{ facts, synced }, procedures] = await Promise.all([
    loadFacts(db, scope, from, to),
    loadProcedures(db, toDay),
  ]);
  const period = { from, to: asOf };
  const agencies = await db.selectFrom('agency').select(['id', 'name']).execute();
  const nameOf = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const competentIds = [...new Set(facts.map((fact) => fact.competentAgencyId))];
  return {
    period: { from: fromDay, to: toDay },
    received: facts.length,
    qd766: computeQd766({
      dossiers: facts,
      procedures,
      period,
      elapsed,
      sync: { synced, received: facts.length },
    }),
    nd224: { ...computeNd224Dashboard({ dossiers: facts, procedures, period, elapsed }) } as Record<
      string,
      Figure
    >,
    byAgency: aggregate(facts, GROUP_KEYS.agency, { asOf, elapsed }).map((row) => ({
      ...row,
      name: nameOf.get(row.key) ?? row.key,
    })),
    byProcedure: aggregate(facts, GROUP_KEYS.procedure, { asOf, elapsed }),
    byMonth: aggregate(facts, GROUP_KEYS.month, { asOf, elapsed }),
    evaluations: competentIds.map((id) => ({
      agencyId: id,
      name: nameOf.get(id) ?? id,
      ...evaluateAgency({
        dossiers: facts.filter((fact) => fact.competentAgencyId === id),
        procedures,
        period,
        elapsed,
        agency: {},
      }),
    })),
  };
}
