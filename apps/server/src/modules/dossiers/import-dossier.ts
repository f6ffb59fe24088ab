import type { Transaction } from 'kysely';
import type { Applicant } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { findProcedureByCode, versionInForce } from '../procedures/repository.ts';
import type { feeOf } from './file-dossier.ts';
import { findDossier } from './repository.ts';
import { applyTransition } from './transition.ts';

export interface ExternalDossier {
  /** The code the national portal gave it (MaHoSo); kept, so every channel shows one code. */
  code: string;
  procedureCode: string;
  /** mã định danh of the agency the citizen filed with. */
  receivingAgencyCode: string;
  competentAgencyCode?: string | null;
  applicant: Applicant;
  formData: Record<string, unknown>;
  submittedAt: Date;
  deliveryMethod: 'online' | 'counter' | 'post';
  /** The fee case the applicant chose on the portal, when the procedure has several. */
  feeCase?: number | null;
}

/** The fee of an imported dossier: the case given, else the first case (the portal collects the fee itself). */
function importedFee(version: Parameters<typeof feeOf>[0], feeCase: number | null | undefined): number {
  const fees = version.fees;
  if (feeCase !== undefined && feeCase !== null && fees.byCase[feeCase]) return fees.byCase[feeCase].amount;
  if (fees.fixed !== null) return fees.fixed;
  return fees.byCase[0]?.amount ?? 0;
}

/**
 * A dossier filed on the national portal (Cổng DVCQG) enters the back office as submitted, online,
 * under its own code, waiting for the desk's completeness check like any online dossier. Idempotent:
 * the same code twice answers the dossier already there.
 */
export async function importDossier(
  tx: Transaction<DB>,
  actor: Actor,
  input: ExternalDossier,
): Promise<{ id: string; created: boolean }> {
  const existing = await tx
    .selectFrom('dossier')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const procedure = await findProcedureByCode(tx, input.procedureCode);
  if (!procedure) throw invalid('procedureCode', 'no_such_record');
  const version = await versionInForce(tx, procedure.id, todayInVietnam(input.submittedAt));
  if (!version) throw invalid('procedureCode', 'no_such_record');
  const agencies = await tx
    .selectFrom('agency')
    .select(['id', 'code', 'kind'])
    .where('code', 'in', [
      input.receivingAgencyCode,
      input.competentAgencyCode ?? input.receivingAgencyCode,
      version.competentAgencyCode ?? input.receivingAgencyCode,
    ])
    .execute();
  const receiving = agencies.find((a) => a.code === input.receivingAgencyCode);
  if (!receiving) throw invalid('receivingAgencyCode', 'no_such_record');
  const competentCode = version.competentAgencyCode ?? input.competentAgencyCode ?? receiving.code;
  const competent = agencies.find((a) => a.code === competentCode);
  if (!competent) throw invalid('competentAgencyCode', 'no_such_record');
  if (competent.kind !== version.competentAgencyKind)
    throw conflict('competentAgencyCode', 'dossier.competentKind', { allowed: version.competentAgencyKind });
  const account = input.applicant.personalId
    ? await tx
        .selectFrom('account')
        .select('id')
        .where('kind', '=', 'citizen')
        .where('personal_id', '=', input.applicant.personalId)
        .executeTakeFirst()
    : undefined;
  const created = await tx
    .insertInto('dossier')
    .values({
      code: input.code,
      procedure_id: procedure.id,
      procedure_version_id: version.id,
      channel: 'online',
      status: 'submitted',
      applicant_account_id: account?.id ?? null,
      applicant: JSON.stringify(input.applicant),
      applicant_name: input.applicant.fullName,
      form_data: JSON.stringify(input.formData),
      fee_amount: importedFee(version, input.feeCase),
      delivery_method: input.deliveryMethod,
      receiving_agency_id: receiving.id,
      competent_agency_id: competent.id,
      current_agency_id: receiving.id,
      submitted_at: input.submittedAt,
      sync_status: 'synced',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const loaded = (await findDossier(tx, created.id))!;
  await applyTransition(tx, loaded, {
    action: 'submit',
    to: 'submitted',
    actor,
    at: input.submittedAt,
    note: 'Tiếp nhận từ Cổng Dịch vụ công quốc gia',
    data: { source: 'dvcqg' },
  });
  return { id: created.id, created: true };
}

/** The national portal acknowledged (or refused) the state the dossier is in. */
export async function setSyncStatus(
  tx: Transaction<DB>,
  dossierId: string,
  status: 'synced' | 'failed' | 'pending',
): Promise<void> {
  await tx.updateTable('dossier').set({ sync_status: status }).where('id', '=', dossierId).execute();
}
