import { processingTime, type OnTime } from './on-time.ts';
import { createQd766Tally } from './qd766.ts';
import { percent, roundHalfUp } from './rounding.ts';
import type { DossierFacts, Elapsed, Period, ProcedureFacts } from './types.ts';

/**
 * The NĐ 224/2026 Art 19 figures (R-KPI-4, vn-norms §1.8 [P]) from the same facts as QĐ 766. The
 * decree names the figures, not their formulas: the formulas below are this module's choice.
 */

export interface Figure {
  value: number | null;
  unit: 'percent' | 'working_day';
  numerator?: number;
  denominator?: number;
  note?: string;
}

export interface Nd224Dashboard {
  /** Toàn trình services / procedures flagged eligible for toàn trình. */
  toanTrinhRate: Figure;
  /** Dossiers submitted online / dossiers received. */
  onlineDossierRate: Figure;
  /** Not measured: the one-stop data says nothing of which steps ran without a person. */
  automationLevel: Figure;
  /** Average working days from receipt to resolution, supplement time subtracted. */
  processingTime: Figure;
  /** QĐ 766 2.1. */
  onTimeRate: Figure;
  /** QĐ 766 5.4. */
  satisfaction: Figure;
  /** Likes among the dossiers rated like or dislike. */
  likeRate: Figure;
}

/** The dashboard fed one dossier at a time (with its on-time measure when the caller has it), then `result`. */
export function createNd224Tally(input: {
  procedures: readonly ProcedureFacts[];
  period: Period;
  elapsed: Elapsed;
}) {
  const { procedures, period, elapsed } = input;
  const indicators = createQd766Tally({ procedures, period, elapsed });
  const timeOptions = { periodEnd: period.to, elapsed, unit: 'working_day' } as const;
  let all = 0;
  let online = 0;
  let days = 0;
  let resolved = 0;
  let likes = 0;
  let dislikes = 0;
  return {
    add(fact: DossierFacts, measured?: OnTime): void {
      indicators.add(fact, measured);
      all += 1;
      if (fact.channel === 2) online += 1;
      const time = processingTime(fact, timeOptions);
      if (time !== null) {
        days += time;
        resolved += 1;
      }
      if (fact.rating?.sentiment === 'like') likes += 1;
      if (fact.rating?.sentiment === 'dislike') dislikes += 1;
    },
    result(): Nd224Dashboard {
      const eligible = procedures.filter((procedure) => procedure.isEligibleForToanTrinh === true);
      const toanTrinh = eligible.filter((procedure) => procedure.onlineLevel === 'toan_trinh').length;
      const computed = indicators.result();
      const figureOf = (id: string): Figure => {
        const found = computed.find((indicator) => indicator.id === id);
        return {
          value: found?.rate ?? null,
          unit: 'percent',
          numerator: found?.numerator ?? 0,
          denominator: found?.denominator ?? 0,
        };
      };
      return {
        toanTrinhRate: {
          value: percent(toanTrinh, eligible.length),
          unit: 'percent',
          numerator: toanTrinh,
          denominator: eligible.length,
        },
        onlineDossierRate: {
          value: percent(online, all),
          unit: 'percent',
          numerator: online,
          denominator: all,
        },
        automationLevel: { value: null, unit: 'percent', note: 'Not measured from one-stop data' },
        processingTime: {
          value: resolved === 0 ? null : roundHalfUp(days / resolved, 2),
          unit: 'working_day',
          numerator: days,
          denominator: resolved,
        },
        onTimeRate: figureOf('2.1'),
        satisfaction: figureOf('5.4'),
        likeRate: {
          value: percent(likes, likes + dislikes),
          unit: 'percent',
          numerator: likes,
          denominator: likes + dislikes,
        },
      };
    },
  };
}

export function computeNd224Dashboard(input: {
  dossiers: readonly DossierFacts[];
  procedures: readonly ProcedureFacts[];
  period: Period;
  elapsed: Elapsed;
}): Nd224Dashboard {
  const tally = createNd224Tally(input);
  for (const fact of input.dossiers) tally.add(fact);
  return tally.result();
}
