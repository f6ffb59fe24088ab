import type { IncomingAction, IncomingStatus } from '@tinhso/contracts';

/**
 * The handling of an incoming document as data (ADR 0018): which action each status allows, the
 * status it leads to, and in which capacity the caller must act. Pure: the commands check it, the
 * document page shows its answer as the buttons the caller gets.
 */

/** The capacities a caller holds towards one document (incoming-access.ts works them out). */
export type IncomingCapacity =
  /** Văn thư of the receiving agency (document.register). */
  | 'clerk'
  /** A leader reaching the agency (document.instruct). */
  | 'leader'
  /** The lead assignee: the official named, or a member of the lead unit while none is named. */
  | 'lead'
  /** The head of the lead unit (Trưởng, Phó Trưởng phòng). */
  | 'unit_head'
  | 'cooperator'
  | 'informed';

type Rule = { from: readonly IncomingStatus[]; by: readonly IncomingCapacity[]; to: IncomingStatus | 'same' };

const WORKING = ['assigned', 'in_progress'] as const;

/** Register is the first line; recall and replace come from the issuer through the exchange (ADR 0023). */
export const INCOMING_RULES: Record<
  Exclude<IncomingAction, 'register' | 'recall' | 'replace' | 'update'>,
  Rule
> = {
  submit: { from: ['registered'], by: ['clerk'], to: 'submitted' },
  return: { from: ['registered', 'submitted'], by: ['clerk'], to: 'returned' },
  assign: { from: ['registered', 'submitted'], by: ['leader'], to: 'assigned' },
  reassign: { from: WORKING, by: ['unit_head', 'leader'], to: 'same' },
  progress: { from: WORKING, by: ['lead'], to: 'in_progress' },
  opinion: { from: WORKING, by: ['cooperator'], to: 'same' },
  read: { from: [...WORKING, 'done', 'closed'], by: ['informed'], to: 'same' },
  complete: { from: WORKING, by: ['lead'], to: 'done' },
  close: { from: ['done'], by: ['clerk', 'leader'], to: 'closed' },
};

export type HandlingAction = keyof typeof INCOMING_RULES;
export const HANDLING_ACTIONS = Object.keys(INCOMING_RULES) as HandlingAction[];

export function isAllowed(
  action: HandlingAction,
  status: IncomingStatus,
  capacities: ReadonlySet<IncomingCapacity>,
): boolean {
  const rule = INCOMING_RULES[action];
  return rule.from.includes(status) && rule.by.some((capacity) => capacities.has(capacity));
}

/** The actions open to these capacities in this status, in the table's order. */
export function allowedActions(
  status: IncomingStatus,
  capacities: ReadonlySet<IncomingCapacity>,
): HandlingAction[] {
  return HANDLING_ACTIONS.filter((action) => isAllowed(action, status, capacities));
}

export function nextStatus(action: HandlingAction, status: IncomingStatus): IncomingStatus {
  const { to } = INCOMING_RULES[action];
  return to === 'same' ? status : to;
}

/** The stage reported back to the sender (edXML status 03/04/05/06/02) when an action reaches it. */
export const PROGRESS_STAGE: Partial<
  Record<IncomingAction, 'registered' | 'assigned' | 'in_progress' | 'done' | 'returned'>
> = {
  register: 'registered',
  assign: 'assigned',
  progress: 'in_progress',
  complete: 'done',
  return: 'returned',
};

/** Overdue once the deadline's day is over; due soon within `dueSoonDays` days of it (Vietnam days). */
export function dueStateOf(
  dueOn: string | null,
  today: string,
  dueSoonDays: number,
  status: IncomingStatus,
): 'none' | 'on_track' | 'due_soon' | 'overdue' {
  if (dueOn === null || !['assigned', 'in_progress'].includes(status)) return 'none';
  if (dueOn < today) return 'overdue';
  const days = (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= dueSoonDays ? 'due_soon' : 'on_track';
}
