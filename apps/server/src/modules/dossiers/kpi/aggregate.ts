import { measureOnTime, type OnTime } from './on-time.ts';
import { vietnamMonthOf } from './periods.ts';
import { percent } from './rounding.ts';
import type { DossierFacts, Elapsed } from './types.ts';

/**
 * On-time counts of the statistics page, grouped by any key. A dossier is seen as it stood at
 * `asOf` (now, or the end of the period shown), by the QĐ 766 2.1 rule of `measureOnTime`.
 */

export interface OnTimeCounts {
  received: number;
  /** Đã xử lý xong or đã trả kết quả before the due day / on it / after the due instant. */
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Not finished (waiting supplements included), judged at `asOf`. */
  inProcessNotYetDue: number;
  inProcessOverdue: number;
  /** Dossiers with at least one supplement request. */
  supplementRequested: number;
  stopped: number;
  refused: number;
  withdrawn: number;
  online: number;
  /** online / received, percent 2 decimals; null when nothing was received. */
  onlineRatio: number | null;
  /** (early + on time) / resolved, percent 2 decimals; null when nothing was resolved. */
  onTimeRatio: number | null;
}

export interface GroupCounts extends OnTimeCounts {
  key: string;
}

/** The group of a dossier: one key, several (a dossier counts once under each), or none (skipped). */
export type KeyOf = (fact: DossierFacts) => string | readonly string[] | null;

const unique = (keys: (string | undefined)[]): string[] => [
  ...new Set(keys.filter((key): key is string => key !== undefined)),
];

/** The groupings of the statistics page. */
export const GROUP_KEYS = {
  agency: (fact) => fact.competentAgencyId,
  receivingAgency: (fact) => fact.receivingAgencyId,
  unit: (fact) => unique((fact.steps ?? []).map((step) => step.unitId)),
  official: (fact) => unique((fact.steps ?? []).map((step) => step.officialId)),
  procedure: (fact) => fact.procedureCode,
  month: (fact) => vietnamMonthOf(fact.receivedAt),
} satisfies Record<string, KeyOf>;

const emptyCounts = (): Omit<OnTimeCounts, 'onlineRatio' | 'onTimeRatio'> => ({
  received: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProcessNotYetDue: 0,
  inProcessOverdue: 0,
  supplementRequested: 0,
  stopped: 0,
  refused: 0,
  withdrawn: 0,
  online: 0,
});

/**
 * Counts per group, fed one dossier at a time, so a long period can be read in batches. `add` takes
 * the dossier's on-time measure when the caller already has it (the same `asOf` and `elapsed`).
 */
export function createGroupCounter(keyOf: KeyOf, options: { asOf: Date; elapsed: Elapsed }) {
  const groups = new Map<string, ReturnType<typeof emptyCounts>>();
  const measureOptions = { periodEnd: options.asOf, elapsed: options.elapsed };
  return {
    add(fact: DossierFacts, measured: OnTime = measureOnTime(fact, measureOptions)): void {
      const found = keyOf(fact);
      if (found === null) return;
      for (const key of typeof found === 'string' ? [found] : found) {
        let counts = groups.get(key);
        if (!counts) groups.set(key, (counts = emptyCounts()));
        counts.received += 1;
        if (measured.isResolved) {
          if (measured.timeliness === 'early') counts.resolvedEarly += 1;
          else if (measured.timeliness === 'on_time') counts.resolvedOnTime += 1;
          else counts.resolvedLate += 1;
        } else if (!measured.isFinished) {
          if (measured.isOnTime) counts.inProcessNotYetDue += 1;
          else counts.inProcessOverdue += 1;
        } else if (measured.endSource === 'stopped') counts.stopped += 1;
        else if (measured.endSource === 'refused') counts.refused += 1;
        else counts.withdrawn += 1;
        if (measured.supplementRequests > 0) counts.supplementRequested += 1;
        if (fact.channel === 2) counts.online += 1;
      }
    },
    /** Groups in the order first met. */
    result(): GroupCounts[] {
      return [...groups.entries()].map(([key, counts]) => {
        const resolved = counts.resolvedEarly + counts.resolvedOnTime + counts.resolvedLate;
        return {
          key,
          ...counts,
          onlineRatio: percent(counts.online, counts.received),
          onTimeRatio: percent(counts.resolvedEarly + counts.resolvedOnTime, resolved),
        };
      });
    },
  };
}

/** Counts per group, groups in the order first met. */
export function aggregate(
  facts: readonly DossierFacts[],
  keyOf: KeyOf,
  options: { asOf: Date; elapsed: Elapsed },
): GroupCounts[] {
  const counter = createGroupCounter(keyOf, options);
  for (const fact of facts) counter.add(fact);
  return counter.result();
}
