import type { Static } from 'typebox';
import type { CounterIntake } from '@tinhso/contracts';
import { notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { getProcedureByCode, getVersionInForce } from '../procedures/repository.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { reaches } from './access.ts';
import { checkComplete, placeDossier, submitDossier, attachComponentFiles } from './file-dossier.ts';
import type { Command } from './handle-dossier.ts';
import { receiveDossier, refuseDossier, requestSupplementOf } from './handle-dossier.ts';
import { findDossier } from './repository.ts';
import { applyTransition } from './transition.ts';

/**
 * A paper (or postal) dossier at the desk: entered on the applicant's behalf, given its code, and
 * checked in the same step with exactly one outcome: receipt (form 01), supplement (02) or refusal (03).
 */
export async function counterIntake(command: Command, input: Static<typeof CounterIntake>) {
  const { db, caller, actor } = command;
  if (!reaches(caller, 'dossier.receive', input.receivingAgencyId)) throw notFound('agency');
  const procedure = await getProcedureByCode(db, input.procedureCode);
  const version = await getVersionInForce(db, procedure.id, todayInVietnam());
  const placement = await placeDossier(db, version, input);
  if (input.outcome.kind === 'receive') checkComplete(version, input, false);
  return runCommand(db, command.request, async (tx) => {
    const at = new Date();
    const applicant = await tx
      .selectFrom('account')
      .select('id')
      .where('kind', '=', 'citizen')
      .where('personal_id', '=', input.applicant.personalId ?? '')
      .executeTakeFirst();
    const created = await tx
      .insertInto('dossier')
      .values({
        procedure_id: procedure.id,
        procedure_version_id: version.id,
        channel: input.channel,
        status: 'draft',
        applicant_account_id: applicant?.id ?? null,
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
      .returning('id')
      .executeTakeFirstOrThrow();
    await attachComponentFiles(tx, created.id, input.files, caller.principal.accountId, true);
    const fresh = async () => (await findDossier(tx, created.id))!;
    await applyTransition(tx, await fresh(), { action: 'create', to: 'draft', actor, at });
    const code = await submitDossier(tx, await fresh(), actor, at);
    const outcome = input.outcome;
    if (outcome.kind === 'receive') await receiveDossier(tx, await fresh(), actor, at, outcome.note);
    else if (outcome.kind === 'request_supplement')
      await requestSupplementOf(tx, await fresh(), actor, at, { items: outcome.items });
    else await refuseDossier(tx, await fresh(), actor, at, outcome.reasons);
    return { id: created.id, code };
  });
}
