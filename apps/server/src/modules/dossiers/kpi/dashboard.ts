import { processingTime } from './on-time.ts';
import { computeQd766 } from './qd766.ts';
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

export function computeNd224Dashboard(input: {
  dossiers: readonly DossierFacts[];
  procedures: readonly ProcedureFacts[];
  period: Period;
  elapsed: Elapsed;
}): Nd224Dashboard {
  const { dossiers, procedures, period, elapsed } = input;
  const eligible = procedures.filter((procedure) => procedure.isEligibleForToanTrinh === true);
  const toanTrinh = eligible.filter((procedure) => procedure.onlineLevel === 'toan_trinh').length;
  const online = dossiers.filter((fact) => fact.channel === 2).length;
  const times = dossiers
    .map((fact) => processingTime(fact, { periodEnd: period.to, elapsed, unit: 'working_day' }))
    .filter((time): time is number => time !== null);
  const days = times.reduce((sum, time) => sum + time, 0);
  const resolved = times.length;
  const indicators = computeQd766({ dossiers, procedures, period, elapsed });
  const figureOf = (id: string): Figure => {
    const found = indicators.find((indicator) => indicator.id === id);
    return {
      value: found?.rate ?? null,
      unit: 'percent',
      numerator: found?.numerator ?? 0,
      denominator: found?.denominator ?? 0,
    };
  };
  const likes = dossiers.filter((fact) => fact.rating?.sentiment === 'like').length;
  const dislikes = dossiers.filter((fact) => fact.rating?.sentiment === 'dislike').length;
  return {
    toanTrinhRate: {
      value: percent(toanTrinh, eligible.length),
      unit: 'percent',
      numerator: toanTrinh,
      denominator: eligible.length,
    },
    onlineDossierRate: {
      value: percent(online, dossiers.length),
      unit: 'percent',
      numerator: online,
      denominator: dossiers.length,
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
}
