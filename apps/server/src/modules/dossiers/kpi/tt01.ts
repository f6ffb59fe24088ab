import { measureOnTime, type OnTime } from './on-time.ts';
import { roundHalfUp } from './rounding.ts';
import { scoreDossier, type DossierIndexNumber, type DossierIndexPoints } from './tt01-dossier.ts';
import type { DossierFacts, Elapsed, IndexNumber, IndexPoints, Period, ProcedureFacts } from './types.ts';

/**
 * TT 01/2018/TT-VPCP Art 15 (vn-norms §1.6 [P]): Điểm chỉ số i = Σ điểm hồ sơ / số hồ sơ, 1 decimal;
 * an official is rated on indices 1, 2, 3, 4, 7, an agency on all nine; an index without data is
 * excluded and named. Whether TT 03/2025 keeps this tool is [U]: the caller keeps it behind a flag.
 */

export interface IndexScore {
  index: IndexNumber;
  /** Null when excluded for lack of data. */
  score: number | null;
  /** Dossiers scored (per-dossier indices); absent for per-agency ones. */
  dossiers?: number;
  isExcluded: boolean;
}

/** Points summed per index over the dossiers that have it: the parts of an average, added up in batches. */
export type IndexSums = Partial<Record<DossierIndexNumber, { sum: number; count: number }>>;

const DOSSIER_INDICES: readonly DossierIndexNumber[] = [1, 2, 3, 4, 6, 7];

export function addIndexPoints(sums: IndexSums, points: DossierIndexPoints): void {
  for (const index of DOSSIER_INDICES) {
    const value = points[index];
    if (value === undefined) continue;
    const entry = sums[index] ?? (sums[index] = { sum: 0, count: 0 });
    entry.sum += value;
    entry.count += 1;
  }
}

/** The average of each per-dossier index from its sums, 1 decimal; an index no dossier has is excluded. */
export function averageSums(sums: IndexSums, indices: readonly DossierIndexNumber[]): IndexScore[] {
  return indices.map((index) => {
    const entry = sums[index];
    if (!entry || entry.count === 0) return { index, score: null, dossiers: 0, isExcluded: true };
    return {
      index,
      score: roundHalfUp(entry.sum / entry.count, 1),
      dossiers: entry.count,
      isExcluded: false,
    };
  });
}

/** The average of each per-dossier index over the dossiers that have it, 1 decimal. */
export function averageIndices(
  scored: readonly DossierIndexPoints[],
  indices: readonly DossierIndexNumber[],
): IndexScore[] {
  const sums: IndexSums = {};
  for (const points of scored) addIndexPoints(sums, points);
  return averageSums(sums, indices);
}

const totalOf = (scores: readonly IndexScore[]): number =>
  roundHalfUp(
    scores.reduce((sum, s) => sum + (s.score ?? 0), 0),
    1,
  );

export type OfficialBand = 'hoan_thanh_100' | 'tu_70_den_duoi_100' | 'duoi_70';

/** Sum of indices 1, 2, 3, 4, 7: ≥ 5 hoàn thành 100%; 3.5 – < 5 từ 70% đến dưới 100%; < 3.5 dưới 70%. */
export function officialBand(total: number): OfficialBand {
  if (total >= 5) return 'hoan_thanh_100';
  return total >= 3.5 ? 'tu_70_den_duoi_100' : 'duoi_70';
}

export type AgencyBand = 'xuat_sac' | 'tot' | 'kha' | 'trung_binh' | 'yeu';

/** Sum of the nine: ≥ 15 xuất sắc, 12 – < 15 tốt, 9 – < 12 khá, 6 – < 9 trung bình, < 6 yếu. */
export function agencyBand(total: number): AgencyBand {
  if (total >= 15) return 'xuat_sac';
  if (total >= 12) return 'tot';
  if (total >= 9) return 'kha';
  return total >= 6 ? 'trung_binh' : 'yeu';
}

interface EvaluationBase {
  dossiers: readonly DossierFacts[];
  procedures: readonly ProcedureFacts[];
  period: Period;
  elapsed: Elapsed;
}

export interface Evaluation<Band> {
  indices: IndexScore[];
  total: number;
  /** 2 × the indices included: the total is read against it when some are excluded. */
  maximum: number;
  excluded: IndexNumber[];
  band: Band;
}

function evaluation<Band>(indices: IndexScore[], bandOf: (total: number) => Band): Evaluation<Band> {
  const total = totalOf(indices);
  const excluded = indices.filter((s) => s.isExcluded).map((s) => s.index);
  return { indices, total, maximum: 2 * (indices.length - excluded.length), excluded, band: bandOf(total) };
}

function scoreAll(input: EvaluationBase, officialId?: string): DossierIndexPoints[] {
  const procedureOf = new Map(input.procedures.map((procedure) => [procedure.code, procedure]));
  return input.dossiers.map((fact) => {
    const procedure = procedureOf.get(fact.procedureCode);
    return scoreDossier(fact, {
      periodEnd: input.period.to,
      elapsed: input.elapsed,
      ...(procedure ? { procedure } : {}),
      ...(officialId !== undefined ? { officialId } : {}),
    });
  });
}

/** An official over the dossiers of the period in which one of the steps is theirs (index 2: their steps). */
export function evaluateOfficial(input: EvaluationBase & { officialId: string }): Evaluation<OfficialBand> {
  const theirs = input.dossiers.filter((fact) =>
    fact.steps?.some((step) => step.officialId === input.officialId),
  );
  const scored = scoreAll({ ...input, dossiers: theirs }, input.officialId);
  return evaluation(averageIndices(scored, [1, 2, 3, 4, 7]), officialBand);
}

/** What an agency is scored on as a whole (indices 5, 8, 9); the module or an officer supplies it. */
export interface AgencyFacts {
  /** Index 5: TTHC listed for the agency, those eligible for the Bộ phận Một cửa, and what it did. */
  oneStop?: {
    listedProcedures: number;
    eligibleProcedures: number;
    /** Eligible TTHC whose dossiers were all received and returned at the Bộ phận Một cửa. */
    receivedAndReturnedAtOneStop: number;
    /** TTHC the centre or desk receives, appraises and approves itself. */
    decidedAtOneStop: number;
  };
  /** Index 8: PAKN about the agency in the period. */
  pakn?: { total: number; onTime: number; prolonged: number };
  /** Index 9: TTHC eligible for online service (old level 3/4) and those offered online. */
  onlineServices?: { eligibleProcedures: number; offeredOnline: number };
}

/** Index 5: ≥ 20% of listed TTHC decided at the Một cửa → 2; 100% of eligible received and returned there → 1. */
export function scoreOneStop(oneStop: NonNullable<AgencyFacts['oneStop']>): IndexPoints | undefined {
  if (oneStop.listedProcedures === 0) return undefined;
  if (oneStop.decidedAtOneStop * 100 >= 20 * oneStop.listedProcedures) return 2;
  return oneStop.receivedAndReturnedAtOneStop >= oneStop.eligibleProcedures ? 1 : 0;
}

/** Index 8: no PAKN, or all on time and none prolonged → 2; ≥ 90% on time and none prolonged → 1. */
export function scorePaknHandling(pakn: NonNullable<AgencyFacts['pakn']>): IndexPoints {
  if (pakn.prolonged > 0) return 0;
  if (pakn.onTime >= pakn.total) return 2;
  return pakn.onTime * 100 >= 90 * pakn.total ? 1 : 0;
}

/**
 * Index 9: ≥ 20% of eligible TTHC online, ≥ 30% of dossiers online and no online dossier late (or
 * overdue unresolved) → 2; a service online, ≥ 15% of dossiers online and none late → 1; else 0.
 */
export function scoreOnlineServices(
  services: NonNullable<AgencyFacts['onlineServices']>,
  dossiers: { total: number; online: number; onlineLate: number },
): IndexPoints | undefined {
  if (dossiers.total === 0) return undefined;
  if (services.offeredOnline === 0 || dossiers.onlineLate > 0) return 0;
  const servicesShare =
    services.eligibleProcedures === 0 ? 0 : services.offeredOnline / services.eligibleProcedures;
  const dossiersShare = dossiers.online / dossiers.total;
  if (servicesShare >= 0.2 && dossiersShare >= 0.3) return 2;
  return dossiersShare >= 0.15 ? 1 : 0;
}

const agencyIndex = (index: IndexNumber, points: IndexPoints | undefined): IndexScore =>
  points === undefined
    ? { index, score: null, isExcluded: true }
    : { index, score: points, isExcluded: false };

/**
 * An agency's evaluation fed one dossier at a time (with its on-time measure at `period.to` when the
 * caller has it), so a long period can be read in batches; `result` gives what `evaluateAgency` does.
 */
export function createAgencyEvaluationTally(
  input: Omit<EvaluationBase, 'dossiers'> & { agency: AgencyFacts },
) {
  const procedureOf = new Map(input.procedures.map((procedure) => [procedure.code, procedure]));
  const options = { periodEnd: input.period.to, elapsed: input.elapsed };
  const sums: IndexSums = {};
  let total = 0;
  let online = 0;
  let onlineLate = 0;
  return {
    add(fact: DossierFacts, onTime: OnTime = measureOnTime(fact, options)): void {
      const procedure = procedureOf.get(fact.procedureCode);
      addIndexPoints(sums, scoreDossier(fact, { ...options, onTime, ...(procedure ? { procedure } : {}) }));
      total += 1;
      if (fact.channel === 2) {
        online += 1;
        if (!onTime.isOnTime) onlineLate += 1;
      }
    },
    result(): Evaluation<AgencyBand> {
      const perDossier = averageSums(sums, [1, 2, 3, 4, 6, 7]);
      const { oneStop, pakn, onlineServices } = input.agency;
      const indices = [
        ...perDossier.filter((s) => s.index < 5),
        agencyIndex(5, oneStop ? scoreOneStop(oneStop) : undefined),
        ...perDossier.filter((s) => s.index === 6 || s.index === 7),
        agencyIndex(8, pakn ? scorePaknHandling(pakn) : undefined),
        agencyIndex(
          9,
          onlineServices ? scoreOnlineServices(onlineServices, { total, online, onlineLate }) : undefined,
        ),
      ];
      return evaluation(indices, agencyBand);
    },
  };
}

/** An agency over the dossiers of the period it is competent for: the nine indices and its band. */
export function evaluateAgency(input: EvaluationBase & { agency: AgencyFacts }): Evaluation<AgencyBand> {
  const tally = createAgencyEvaluationTally(input);
  for (const fact of input.dossiers) tally.add(fact);
  return tally.result();
}
