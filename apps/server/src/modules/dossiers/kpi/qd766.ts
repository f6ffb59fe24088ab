import type { DeadlineUnit } from '@tinhso/contracts';
import {
  DEFAULT_QD766_RULES,
  INDICATOR_NAMES,
  ratioIndicator,
  type Indicator,
  type Qd766Rules,
} from './indicator.ts';
import { measureOnTime, processingTime } from './on-time.ts';
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

/** Overdue dossiers and dossiers with a PAKN or a dislike, for 5.4 (a dossier may be in both). */
function dissatisfaction(dossiers: readonly DossierFacts[], isLate: (fact: DossierFacts) => boolean) {
  const late = count(dossiers, isLate);
  const complained = count(
    dossiers,
    (fact) => fact.pakn?.hasAny === true || fact.rating?.sentiment === 'dislike',
  );
  return { late, complained };
}

/** Every indicator above, in QĐ 766 order; 1.4 only when sync counts are given, 2.2 per procedure apart. */
export function computeQd766(input: Qd766Input): Indicator[] {
  const rules = input.rules ?? DEFAULT_QD766_RULES;
  const { dossiers, procedures } = input;
  const procedureOf = new Map(procedures.map((procedure) => [procedure.code, procedure]));
  const onTime = new Map(
    dossiers.map((fact) => [
      fact,
      measureOnTime(fact, { periodEnd: input.period.to, elapsed: input.elapsed }),
    ]),
  );
  const isLate = (fact: DossierFacts) => onTime.get(fact)?.isOnTime === false;
  const online = procedures.filter((procedure) => procedure.onlineLevel !== null);
  const codesWithOnlineDossier = new Set(
    dossiers.filter((fact) => fact.channel === 2).map((f) => f.procedureCode),
  );
  const sync = input.sync ? syncRateIndicator(input.sync, rules) : null;
  const syncFactor = sync?.rate === null || sync === null ? 1 : Math.min(1, sync.rate / 100);
  const onlineWithResult = count(dossiers, (fact) => {
    if (fact.channel !== 2) return false;
    return procedureOf.get(fact.procedureCode)?.returnsPaperResult === true
      ? fact.hasResultFile === true
      : true;
  });
  const paying = dossiers.filter(
    (fact) =>
      (fact.hasFees ?? procedureOf.get(fact.procedureCode)?.hasFees) === true && fact.areFeesAllZero !== true,
  );
  const paperResult = dossiers.filter(
    (fact) => procedureOf.get(fact.procedureCode)?.returnsPaperResult === true,
  );
  const forCitizens = dossiers.filter((fact) => procedureOf.get(fact.procedureCode)?.isForCitizens === true);
  const withFees = procedures.filter((procedure) => procedure.hasFees === true);
  const { late, complained } = dissatisfaction(dossiers, isLate);
  const satisfied = dossiers.length - late - complained;
  const rate33 =
    dossiers.length === 0 ? null : roundHalfUp(((onlineWithResult * 100) / dossiers.length) * syncFactor, 2);
  const rate54 =
    dossiers.length === 0 ? null : Math.max(0, roundHalfUp((satisfied * 100) / dossiers.length, 2));
  const all = dossiers.length;
  return [
    ...(sync ? [sync] : []),
    ratioIndicator('2.1', { numerator: count(dossiers, (fact) => !isLate(fact)), denominator: all }, rules),
    ratioIndicator('3.1', { numerator: online.length, denominator: procedures.length }, rules),
    ratioIndicator(
      '3.2',
      {
        numerator: count(online, (procedure) => codesWithOnlineDossier.has(procedure.code)),
        denominator: online.length,
      },
      rules,
    ),
    ratioIndicator(
      '3.3',
      {
        numerator: onlineWithResult,
        denominator: all,
        rate: rate33,
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
    ratioIndicator(
      '3.6',
      {
        numerator: count(paying, (fact) => fact.paidOnline === 1 || fact.paidOnline === 2),
        denominator: paying.length,
      },
      rules,
    ),
    ratioIndicator(
      '4.1',
      { numerator: count(paperResult, (f) => f.hasResultFile === true), denominator: paperResult.length },
      rules,
    ),
    ratioIndicator(
      '4.2',
      {
        numerator: count(dossiers, (f) => f.hasAllComponentFiles === true && f.hasResultFile === true),
        denominator: all,
      },
      rules,
    ),
    ratioIndicator(
      '4.3',
      { numerator: count(dossiers, (f) => f.hasReusedComponent === true), denominator: all },
      rules,
    ),
    ratioIndicator(
      '4.4',
      {
        numerator: count(
          dossiers,
          (f) => f.hasComponentFromCitizenStore === true || f.isResultInCitizenStore === true,
        ),
        denominator: all,
      },
      rules,
    ),
    ratioIndicator(
      '4.5',
      {
        numerator: count(forCitizens, (f) => f.usesPopulationData === true),
        denominator: forCitizens.length,
      },
      rules,
    ),
    ratioIndicator(
      '5.4',
      {
        numerator: satisfied,
        denominator: all,
        rate: rate54,
        note: `100 − (${late} overdue + ${complained} with a PAKN or a dislike) / ${all} × 100`,
      },
      rules,
    ),
  ];
}
