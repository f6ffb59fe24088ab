import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type {
  ApologiseBody,
  ConsultBody,
  DossierAction,
  DossierStatus,
  ForwardBody,
  RatingBody,
  RefuseBody,
  ReplyConsultationBody,
  RequestSupplementBody,
  ResolveBody,
  StopBody,
  SupplementBody,
  TransferBody,
} from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { getDueDate } from '../calendar/get-due-date.ts';
import { attachFiles } from '../files/attach-files.ts';
import { canSee, capacitiesOf, reaches, type Caller } from './access.ts';
import { invoiceFee } from './fees.ts';
import { checkComplete, submitDossier } from './file-dossier.ts';
import { findDossier, lockDossier, type LoadedDossier } from './repository.ts';
import { applyTransition, assertAllowed, enterStep, legalDueAt, stepAgency } from './transition.ts';
import { decisionStepIndex, firstProcessingStep, type Capacities } from './workflow.ts';

export interface Command {
  db: Db;
  request: FastifyRequest;
  caller: Caller;
  actor: Actor;
}

type Step<T> = (tx: Transaction<DB>, loaded: LoadedDossier, who: Capacities, at: Date) => Promise<T>;

async function loadForCommand(tx: Transaction<DB>, caller: Caller, id: string) {
  const loaded = await lockDossier(tx, id);
  const consulted = await tx
    .selectFrom('dossier_consultation')
    .select('agency_id')
    .where('dossier_id', '=', id)
    .execute();
  if (
    !canSee(
      caller,
      loaded.row,
      consulted.map((c) => c.agency_id),
    )
  )
    throw notFound('dossier');
  return loaded;
}

/** One action on one dossier: in one transaction, on the locked row, if the state machine allows it. */
function act<T>(command: Command, id: string, action: DossierAction, step: Step<T>): Promise<T> {
  return runCommand(command.db, command.request, async (tx) => {
    const loaded = await loadForCommand(tx, command.caller, id);
    const who = capacitiesOf(command.caller, loaded.row);
    await assertAllowed(tx, action, loaded, who);
    return step(tx, loaded, who, new Date());
  });
}

const END_OF_DAY = (day: string) => new Date(`${day}T17:00:00+07:00`);

export const submit = (command: Command, id: string) =>
  act(command, id, 'submit', (tx, loaded, _who, at) => submitDossier(tx, loaded, command.actor, at));

/** Form 01: the dossier is complete; its legal deadline starts and it goes to the first processing step. */
export async function receiveDossier(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
  at: Date,
  note?: string,
) {
  const dueAt = await legalDueAt(tx, loaded, at);
  const stepPatch = await enterStep(
    tx,
    loaded,
    firstProcessingStep(loaded.procedure.content.steps),
    at,
    loaded.row.competent_agency_id,
  );
  await applyTransition(tx, loaded, {
    action: 'receive',
    to: 'received',
    actor,
    at,
    note: note ?? null,
    patch: { received_at: at, due_at: dueAt, ...stepPatch },
  });
  await invoiceFee(tx, loaded.row.id, actor);
}

export const receive = (command: Command, id: string, note?: string) =>
  act(command, id, 'receive', (tx, loaded, _who, at) => receiveDossier(tx, loaded, command.actor, at, note));

/** Form 02: every missing item at once; at appraisal, within 3 working days of receipt or justified. */
export async function requestSupplementOf(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
  at: Date,
  body: Static<typeof RequestSupplementBody>,
) {
  const stage = loaded.row.status === 'submitted' ? 'reception' : 'appraisal';
  if (stage === 'appraisal' && loaded.row.received_at && !body.justification) {
    const limit = await getSetting(tx, 'dossier.supplementWithinWorkingDays');
    const window = await getDueDate(tx, {
      receivedAt: loaded.row.received_at,
      amount: limit,
      unit: 'working_day',
      cutOff: '23:59',
    });
    if (at.getTime() > new Date(window.dueAt).getTime())
      throw invalid('justification', 'dossier.supplementLate', { limit, date: window.dueDate });
  }
  await tx
    .insertInto('dossier_supplement')
    .values({
      dossier_id: loaded.row.id,
      stage,
      items: JSON.stringify(body.items),
      justification: body.justification ?? null,
      requested_at: at,
    })
    .execute();
  await applyTransition(tx, loaded, {
    action: 'request_supplement',
    to: 'supplement_requested',
    actor,
    at,
    note: body.items.map((item) => item.name).join('; '),
    data: { stage, items: body.items, justification: body.justification ?? null },
  });
}

export const requestSupplement = (command: Command, id: string, body: Static<typeof RequestSupplementBody>) =>
  act(command, id, 'request_supplement', (tx, loaded, _who, at) =>
    requestSupplementOf(tx, loaded, command.actor, at, body),
  );

/** Form 03: refused at reception, with its reasons. */
export async function refuseDossier(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
  at: Date,
  reasons: string[],
) {
  await applyTransition(tx, loaded, {
    action: 'refuse',
    to: 'not_received',
    actor,
    at,
    note: reasons.join('; '),
    data: { reasons },
    patch: { ended_at: at, current_step: null, assignee_account_id: null },
  });
}

export const refuse = (command: Command, id: string, body: Static<typeof RefuseBody>) =>
  act(command, id, 'refuse', (tx, loaded, _who, at) =>
    refuseDossier(tx, loaded, command.actor, at, body.reasons),
  );

/**
 * The applicant (or the desk for them) completes a supplement request. At reception the dossier goes
 * back to the desk's check; at appraisal the legal deadline starts again from now (NĐ 61 Art 19.4).
 */
export const supplement = (command: Command, id: string, body: Static<typeof SupplementBody>) =>
  act(command, id, 'supplement', async (tx, loaded, who, at) => {
    const open = await tx
      .selectFrom('dossier_supplement')
      .select(['id', 'stage'])
      .where('dossier_id', '=', id)
      .where('completed_at', 'is', null)
      .orderBy('requested_at', 'desc')
      .executeTakeFirstOrThrow();
    const formData = body.formData ?? loaded.row.form_data;
    const existing = await tx
      .selectFrom('dossier_file')
      .select(['file_id', 'component_index'])
      .where('dossier_id', '=', id)
      .where('purpose', '=', 'component')
      .execute();
    const files = [
      ...existing.map((f) => ({ fileId: f.file_id, componentIndex: f.component_index ?? 0 })),
      ...body.files,
    ];
    checkComplete(
      loaded.procedure.content,
      { ...inputOf(loaded), formData, files },
      loaded.row.channel === 'online',
    );
    await attachFiles(tx, {
      fileIds: body.files.map((f) => f.fileId),
      ownerAccountId: command.caller.principal.accountId,
      kind: 'dossier',
      id,
    });
    for (const file of body.files) {
      await tx
        .insertInto('dossier_file')
        .values({
          dossier_id: id,
          file_id: file.fileId,
          purpose: 'component',
          component_index: file.componentIndex,
          digitised: !who.applicant,
        })
        .execute();
    }
    await tx.updateTable('dossier_supplement').set({ completed_at: at }).where('id', '=', open.id).execute();
    const restart =
      open.stage === 'appraisal'
        ? {
            due_at: await legalDueAt(tx, loaded, at),
            ...(await enterStep(tx, loaded, loaded.row.current_step ?? 0, at, loaded.row.current_agency_id)),
          }
        : {};
    await applyTransition(tx, loaded, {
      action: 'supplement',
      to: open.stage === 'appraisal' ? 'in_process' : 'submitted',
      actor: command.actor,
      at,
      note: body.note ?? null,
      patch: { form_data: JSON.stringify(formData), ...restart },
    });
  });

function inputOf(loaded: LoadedDossier) {
  const { row } = loaded;
  return {
    receivingAgencyId: row.receiving_agency_id,
    applicant: row.applicant,
    formData: row.form_data,
    deliveryMethod: row.delivery_method,
    deliveryAddress: row.delivery_address,
    files: [],
  };
}

/** The assignee of a step must hold a post, today, at the agency where the step is worked. */
async function checkAssignee(tx: Transaction<DB>, assigneeId: string | null | undefined, agencyId: string) {
  if (!assigneeId) return null;
  const found = await tx
    .selectFrom('official as o')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select('o.account_id')
    .where('o.account_id', '=', assigneeId)
    .where('p.agency_id', '=', agencyId)
    .where('ap.starts_on', '<=', todayInVietnam())
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', todayInVietnam())]))
    .executeTakeFirst();
  if (!found) throw invalid('assigneeId', 'dossier.assigneeNotInAgency');
  return assigneeId;
}

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
  const assignee = await checkAssignee(tx, assigneeId, agencyId);
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
export const apologise = (command: Command, id: string, body: Static<typeof ApologiseBody>) =>
  act(command, id, 'apologise', async (tx, loaded, _who, at) => {
    const dueAt = loaded.row.due_at!;
    const dueDay = todayInVietnam(dueAt);
    const lead = await getSetting(tx, 'dossier.apologyLeadWorkingDays');
    const earliestDue = await getDueDate(tx, {
      receivedAt: at,
      amount: lead,
      unit: 'working_day',
      cutOff: '23:59',
    });
    if (earliestDue.dueDate > dueDay)
      throw invalid('newDueDate', 'dossier.apologyTooLate', { limit: lead, date: dueDay });
    if (body.newDueDate <= dueDay) throw invalid('newDueDate', 'dossier.newDateNotLater', { date: dueDay });
    await applyTransition(tx, loaded, {
      action: 'apologise',
      to: loaded.row.status,
      actor: command.actor,
      at,
      note: body.reason,
      data: { previousDueAt: dueAt.toISOString(), newDueDate: body.newDueDate },
      patch: { original_due_at: dueAt, due_at: END_OF_DAY(body.newDueDate), rescheduled: true },
    });
  });

/** The decision: approved or refused, with the result; the dossier goes back to the desk to be returned. */
export const resolve = (command: Command, id: string, body: Static<typeof ResolveBody>) =>
  act(command, id, 'resolve', async (tx, loaded, _who, at) => {
    const { row } = loaded;
    const resultFileId = body.resultFileId ?? null;
    if (row.delivery_method === 'online' && body.outcome === 'approved' && resultFileId === null)
      throw invalid('resultFileId', 'dossier.resultRequired');
    if (resultFileId !== null) {
      await attachFiles(tx, {
        fileIds: [resultFileId],
        ownerAccountId: command.caller.principal.accountId,
        kind: 'dossier',
        id,
      });
      await tx
        .insertInto('dossier_file')
        .values({
          dossier_id: id,
          file_id: resultFileId,
          purpose: 'result',
          component_index: null,
          digitised: true,
        })
        .execute();
    }
    const steps = loaded.procedure.content.steps;
    const next = decisionStepIndex(steps) + 1;
    const stepPatch =
      next < steps.length
        ? await enterStep(tx, loaded, next, at, row.receiving_agency_id)
        : { current_step: null, assignee_account_id: null };
    await applyTransition(tx, loaded, {
      action: 'resolve',
      to: 'resolved',
      actor: command.actor,
      at,
      note: body.note ?? null,
      closesStep: true,
      data: { outcome: body.outcome },
      patch: {
        resolved_at: at,
        outcome: body.outcome,
        result_file_id: resultFileId,
        delivery_status: 'ready',
        ...stepPatch,
      },
    });
    if (row.delivery_method === 'online') {
      const resolved = (await findDossier(tx, id))!;
      await returnResult(tx, resolved, command.actor, at, 'Trả kết quả trực tuyến');
    }
  });

async function returnResult(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
  at: Date,
  note: string | null,
) {
  await applyTransition(tx, loaded, {
    action: 'return',
    to: 'returned',
    actor,
    at,
    note,
    closesStep: loaded.row.current_step !== null,
    patch: {
      returned_at: at,
      ended_at: at,
      delivery_status: 'delivered',
      current_step: null,
      assignee_account_id: null,
    },
  });
}

export const returnToApplicant = (command: Command, id: string, note?: string) =>
  act(command, id, 'return', (tx, loaded, _who, at) =>
    returnResult(tx, loaded, command.actor, at, note ?? null),
  );

function ending(action: 'stop' | 'withdraw', to: DossierStatus) {
  return (command: Command, id: string, body: Static<typeof StopBody> | { reason?: string }) =>
    act(command, id, action, async (tx, loaded, _who, at) => {
      const open = await tx
        .selectFrom('dossier_supplement')
        .select('id')
        .where('dossier_id', '=', id)
        .where('completed_at', 'is', null)
        .execute();
      if (open.length)
        await tx
          .updateTable('dossier_supplement')
          .set({ completed_at: at })
          .where('dossier_id', '=', id)
          .where('completed_at', 'is', null)
          .execute();
      await applyTransition(tx, loaded, {
        action,
        to,
        actor: command.actor,
        at,
        note: body.reason ?? null,
        closesStep: loaded.row.current_step !== null,
        patch: { ended_at: at, current_step: null, assignee_account_id: null },
      });
    });
}

/** Form 05: processing stops (a legal reason); the applicant withdraws (rút hồ sơ). */
export const stop = ending('stop', 'stopped');
export const withdraw = ending('withdraw', 'withdrawn');

/** The applicant's rating (NĐ 61 Art 31, TT 01/2018 indices 3, 4, 7), once per dossier. */
export const rate = (command: Command, id: string, body: Static<typeof RatingBody>) =>
  act(command, id, 'rate', async (tx, loaded, _who, at) => {
    await tx
      .insertInto('dossier_rating')
      .values({
        dossier_id: id,
        account_id: command.caller.principal.accountId,
        satisfaction: body.satisfaction,
        contacts_to_complete: body.contactsToComplete ?? null,
        agencies_contacted: body.agenciesContacted ?? null,
        staff_attitude: body.staffAttitude ?? null,
        comment: body.comment ?? null,
        rated_at: at,
      })
      .execute();
    await applyTransition(tx, loaded, {
      action: 'rate',
      to: loaded.row.status,
      actor: command.actor,
      at,
      note: body.comment ?? null,
      data: { satisfaction: body.satisfaction },
    });
  });
