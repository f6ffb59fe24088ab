import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { ConsultBody, ForwardBody, ReplyConsultationBody, TransferBody } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { reaches } from './access.ts';
import { type LoadedDossier } from './repository.ts';
import { applyTransition, enterStep, stepAgency } from './transition.ts';
import { act, loadForCommand, type Command } from './command.ts';
import { checkAssignee } from './forward-assignees.ts';

async function moveToStep(
  command: Command,
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  at: Date,
  action: 'forward' | 'send_back',
  index: number,
  note: string | null,
  assigneeId?: string | null,
) {
  const processingAgency =
    loaded.row.current_agency_id === loaded.row.receiving_agency_id
      ? loaded.row.competent_agency_id
      : loaded.row.current_agency_id;
  const agencyId = stepAgency(loaded, index, processingAgency);
  const step = loaded.procedure.content.steps[index];
  const assignee = step ? await checkAssignee(tx, assigneeId, { stepIndex: index, step, agencyId }) : null;
  await applyTransition(tx, loaded, {
    action,
    to: 'in_process',
    actor: command.actor,
    at,
    note,
    closesStep: true,
    patch: await enterStep(tx, loaded, index, at, agencyId, assignee),
  });
}

export const forward = (command: Command, id: string, body: Static<typeof ForwardBody>) =>
  act(command, id, 'forward', (tx, loaded, _who, at) =>
    moveToStep(
      command,
      tx,
      loaded,
      at,
      'forward',
      loaded.row.current_step! + 1,
      body.note ?? null,
      body.assigneeId,
    ),
  );

export const sendBack = (command: Command, id: string, reason: string) =>
  act(command, id, 'send_back', (tx, loaded, _who, at) =>
    moveToStep(command, tx, loaded, at, 'send_back', loaded.row.current_step! - 1, reason),
  );

/** Lấy ý kiến: another agency is asked, with its own deadline; the dossier stays where it is. */
export const consult = (command: Command, id: string, body: Static<typeof ConsultBody>) =>
  act(command, id, 'consult', async (tx, loaded, _who, at) => {
    await assertOtherAgency(tx, body.agencyId, loaded.row.current_agency_id);
    if (body.dueDate < todayInVietnam(at)) throw invalid('dueDate', 'minimum', { limit: todayInVietnam(at) });
    const created = await tx
      .insertInto('dossier_consultation')
      .values({
        dossier_id: id,
        agency_id: body.agencyId,
        question: body.question,
        due_date: body.dueDate,
        asked_at: at,
        asked_by: command.caller.principal.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await applyTransition(tx, loaded, {
      action: 'consult',
      to: 'in_process',
      actor: command.actor,
      at,
      note: body.question,
      data: { consultationId: created.id, agencyId: body.agencyId, dueDate: body.dueDate },
    });
    return created.id;
  });

async function assertOtherAgency(tx: Transaction<DB>, agencyId: string, currentAgencyId: string) {
  const agency = await tx.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw invalid('agencyId', 'no_such_record');
  if (agencyId === currentAgencyId) throw invalid('agencyId', 'dossier.sameAgency');
}

/** The consulted agency answers: anyone holding dossier.process there. */
export const replyConsultation = (
  command: Command,
  id: string,
  consultationId: string,
  body: Static<typeof ReplyConsultationBody>,
) =>
  runCommand(command.db, command.request, async (tx) => {
    const loaded = await loadForCommand(tx, command.caller, id);
    const consultation = await tx
      .selectFrom('dossier_consultation')
      .selectAll()
      .where('id', '=', consultationId)
      .where('dossier_id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!consultation || !reaches(command.caller, 'dossier.process', consultation.agency_id))
      throw notFound('consultation');
    if (consultation.answered_at !== null) throw conflict('consultationId', 'dossier.consultationAnswered');
    const at = new Date();
    await tx
      .updateTable('dossier_consultation')
      .set({ answer: body.answer, answered_at: at, answered_by: command.caller.principal.accountId })
      .where('id', '=', consultationId)
      .execute();
    await applyTransition(tx, loaded, {
      action: 'reply_consultation',
      to: loaded.row.status,
      actor: command.actor,
      at,
      note: body.answer,
      patch: {},
      data: {
        consultationId,
        agencyId: consultation.agency_id,
        late: todayInVietnam(at) > consultation.due_date,
      },
    });
  });

/** Liên thông: the dossier is handed to another agency at the same step; the hand-over is logged. */
export const transfer = (command: Command, id: string, body: Static<typeof TransferBody>) =>
  act(command, id, 'transfer', async (tx, loaded, _who, at) => {
    await assertOtherAgency(tx, body.agencyId, loaded.row.current_agency_id);
    await applyTransition(tx, loaded, {
      action: 'transfer',
      to: 'in_process',
      actor: command.actor,
      at,
      note: body.note,
      closesStep: true,
      data: { toAgencyId: body.agencyId },
      patch: await enterStep(tx, loaded, loaded.row.current_step ?? 0, at, body.agencyId),
    });
  });

/**
 * Form 04: an apology with a new date, at the latest one working day before the due date (NĐ 61
 * Art 19.9); the state machine allows it once per dossier.
 */
