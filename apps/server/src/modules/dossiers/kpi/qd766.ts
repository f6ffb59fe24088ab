import type { DeadlineUnit } from '@tinhso/contracts';
import {
  DEFAULT_QD766_RULES,
  INDICATOR_NAMES,
  ratioIndicator,
  type Indicator,
  type Qd766Rules,
} from './indicator.ts';
import { measureOnTime, processingTime, type OnTime } from './on-time.ts';
import { roundHalfUp } from './rounding.ts';
import type { DossierFacts, Elapsed, Period, ProcedureFacts } from './types.ts';

/**
 * QĐ 766/QĐ-TTg indicators computed from one-stop data, by the F766 formulas (vn-norms §1.9 [S]).
 * The caller picks the dossiers (normally those received in the period: `receivedIn`); states after
 * the period's end are ignored.
 */

/** Counts for 1.4. The national counts are not in the one-stop system: the caller brings them. */
export interface SyncCounts {
  /** Dossiers synced to Cổng DVCQG with NgayTiepNhan in the period. */
  synced: number;
  /** Dossiers received in the period as Cổng DVCQG counts them (or our own count). */
  received: number;
  /** Dossiers received in the period per the national reporting system (BCQG). */
  receivedPerReport?: number;
  /** When both counts are 0: last year's BCQG total, spread over months or quarters. */
  previousYearReportTotal?: { total: number; period: 'month' | 'quarter' | 'year' };
}

export interface Qd766Input {
  dossiers: readonly DossierFacts[];
  /** The procedures of the province (tỉnh + xã), for the procedure ratios. */
  procedures: readonly ProcedureFacts[];
  period: Period;
  elapsed: Elapsed;
  sync?: SyncCounts;
  rules?: Qd766Rules;
}

/** 1.4: synced / max(received on DVCQG, received per BCQG); both 0 ⇒ last year's BCQG total ÷ 12 or ÷ 4. */
export function syncRateIndicator(sync: SyncCounts, rules: Qd766Rules = DEFAULT_QD766_RULES): Indicator {
  let denominator = Math.max(sync.received, sync.receivedPerReport ?? 0);
  let note: string | undefined;
  if (denominator === 0 && sync.previousYearReportTotal) {
    const { total, period } = sync.previousYearReportTotal;
    denominator = roundHalfUp(total / { month: 12, quarter: 4, year: 1 }[period], 2);
    note = `No dossier counted in the period: last year's reported total ÷ ${{ month: 12, quarter: 4, year: 1 }[period]}`;
  }
  return ratioIndicator('1.4', { numerator: sync.synced, denominator, ...(note ? { note } : {}) }, rules);
}

export interface ProcessingTimeAverage extends Indicator {
  procedureCode: string;
  unit: DeadlineUnit;
}

/**
 * 2.2 per procedure: Σ processing time / dossiers resolved (Đã xử lý xong or Đã trả kết quả), in the
 * procedure's unit. The rate field holds the average, 2 decimals; there is no score.
 */
export function averageProcessingTimes(
  input: Pick<Qd766Input, 'dossiers' | 'period' | 'elapsed' | 'rules'>,
): ProcessingTimeAverage[] {
  const rules = input.rules ?? DEFAULT_QD766_RULES;
  const byProcedure = new Map<string, { unit: DeadlineUnit; total: number; count: number }>();
  for (const fact of input.dossiers) {
    const time = processingTime(fact, { periodEnd: input.period.to, elapsed: input.elapsed });
    if (time === null) continue;
    // Dossiers pinned to versions with different units are kept apart: their times do not add up.
    const key = `${fact.procedureCode}\u0000${fact.legalDeadline.unit}`;
    const entry = byProcedure.get(key) ?? { unit: fact.legalDeadline.unit, total: 0, count: 0 };
    entry.total += time;
    entry.count += 1;
    byProcedure.set(key, entry);
  }
  return [...byProcedure.entries()].map(([key, entry]) => ({
    id: '2.2',
    ...INDICATOR_NAMES['2.2'],
    procedureCode: key.split('\u0000')[0] ?? '',
    unit: entry.unit,
    numerator: roundHalfUp(entry.total, 2),
    denominator: entry.count,
    rate: roundHalfUp(entry.total / entry.count, 2),
    score: null,
    maxPoints: rules.maxPoints['2.2'],
    threshold: null,
  }));
}

const count = <T>(items: readonly T[], test: (item: T) => boolean): number =>
  items.reduce((sum, item) => sum + (test(item) ? 1 : 0), 0);

/** What the indicators count over the dossiers, gathered one dossier at a time. */
interface DossierCounts {
  all: number;
  late: number;
  /** With a PAKN or a dislike (5.4). */
  complained: number;
  /** Procedures that received an online dossier (3.2). */
  codesWithOnlineDossier: Set<string>;
  onlineWithResult: number;
  /** Dossiers with fees to pay, and those paid online (3.6). */
  paying: number;
  paidOnline: number;
  /** Dossiers of a paper-result procedure, and those with a result file (4.1). */
  paperResult: number;
  paperResultWithFile: number;
  digitised: number;
  reused: number;
  inCitizenStore: number;
  /** Dossiers of citizens' procedures, and those using population data (4.5). */
  forCitizens: number;
  usingPopulationData: number;
}

/** 2.1 and 5.4: both need each dossier's on-time measure. */
function progressAndSatisfaction(counts: DossierCounts, rules: Qd766Rules): [Indicator, Indicator] {
  const { all, late, complained } = counts;
  const satisfied = all - late - complained;
  return [
    ratioIndicator('2.1', { numerator: all - late, denominator: all }, rules),
    ratioIndicator(
      '5.4',
      {
        numerator: satisfied,
        denominator: all,
        rate: all === 0 ? null : Math.max(0, roundHalfUp((satisfied * 100) / all, 2)),
        note: `100 − (${late} overdue + ${complained} with a PAKN or a dislike) / ${all} × 100`,
      },
      rules,
    ),
  ];
}

/** 3.1, 3.2, 3.3, 3.5, 3.6: online services, online dossiers, online payment. */
function onlineIndicators(
  counts: DossierCounts,
  procedures: readonly ProcedureFacts[],
  sync: Indicator | null,
  rules: Qd766Rules,
): Indicator[] {
  const online = procedures.filter((procedure) => procedure.onlineLevel !== null);
  const syncFactor = sync === null || sync.rate === null ? 1 : Math.min(1, sync.rate / 100);
  const withFees = procedures.filter((procedure) => procedure.hasFees === true);
  const { all, onlineWithResult } = counts;
  return [
    ratioIndicator('3.1', { numerator: online.length, denominator: procedures.length }, rules),
    ratioIndicator(
      '3.2',
      {
        numerator: count(online, (procedure) => counts.codesWithOnlineDossier.has(procedure.code)),
        denominator: online.length,
      },
      rules,
    ),
    ratioIndicator(
      '3.3',
      {
        numerator: onlineWithResult,
        denominator: all,
        rate: all === 0 ? null : roundHalfUp(((onlineWithResult * 100) / all) * syncFactor, 2),
        note: sync
          ? `Multiplied by the sync rate (1.4): ${sync.rate ?? 'N/A'}%`
          : 'No sync counts: not multiplied by 1.4',
      },
      rules,
    ),
    ratioIndicator(
      '3.5',
      {
        numerator: count(withFees, (procedure) => procedure.isOnlinePaymentIntegrated === true),
        denominator: withFees.length,
      },
      rules,
    ),
    ratioIndicator('3.6', { numerator: counts.paidOnline, denominator: counts.paying }, rules),
  ];
}

/** 4.1 – 4.5: digitised components and results, reuse, the citizen's store, population data. */
function digitisationIndicators(counts: DossierCounts, rules: Qd766Rules): Indicator[] {
  const ofAll = (numerator: number) => ({ numerator, denominator: counts.all });
  return [
    ratioIndicator('4.1', { numerator: counts.paperResultWithFile, denominator: counts.paperResult }, rules),
    ratioIndicator('4.2', ofAll(counts.digitised), rules),
    ratioIndicator('4.3', ofAll(counts.reused), rules),
    ratioIndicator('4.4', ofAll(counts.inCitizenStore), rules),
    ratioIndicator('4.5', { numerator: counts.usingPopulationData, denominator: counts.forCitizens }, rules),
  ];
}

const yes = (test: boolean): number => (test ? 1 : 0);

/**
 * The indicators fed one dossier at a time, so a long period can be read in batches: `add` each
 * dossier (with its on-time measure when the caller has it, seen at `period.to`), then `result`.
 */
export function createQd766Tally(input: Omit<Qd766Input, 'dossiers'>) {
  const rules = input.rules ?? DEFAULT_QD766_RULES;
  const byCode = new Map(input.procedures.map((procedure) => [procedure.code, procedure]));
  const options = { periodEnd: input.period.to, elapsed: input.elapsed };
  const counts: DossierCounts = {
    all: 0,
    late: 0,
    complained: 0,
    codesWithOnlineDossier: new Set(),
    onlineWithResult: 0,
    paying: 0,
    paidOnline: 0,
    paperResult: 0,
    paperResultWithFile: 0,
    digitised: 0,
    reused: 0,
    inCitizenStore: 0,
    forCitizens: 0,
    usingPopulationData: 0,
  };
  return {
    add(fact: DossierFacts, measured: OnTime = measureOnTime(fact, options)): void {
      const procedure = byCode.get(fact.procedureCode);
      counts.all += 1;
      counts.late += yes(!measured.isOnTime);
      counts.complained += yes(fact.pakn?.hasAny === true || fact.rating?.sentiment === 'dislike');
      if (fact.channel === 2) {
        counts.codesWithOnlineDossier.add(fact.procedureCode);
        counts.onlineWithResult += yes(procedure?.returnsPaperResult !== true || fact.hasResultFile === true);
      }
      if ((fact.hasFees ?? procedure?.hasFees) === true && fact.areFeesAllZero !== true) {
        counts.paying += 1;
        counts.paidOnline += yes(fact.paidOnline === 1 || fact.paidOnline === 2);
      }
      if (procedure?.returnsPaperResult === true) {
        counts.paperResult += 1;
        counts.paperResultWithFile += yes(fact.hasResultFile === true);
      }
      counts.digitised += yes(fact.hasAllComponentFiles === true && fact.hasResultFile === true);
      counts.reused += yes(fact.hasReusedComponent === true);
      counts.inCitizenStore += yes(
        fact.hasComponentFromCitizenStore === true || fact.isResultInCitizenStore === true,
      );
      if (procedure?.isForCitizens === true) {
        counts.forCitizens += 1;
        counts.usingPopulationData += yes(fact.usesPopulationData === true);
      }
    },
    /** Every indicator, in QĐ 766 order; 1.4 only when sync counts are given (here or in the input). */
    result(sync: SyncCounts | undefined = input.sync): Indicator[] {
      const syncIndicator = sync ? syncRateIndicator(sync, rules) : null;
      const [onTime, satisfaction] = progressAndSatisfaction(counts, rules);
      return [
        ...(syncIndicator ? [syncIndicator] : []),
        onTime,
        ...onlineIndicators(counts, input.procedures, syncIndicator, rules),
        ...digitisationIndicators(counts, rules),
        satisfaction,
      ];
    },
  };
}

/** Every indicator above, in QĐ 766 order; 1.4 only when sync counts are given, 2.2 per procedure apart. */
export function computeQd766(input: Qd766Input): Indicator[] {
  const tally = createQd766Tally(input);
  for (const fact of input.dossiers) tally.add(fact);
  return tally.result();
}
