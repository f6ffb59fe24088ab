import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { RefuseBody, RequestSupplementBody, SupplementBody } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { getDueDate } from '../calendar/get-due-date.ts';
import { attachFiles } from '../files/attach-files.ts';
import { askForFee, invoicePatch, issueFeeInvoice } from './fees.ts';
import { checkComplete, submitDossier } from './file-dossier.ts';
import { type LoadedDossier } from './repository.ts';
import { applyTransition, enterStep, legalDueAt } from './transition.ts';
import { firstProcessingStep } from './workflow.ts';
import { act, type Command } from './command.ts';

export const submit = (command: Command, id: string) =>
  act(
    command,
    id,
    'submit',
    async (tx, loaded, _who, at) => (await submitDossier(tx, loaded, command.actor, at)).code,
  );

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
  const invoice = await issueFeeInvoice(tx, loaded, actor);
  const received = await applyTransition(tx, loaded, {
    action: 'receive',
    to: 'received',
    actor,
    at,
    note: note ?? null,
    patch: { received_at: at, due_at: dueAt, first_due_at: dueAt, ...stepPatch, ...invoicePatch(invoice) },
  });
  await askForFee(tx, received, invoice);
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
