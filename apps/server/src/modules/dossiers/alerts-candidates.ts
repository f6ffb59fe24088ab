import { sql } from 'kysely';
import type { ProcessStep } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { vietnamDayAndMinute } from '../calendar/iso-day.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { budgetHours } from '../procedures/rules.ts';
import type { RecipientRule } from './alerts-recipients.ts';
import {
  consultationSubject,
  handoverDueAt,
  isConsultationOverdue,
  RECEIPT_SUBJECT,
  stepReminderAt,
  stepSubject,
  type AlertKind,
  type OfficeRules,
  type ReminderThreshold,
} from './alerts-rules.ts';
import { capacityForStep } from './workflow.ts';
import './alerts-tables.ts';

/** One alert or reminder that is due and not yet sent, with what it says and whom it goes to. */
export interface DueAlert {
  dossierId: string;
  code: string;
  kind: AlertKind;
  subject: string;
  dueAt: Date;
  stepIndex: number | null;
  stepStartedAt: Date | null;
  consultationId: string | null;
  agencyId: string;
  template: string;
  params: Record<string, string>;
  recipients: RecipientRule[];
}

export interface ScanContext {
  db: Db;
  now: Date;
  calendar: WorkCalendar;
  office: OfficeRules;
  threshold: ReminderThreshold;
  /** At most this many candidates of each kind per scan; the rest wait for the next one. */
  limit: number;
}

/** dd/mm/yyyy hh:mm in Vietnam, as officials read a time limit. */
export function vietnameseDateTime(at: Date): string {
  const { day, minute } = vietnamDayAndMinute(at);
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `${day.split('-').reverse().join('/')} ${time}`;
}
const vietnameseDay = (day: string) => day.split('-').reverse().join('/');

const OPEN = ['received', 'in_process', 'supplement_requested'] as const;
const IN_HAND = ['received', 'in_process'] as const;

/** The one-stop desk of the receiving agency: it receives and hands over. */
const deskOf = (agencyId: string): RecipientRule => ({ agencyId, permission: 'dossier.receive' });
/** The lead unit's leaders: those who approve at the agency that leads the dossier. */
const leadersOf = (agencyId: string): RecipientRule => ({ agencyId, permission: 'dossier.approve' });

const notAlerted = (kind: AlertKind) =>
  sql<boolean>`not exists (select 1 from dossier_alert a where a.dossier_id = d.id and a.kind = ${kind}
    and (a.step_index is not distinct from d.current_step) and (a.step_started_at is not distinct from d.step_started_at))`;

/**
 * R-DOS-10: a paper dossier whose file has not reached the deciding unit after its hand-over time.
 * It has reached it once the desk recorded the hand-over (`paper_handed_over_at`, action hand_over)
 * or once that unit acted on the dossier (it left `received`): the proxy dossiers handed over before
 * the action existed still rely on.
 */
export async function dueHandovers(context: ScanContext): Promise<DueAlert[]> {
  const rows = await context.db
    .selectFrom('dossier as d')
    .select(['d.id', 'd.code', 'd.received_at', 'd.receiving_agency_id', 'd.competent_agency_id'])
    .select('d.assignee_account_id')
    .where('d.channel', 'in', ['counter', 'post'])
    .where('d.status', '=', 'received')
    .where('d.paper_handed_over_at', 'is', null)
    .where('d.received_at', '<=', context.now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dossier_alert as a')
            .select('a.id')
            .whereRef('a.dossier_id', '=', 'd.id')
            .where('a.kind', '=', 'handover_late'),
        ),
      ),
    )
    .orderBy('d.received_at')
    .limit(context.limit)
    .execute();
  return rows.flatMap((row) => {
    const dueAt = handoverDueAt(context.calendar, row.received_at!, context.office);
    if (context.now.getTime() <= dueAt.getTime()) return [];
    return [
      {
        ...common(row.id, row.code!, 'handover_late', RECEIPT_SUBJECT, dueAt, row.competent_agency_id),
        template: 'dossier.alert.handover_late',
        params: {
          code: row.code!,
          receivedAt: vietnameseDateTime(row.received_at!),
          handoverDue: vietnameseDateTime(dueAt),
        },
        recipients: [
          deskOf(row.receiving_agency_id),
          leadersOf(row.competent_agency_id),
          ...(row.assignee_account_id ? [{ accountId: row.assignee_account_id }] : []),
        ],
      },
    ];
  });
}

/** R-DOS-11: a consultation not answered by its due date, on a dossier still open. */
export async function dueConsultations(context: ScanContext): Promise<DueAlert[]> {
  const rows = await context.db
    .selectFrom('dossier_consultation as c')
    .innerJoin('dossier as d', 'd.id', 'c.dossier_id')
    .innerJoin('agency as g', 'g.id', 'c.agency_id')
    .select(['c.id', 'c.due_date', 'c.asked_by', 'g.name as agency_name'])
    .select(['d.id as dossier_id', 'd.code', 'd.receiving_agency_id', 'd.current_agency_id'])
    .where('c.answered_at', 'is', null)
    .where('d.status', 'in', OPEN)
    .where('c.due_date', '<', vietnamDayAndMinute(context.now).day)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dossier_alert as a')
            .select('a.id')
            .whereRef('a.consultation_id', '=', 'c.id')
            .where('a.kind', '=', 'consultation_overdue'),
        ),
      ),
    )
    .orderBy('c.due_date')
    .limit(context.limit)
    .execute();
  return rows
    .filter((row) => isConsultationOverdue(row.due_date, context.now))
    .map((row) => ({
      ...common(
        row.dossier_id,
        row.code!,
        'consultation_overdue',
        consultationSubject(row.id),
        new Date(`${row.due_date}T17:00:00+07:00`),
        row.current_agency_id,
      ),
      consultationId: row.id,
      template: 'dossier.alert.consultation_overdue',
      params: { code: row.code!, agency: row.agency_name, dueDate: vietnameseDay(row.due_date) },
      recipients: [
        deskOf(row.receiving_agency_id),
        leadersOf(row.current_agency_id),
        ...(row.asked_by ? [{ accountId: row.asked_by }] : []),
      ],
    }));
}

/** The open dossiers at a step, with the step as the procedure version they are pinned to has it. */
function atStep(context: ScanContext) {
  return context.db
    .selectFrom('dossier as d')
    .innerJoin('procedure_version as pv', 'pv.id', 'd.procedure_version_id')
    .innerJoin('agency as g', 'g.id', 'd.current_agency_id')
    .select([
      'd.id',
      'd.code',
      'd.current_step',
      'd.step_started_at',
      'd.step_due_at',
      'g.name as agency_name',
    ])
    .select([
      'd.receiving_agency_id',
      'd.competent_agency_id',
      'd.current_agency_id',
      'd.assignee_account_id',
    ])
    .select(sql<ProcessStep | null>`pv.content -> 'steps' -> d.current_step`.as('step'))
    .where('d.status', 'in', IN_HAND)
    .where('d.current_step', 'is not', null)
    .where('d.step_started_at', 'is not', null)
    .where('d.step_due_at', 'is not', null)
    .orderBy('d.step_due_at')
    .limit(context.limit);
}

/** R-DOS-11, liên thông: a dossier handed to another agency that has run past the step it holds. */
export async function dueTransfers(context: ScanContext): Promise<DueAlert[]> {
  const rows = await atStep(context)
    .whereRef('d.current_agency_id', '<>', 'd.competent_agency_id')
    .whereRef('d.current_agency_id', '<>', 'd.receiving_agency_id')
    .where('d.step_due_at', '<', context.now)
    .where(notAlerted('transfer_overdue'))
    .execute();
  return rows.map((row) => ({
    ...stepAlert(row, 'transfer_overdue', row.step_due_at!),
    template: 'dossier.alert.transfer_overdue',
    params: {
      code: row.code!,
      agency: row.agency_name,
      step: row.step?.name ?? '—',
      dueAt: vietnameseDateTime(row.step_due_at!),
    },
    recipients: [deskOf(row.receiving_agency_id), leadersOf(row.competent_agency_id)],
  }));
}

/** Before a step's budget runs out, whoever holds the step: its assignee, or those who act at it. */
export async function dueReminders(context: ScanContext): Promise<DueAlert[]> {
  const rows = await atStep(context).where(notAlerted('step_reminder')).execute();
  return rows.flatMap((row) => {
    if (!row.step) return [];
    const remindAt = stepReminderAt(
      context.calendar,
      { startedAt: row.step_started_at!, budgetHours: budgetHours(row.step.budget) },
      context.threshold,
      context.office.workingHours,
    );
    if (context.now.getTime() < remindAt.getTime()) return [];
    const permission = {
      applicant: 'dossier.read',
      receiver: 'dossier.receive',
      processor: 'dossier.process',
      approver: 'dossier.approve',
    } as const;
    return [
      {
        ...stepAlert(row, 'step_reminder', remindAt),
        template: 'dossier.reminder.step_due',
        params: { code: row.code!, step: row.step.name, dueAt: vietnameseDateTime(row.step_due_at!) },
        recipients: row.assignee_account_id
          ? [{ accountId: row.assignee_account_id }]
          : [{ agencyId: row.current_agency_id, permission: permission[capacityForStep(row.step)] }],
      },
    ];
  });
}

function common(
  dossierId: string,
  code: string,
  kind: AlertKind,
  subject: string,
  dueAt: Date,
  agencyId: string,
) {
  return {
    dossierId,
    code,
    kind,
    subject,
    dueAt,
    agencyId,
    stepIndex: null,
    stepStartedAt: null,
    consultationId: null,
  };
}

function stepAlert(
  row: {
    id: string;
    code: string | null;
    current_step: number | null;
    step_started_at: Date | null;
    current_agency_id: string;
  },
  kind: AlertKind,
  dueAt: Date,
) {
  return {
    ...common(
      row.id,
      row.code!,
      kind,
      stepSubject(row.current_step!, row.step_started_at!),
      dueAt,
      row.current_agency_id,
    ),
    stepIndex: row.current_step,
    stepStartedAt: row.step_started_at,
  };
}
