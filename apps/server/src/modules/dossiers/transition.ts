import { sql, type Transaction, type Updateable } from 'kysely';
import type { DossierAction, DossierStatus } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getDueDate } from '../calendar/get-due-date.ts';
import { budgetHours } from '../procedures/rules.ts';
import { noticeOf, notifyApplicant } from './notices.ts';
import { forgetLookup } from './queries.ts';
import { isRated, stateOf, type LoadedDossier } from './repository.ts';
import type { DossierTable } from './tables.ts';
import { allowedActions, isAllowed, isDeskStep, timeliness, type Capacities } from './workflow.ts';

/** 409 naming the actions the dossier's state and the caller allow (the issue's "bad input" rule). */
export async function assertAllowed(
  tx: Transaction<DB>,
  action: DossierAction,
  loaded: LoadedDossier,
  who: Capacities,
): Promise<void> {
  const state = stateOf(loaded, await isRated(tx, loaded.row.id));
  if (isAllowed(action, state, who)) return;
  const allowed = allowedActions(state, who);
  throw new AppError('conflict', {
    detail: `${action} is not allowed on a ${loaded.row.status} dossier`,
    issues: [
      {
        field: 'action',
        key: 'dossier.actionNotAllowed',
        params: { action, status: loaded.row.status, allowed: allowed.length ? allowed.join(', ') : '—' },
      },
    ],
  });
}

/** Where a step is worked: the desk steps at the receiving agency, the others where the dossier is. */
export function stepAgency(loaded: LoadedDossier, index: number, processingAgencyId: string): string {
  const step = loaded.procedure.content.steps[index];
  return step && isDeskStep(step) ? loaded.row.receiving_agency_id : processingAgencyId;
}

/** The columns that put a dossier at a step, with the step's budget running from `at`. */
export async function enterStep(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  index: number,
  at: Date,
  processingAgencyId: string,
  assigneeId: string | null = null,
): Promise<Updateable<DossierTable>> {
  const step = loaded.procedure.content.steps[index];
  if (!step) throw new AppError('internal', { detail: `procedure has no step ${index}` });
  const due = await getDueDate(tx, {
    receivedAt: at,
    amount: budgetHours(step.budget),
    unit: 'hour',
    cutOff: '23:59',
  });
  return {
    current_step: index,
    current_agency_id: stepAgency(loaded, index, processingAgencyId),
    step_started_at: at,
    step_due_at: new Date(due.dueAt),
    assignee_account_id: assigneeId,
  };
}

/** When the legal deadline of a dossier received (or completed) at `at` runs out (R-CAL-5, R-CAL-6). */
export async function legalDueAt(tx: Transaction<DB>, loaded: LoadedDossier, at: Date): Promise<Date> {
  const { deadline, cutOffTime } = loaded.procedure.content;
  const due = await getDueDate(tx, {
    receivedAt: at,
    amount: deadline.value,
    unit: deadline.unit,
    cutOff: cutOffTime ?? undefined,
  });
  return new Date(due.dueAt);
}

export interface Transition {
  action: DossierAction | 'reply_consultation' | 'create' | 'pay';
  to: DossierStatus;
  actor: Actor;
  at: Date;
  patch?: Updateable<DossierTable>;
  note?: string | null;
  /** Set when the transition ends the step the dossier was at (a hand-over). */
  closesStep?: boolean;
  /** How an action with a time limit of its own, not a step's, was taken (the paper hand-over, R-DOS-10). */
  timeliness?: 'on_time' | 'late';
  data?: Record<string, unknown>;
  /** Tell the applicant nothing now: a later transition of the same command does. */
  quiet?: boolean;
}

/** The dossier as a patch leaves it, without reading it again (a JSON column patched as text is parsed). */
function patched(loaded: LoadedDossier, patch: Updateable<DossierTable>): LoadedDossier {
  const row = { ...loaded.row, ...patch } as LoadedDossier['row'];
  if (typeof patch.form_data === 'string')
    row.form_data = JSON.parse(patch.form_data) as typeof row.form_data;
  return { ...loaded, row };
}

/**
 * Changes a dossier and writes what happened: its action log (the control slip's source), the audit
 * trail, and the outbox message that synchronises the national portal. All in the caller's transaction.
 * Answers the dossier as the change leaves it.
 */
export async function applyTransition(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  change: Transition,
): Promise<LoadedDossier> {
  const { row } = loaded;
  const step = row.current_step === null ? null : loaded.procedure.content.steps[row.current_step];
  const patch = {
    ...change.patch,
    status: change.to,
    updated_at: change.at,
    // The national portal has not seen this state yet; its adapter marks it synced or failed.
    ...((change.patch?.code ?? loaded.row.code) !== null && change.to !== 'draft'
      ? { sync_status: 'pending' as const }
      : {}),
  };
  const code = (patch.code as string | undefined) ?? row.code;
  forgetLookup(code);
  const event = {
    dossier_id: row.id,
    at: change.at,
    action: change.action,
    from_status: change.action === 'create' ? null : row.status,
    to_status: change.to,
    actor_account_id: change.actor.accountId,
    actor_label: change.actor.label,
    agency_id: change.closesStep ? row.current_agency_id : (patch.current_agency_id ?? row.current_agency_id),
    step_index: change.closesStep ? row.current_step : null,
    step_name: change.closesStep && step ? step.name : null,
    note: change.note ?? null,
    timeliness: change.closesStep
      ? timeliness(change.at, row.step_due_at, todayInVietnam)
      : (change.timeliness ?? null),
    data: JSON.stringify(change.data ?? {}),
  };
  // The row, its action log and (once it has a code) the portal's sync message in one statement.
  // A dossier just created is already as `create` leaves it.
  const changed = tx.with('changed', (db) =>
    db
      .updateTable('dossier')
      .set(patch)
      .where('id', '=', row.id)
      .where(sql<boolean>`${change.action !== 'create'}`),
  );
  if (code !== null && change.to !== 'draft') {
    await changed
      .with('event', (db) => db.insertInto('dossier_event').values(event).returning('id'))
      .insertInto('outbox')
      .columns(['topic', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom('event')
          .select([
            sql.val('dvcqg.sync').as('topic'),
            sql<string>`jsonb_build_object('dossierId', ${row.id}::text, 'eventId', event.id)`.as('payload'),
          ]),
      )
      .execute();
  } else {
    await changed.insertInto('dossier_event').values(event).execute();
  }
  await recordEvent(tx, change.actor, {
    type: 'dossier.changed',
    entityType: 'dossier',
    entityId: row.id,
    agencyId: patch.current_agency_id ?? row.current_agency_id,
    data: { action: change.action, from: row.status, to: change.to, code },
  });
  const notice = noticeOf(change.action, loaded, {
    code,
    dueAt: (patch.due_at as Date | undefined) ?? row.due_at,
    note: change.note ?? null,
  });
  if (notice && !change.quiet) await notifyApplicant(tx, loaded, notice);
  return patched(loaded, patch);
}
