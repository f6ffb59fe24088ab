import { compareWithDue, measureOnTime, type OnTime, type Timeliness } from './on-time.ts';
import type { DossierFacts, Elapsed, IndexPoints, ProcedureFacts, ProcessingStep } from './types.ts';

/**
 * The TT 01/2018/TT-VPCP indices scored per dossier (Art 13–14, vn-norms §1.6 [P]): 1, 2, 3, 4, 6, 7.
 * A citizen's points (form, device, online) win for 1, 3, 4 and 7; otherwise they are read from the
 * data of a resolved dossier. An index the data cannot answer is left out, and so excluded.
 */

export type DossierIndexNumber = 1 | 2 | 3 | 4 | 6 | 7;
export type DossierIndexPoints = Partial<Record<DossierIndexNumber, IndexPoints>>;

const byTimeliness: Record<Timeliness, IndexPoints> = { early: 2, on_time: 1, late: 0 };

/** 0 → 2, 1 → 1, more → 0: indices 3 (contacts) and 4 (bodies contacted). */
const byCount = (count: number): IndexPoints => (count === 0 ? 2 : count === 1 ? 1 : 0);

/** Index 2: every unit shorter than its time → 2, none longer → 1, one longer → 0. */
export function scoreSteps(steps: readonly ProcessingStep[], periodEnd: Date): IndexPoints | undefined {
  const finished = steps.filter((step) => step.finishedAt !== null && step.finishedAt <= periodEnd);
  if (finished.length === 0) return undefined;
  const outcomes = finished.map(
    (step) => step.timeliness ?? compareWithDue(step.finishedAt as Date, step.dueAt),
  );
  if (outcomes.includes('late')) return 0;
  return outcomes.every((outcome) => outcome === 'early') ? 2 : 1;
}

/** Index 6: posted and online, accurate and timely → 2; posted or online → 1; inaccurate or neither → 0. */
export function scorePublication(publication: NonNullable<ProcedureFacts['publication']>): IndexPoints {
  if (!publication.isAccurateAndTimely) return 0;
  if (publication.isPostedAtOffice && publication.isPublishedOnline) return 2;
  return publication.isPostedAtOffice || publication.isPublishedOnline ? 1 : 0;
}

export interface ScoreDossierOptions {
  procedure?: ProcedureFacts;
  periodEnd: Date;
  elapsed: Elapsed;
  /** Score index 2 on this official's steps only (the official's own evaluation). */
  officialId?: string;
  /** The dossier's on-time measure at `periodEnd`, when the caller already has it. */
  onTime?: OnTime;
}

export function scoreDossier(fact: DossierFacts, options: ScoreDossierOptions): DossierIndexPoints {
  const cited = fact.rating?.points ?? {};
  const onTime =
    options.onTime ?? measureOnTime(fact, { periodEnd: options.periodEnd, elapsed: options.elapsed });
  const resolved = onTime.isResolved;
  const points: DossierIndexPoints = {};
  const index1 = cited[1] ?? (resolved ? byTimeliness[onTime.timeliness] : undefined);
  if (index1 !== undefined) points[1] = index1;
  const steps = (fact.steps ?? []).filter(
    (step) => options.officialId === undefined || step.officialId === options.officialId,
  );
  const index2 = scoreSteps(steps, options.periodEnd);
  if (index2 !== undefined) points[2] = index2;
  const index3 = cited[3] ?? (resolved ? byCount(fact.extraContacts ?? fact.supplements.length) : undefined);
  if (index3 !== undefined) points[3] = index3;
  const index4 =
    cited[4] ?? (resolved && fact.bodiesContacted !== undefined ? byCount(fact.bodiesContacted) : undefined);
  if (index4 !== undefined) points[4] = index4;
  if (options.procedure?.publication) points[6] = scorePublication(options.procedure.publication);
  const index7 =
    cited[7] ??
    (fact.pakn?.hasAboutStaffConduct ? 0 : resolved ? byTimeliness[onTime.timeliness] : undefined);
  if (index7 !== undefined) points[7] = index7;
  return points;
}
