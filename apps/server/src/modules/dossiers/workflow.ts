import type { DossierAction, DossierStatus, ProcessStep } from '@tinhso/contracts';

/**
 * The dossier's state machine as data (vn-norms §1.5): which actions each status allows and who may
 * take them. Pure: the use cases ask it, then change the row; a refused action answers 409 with the
 * actions that are allowed.
 */

/** How the caller stands towards one dossier. */
export interface Capacities {
  /** The citizen who filed it. */
  applicant: boolean;
  /** Holds dossier.receive at the receiving agency (the one-stop desk). */
  receiver: boolean;
  /** Holds dossier.process at the agency that has the dossier now. */
  processor: boolean;
  /** Holds dossier.approve at the agency that has the dossier now. */
  approver: boolean;
}

export type Capacity = keyof Capacities;

/** What the machine needs to know of a dossier. */
export interface DossierState {
  status: DossierStatus;
  steps: readonly ProcessStep[];
  /** Index into steps, or null before receipt and after the end. */
  currentStep: number | null;
  rescheduled: boolean;
  rated: boolean;
  hasApplicantAccount: boolean;
  /** Filed on paper (at the counter or by post): the paper file must reach the deciding unit. */
  isPaper: boolean;
  /** The desk has recorded handing the paper file over (R-DOS-10). */
  paperHandedOver: boolean;
}

const OPEN_AFTER_RECEIPT: readonly DossierStatus[] = ['received', 'in_process', 'supplement_requested'];
const IN_HAND: readonly DossierStatus[] = ['received', 'in_process'];

/** The step a decision (resolve) is taken at: the last one that is not handing the result back. */
export function decisionStepIndex(steps: readonly ProcessStep[]): number {
  for (let index = steps.length - 1; index >= 0; index--) {
    if (steps[index]!.role !== 'tra_ket_qua') return index;
  }
  return 0;
}

/** The first step after reception: where a received dossier goes. */
export function firstProcessingStep(steps: readonly ProcessStep[]): number {
  const index = steps.findIndex((step) => step.role !== 'tiep_nhan');
  return index === -1 ? 0 : index;
}

/** Who acts at a step of the procedure. */
export function capacityForStep(step: ProcessStep): Capacity {
  switch (step.role) {
    case 'tiep_nhan':
    case 'tra_ket_qua':
      return 'receiver';
    case 'lanh_dao':
      return 'approver';
    case 'chuyen_vien':
    case 'lanh_dao_phong':
    case 'van_thu':
      return 'processor';
  }
}

/** Whether a step is worked at the receiving agency (the desk) rather than where the dossier is. */
export const isDeskStep = (step: ProcessStep): boolean => capacityForStep(step) === 'receiver';

type Rule = (state: DossierState, who: Capacities) => boolean;

const atCurrentStep = (state: DossierState, who: Capacities): boolean => {
  const step = state.currentStep === null ? undefined : state.steps[state.currentStep];
  return step !== undefined && who[capacityForStep(step)];
};

const RULES: Record<DossierAction, Rule> = {
  edit: (s, who) => s.status === 'draft' && who.applicant,
  submit: (s, who) => s.status === 'draft' && who.applicant,
  discard: (s, who) => s.status === 'draft' && who.applicant,
  receive: (s, who) => s.status === 'submitted' && who.receiver,
  refuse: (s, who) => s.status === 'submitted' && who.receiver,
  request_supplement: (s, who) =>
    (s.status === 'submitted' && who.receiver) ||
    (IN_HAND.includes(s.status) && (who.processor || who.approver)),
  supplement: (s, who) => s.status === 'supplement_requested' && (who.applicant || who.receiver),
  forward: (s, who) =>
    IN_HAND.includes(s.status) &&
    s.currentStep !== null &&
    s.currentStep < decisionStepIndex(s.steps) &&
    atCurrentStep(s, who),
  send_back: (s, who) =>
    IN_HAND.includes(s.status) &&
    s.currentStep !== null &&
    s.currentStep > firstProcessingStep(s.steps) &&
    atCurrentStep(s, who),
  consult: (s, who) => IN_HAND.includes(s.status) && (who.processor || who.approver),
  transfer: (s, who) => IN_HAND.includes(s.status) && who.processor,
  apologise: (s, who) =>
    OPEN_AFTER_RECEIPT.includes(s.status) && !s.rescheduled && (who.processor || who.approver),
  resolve: (s, who) =>
    IN_HAND.includes(s.status) && s.currentStep === decisionStepIndex(s.steps) && atCurrentStep(s, who),
  return: (s, who) => s.status === 'resolved' && who.receiver,
  stop: (s, who) => OPEN_AFTER_RECEIPT.includes(s.status) && (who.processor || who.approver || who.receiver),
  withdraw: (s, who) =>
    ['submitted', ...OPEN_AFTER_RECEIPT].includes(s.status) && (who.applicant || who.receiver),
  rate: (s, who) => ['resolved', 'returned', 'not_received'].includes(s.status) && who.applicant && !s.rated,
  hand_over: (s, who) => s.isPaper && !s.paperHandedOver && IN_HAND.includes(s.status) && who.receiver,
};

export function allowedActions(state: DossierState, who: Capacities): DossierAction[] {
  return (Object.keys(RULES) as DossierAction[]).filter((action) => RULES[action](state, who));
}

export const isAllowed = (action: DossierAction, state: DossierState, who: Capacities): boolean =>
  RULES[action](state, who);

/** A hand-over against its budget, as the control slip prints it: before the due day, on it, or late. */
export function timeliness(
  doneAt: Date,
  dueAt: Date | null,
  dayOf: (at: Date) => string,
): 'early' | 'on_time' | 'late' | null {
  if (dueAt === null) return null;
  if (doneAt.getTime() > dueAt.getTime()) return 'late';
  return dayOf(doneAt) < dayOf(dueAt) ? 'early' : 'on_time';
}

/** Open statuses: the dossier still runs against its deadline. */
export const isOpen = (status: DossierStatus): boolean =>
  ['submitted', 'received', 'in_process', 'supplement_requested'].includes(status);
