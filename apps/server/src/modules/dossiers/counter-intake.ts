import type { Static } from 'typebox';
import type { CounterIntake } from '@tinhso/contracts';
import { notFound } from '../../platform/errors.ts';
import { hasAnswer, runCommand } from '../../platform/idempotency.ts';
import { procedureInForce } from '../procedures/repository.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { reaches } from './access.ts';
import { checkComplete, placeDossier, submitDossier, attachComponentFiles } from './file-dossier.ts';
import type { Command } from './handle-dossier.ts';
import { receiveDossier, refuseDossier, requestSupplementOf } from './handle-dossier.ts';
import { versionContent } from './repository.ts';
import { takeDossierCode } from './dossier-code.ts';
import { applyTransition } from './transition.ts';

/**
 * A paper (or postal) dossier at the desk: entered on the applicant's behalf, given its code, and
 * checked in the same step with exactly one outcome: receipt (form 01), supplement (02) or refusal (03).
 */
export async function counterIntake(command: Command, input: Static<typeof CounterIntake>) {
  const { db, caller, actor } = command;
  if (!reaches(caller, 'dossier.receive', input.receivingAgencyId)) throw notFound('agency');
  const { procedure, version } = await procedureInForce(db, input.procedureCode, todayInVietnam());
  const placement = await placeDossier(db, version, input);
  if (input.outcome.kind === 'receive') checkComplete(version, input, false);
  const at = new Date();
  // The code is taken before the transaction, so that receipts at one desk do not wait for each
  // other's whole transaction (ADR 0013); not for a retry that will get its first answer.
  const code = (await hasAnswer(db, command.request))
    ? undefined
    : await takeDossierCode(db, placement.receivingAgency, at);
  return runCommand(db, command.request, async (tx) => {
    const created = await tx
      .insertInto('dossier')
      .values({
        procedure_id: procedure.id,
        procedure_version_id: version.id,
        channel: input.channel,
        status: 'draft',
        // The applicant's portal account, when they have one: they follow the dossier there.
        applicant_account_id: tx
          .selectFrom('account')
          .select('id')
          .where('kind', '=', 'citizen')
          .where('personal_id', '=', input.applicant.personalId ?? '')
          .limit(1),
        created_by: caller.principal.accountId,
        applicant: JSON.stringify(input.applicant),
        applicant_name: input.applicant.fullName,
        form_data: JSON.stringify(input.formData),
        fee_case: input.feeCase ?? null,
        exemption: input.exemption ?? null,
        fee_amount: placement.feeAmount,
        delivery_method: input.deliveryMethod,
        delivery_address: input.deliveryAddress ?? null,
        receiving_agency_id: placement.receivingAgency.id,
        competent_agency_id: placement.competentAgencyId,
        current_agency_id: placement.receivingAgency.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await attachComponentFiles(tx, created.id, input.files, caller.principal.accountId, true, true);
    const content = await versionContent(tx, version.id);
    const loaded = { row: created, procedure: { code: procedure.code, version: version.version, content } };
    const draft = await applyTransition(tx, loaded, {
      action: 'create',
      to: 'draft',
      actor,
      at,
    });
    const { code: given, submitted } = await submitDossier(tx, draft, actor, at, {
      takenCode: code,
      quiet: true,
      files: input.files,
    });
    const outcome = input.outcome;
    if (outcome.kind === 'receive') await receiveDossier(tx, submitted, actor, at, outcome.note);
    else if (outcome.kind === 'request_supplement')
      await requestSupplementOf(tx, submitted, actor, at, { items: outcome.items });
    else await refuseDossier(tx, submitted, actor, at, outcome.reasons);
    return { id: created.id, code: given };
  });
}
