import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { ApologiseBody, DossierStatus, RatingBody, ResolveBody, StopBody } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { getDueDate } from '../calendar/get-due-date.ts';
import { attachFiles } from '../files/attach-files.ts';
import { findDossier, type LoadedDossier } from './repository.ts';
import { applyTransition, enterStep } from './transition.ts';
import { decisionStepIndex } from './workflow.ts';
import { act, type Command } from './command.ts';
import { sealResultUpload } from './seal-result.ts';

const END_OF_DAY = (day: string) => new Date(`${day}T17:00:00+07:00`);

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

/**
 * The decision: approved or refused, with the result; the dossier goes back to the desk to be
 * returned. A PDF result is sealed by the competent agency here, once (seal-result.ts): the sealed
 * copy is the result the applicant downloads, the upload is kept attached beside it.
 */
export async function resolve(command: Command, id: string, body: Static<typeof ResolveBody>) {
  const uploadId = body.resultFileId ?? null;
  const sealedId = uploadId === null ? null : await sealResultUpload(command, id, uploadId);
  return act(command, id, 'resolve', async (tx, loaded, _who, at) => {
    const { row } = loaded;
    const resultFileId = sealedId ?? uploadId;
    if (row.delivery_method === 'online' && body.outcome === 'approved' && resultFileId === null)
      throw invalid('resultFileId', 'dossier.resultRequired');
    if (uploadId !== null && resultFileId !== null) {
      await attachFiles(tx, {
        fileIds: sealedId === null ? [uploadId] : [uploadId, sealedId],
        ownerAccountId: command.caller.principal.accountId,
        kind: 'dossier',
        id,
        field: 'resultFileId',
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
      data: { outcome: body.outcome, ...(sealedId === null ? {} : { sealedResult: true }) },
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
}

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
