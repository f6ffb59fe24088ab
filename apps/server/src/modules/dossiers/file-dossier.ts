import type { Transaction } from 'kysely';
import type { AttachedFile, CreateDraft, ProcedureContent, UpdateDraft } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid, notFound, type FieldIssue } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { attachFiles } from '../files/attach-files.ts';
import { checkFormData } from '../procedures/form-data.ts';
import { agencyRef, agencyRefByCode } from '../organisation/agency-refs.ts';
import { procedureInForce } from '../procedures/repository.ts';
import { nextDossierCode } from './dossier-code.ts';
import { recordEvent } from '../audit/record-event.ts';
import { capacitiesOf, type Caller } from './access.ts';
import { findDossier, lockDossier, type LoadedDossier } from './repository.ts';
import { applyTransition, assertAllowed } from './transition.ts';

type DossierInput = UpdateDraft;

interface Placement {
  receivingAgency: { id: string; code: string };
  competentAgencyId: string;
  feeAmount: number;
}

/**
 * Where a dossier is received and decided, and what it costs (phi địa giới, R-DOS-17): any agency of
 * a receiving kind in the province receives; the competent agency is the one the procedure names, the
 * receiving agency when it is of the competent kind, or the one the applicant chose.
 */
export async function placeDossier(
  db: Db,
  content: ProcedureContent,
  input: DossierInput,
): Promise<Placement> {
  const receiving = await agencyRef(db, input.receivingAgencyId);
  if (!receiving) throw invalid('receivingAgencyId', 'no_such_record');
  if (!content.receivingAgencyKinds.includes(receiving.kind))
    throw invalid('receivingAgencyId', 'dossier.receivingKind', {
      allowed: content.receivingAgencyKinds.join(', '),
    });
  let competentAgencyId: string;
  if (content.competentAgencyCode) {
    const named = await agencyRefByCode(db, content.competentAgencyCode);
    if (!named)
      throw new AppError('internal', { detail: `competent agency ${content.competentAgencyCode} missing` });
    competentAgencyId = named.id;
  } else if (input.competentAgencyId) {
    const chosen = await agencyRef(db, input.competentAgencyId);
    if (!chosen) throw invalid('competentAgencyId', 'no_such_record');
    if (chosen.kind !== content.competentAgencyKind)
      throw invalid('competentAgencyId', 'dossier.competentKind', { allowed: content.competentAgencyKind });
    competentAgencyId = chosen.id;
  } else if (receiving.kind === content.competentAgencyKind) {
    competentAgencyId = receiving.id;
  } else {
    throw invalid('competentAgencyId', 'required');
  }
  return { receivingAgency: receiving, competentAgencyId, feeAmount: feeOf(content, input) };
}

/** The fee due: nothing when exempt, else the fixed amount or the amount of the chosen case. */
export function feeOf(content: ProcedureContent, input: Pick<DossierInput, 'feeCase' | 'exemption'>): number {
  const { fees } = content;
  if (input.exemption !== undefined && input.exemption !== null) {
    if (input.exemption >= fees.exemptions.length)
      throw invalid('exemption', 'maximum', { limit: fees.exemptions.length - 1 });
    return 0;
  }
  if (input.feeCase !== undefined && input.feeCase !== null) {
    const chosen = fees.byCase[input.feeCase];
    if (!chosen) throw invalid('feeCase', 'maximum', { limit: fees.byCase.length - 1 });
    return chosen.amount;
  }
  if (fees.fixed !== null) return fees.fixed;
  if (fees.byCase.length > 0) throw invalid('feeCase', 'required');
  return 0;
}

function checkFiles(content: ProcedureContent, files: AttachedFile[], requireAll: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  files.forEach((file, index) => {
    if (file.componentIndex >= content.components.length)
      issues.push({
        field: `files.${index}.componentIndex`,
        key: 'dossier.noSuchComponent',
        params: { index: file.componentIndex },
      });
  });
  if (requireAll) {
    content.components.forEach((component, index) => {
      if (component.required && component.kind !== 'shown' && !files.some((f) => f.componentIndex === index))
        issues.push({
          field: `components.${index}`,
          key: 'dossier.missingComponent',
          params: { name: component.name },
        });
    });
  }
  return issues;
}

/** Everything a complete dossier must satisfy: the form, the files of every required component, the delivery. */
export function checkComplete(content: ProcedureContent, input: DossierInput, requireFiles: boolean): void {
  const issues = [
    ...checkFormData(content.form, input.formData, 'formData'),
    ...checkFiles(content, input.files, requireFiles),
  ];
  if (input.deliveryMethod === 'post' && !input.deliveryAddress)
    issues.push({ field: 'deliveryAddress', key: 'dossier.deliveryAddress' });
  if (issues.length) throw new AppError('validation', { issues });
}

const draftColumns = (input: DossierInput, placement: Placement) => ({
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
});

/** Attaches the files not yet attached, each to its component; scans at the desk are digitised (DuocSoHoa). */
export async function attachComponentFiles(
  tx: Transaction<DB>,
  dossierId: string,
  files: AttachedFile[],
  ownerAccountId: string | null,
  digitised: boolean,
  /** A dossier inserted in this transaction: no files to keep. */
  isNew = false,
) {
  const kept = isNew
    ? []
    : await tx
        .selectFrom('dossier_file')
        .select('file_id')
        .where('dossier_id', '=', dossierId)
        .where('purpose', '=', 'component')
        .execute();
  const keptIds = new Set(kept.map((row) => row.file_id));
  const added = files.filter((file) => !keptIds.has(file.fileId));
  if (added.length === 0) return;
  await attachFiles(tx, {
    fileIds: added.map((file) => file.fileId),
    ownerAccountId,
    kind: 'dossier',
    id: dossierId,
  });
  await tx
    .insertInto('dossier_file')
    .values(
      added.map((file) => ({
        dossier_id: dossierId,
        file_id: file.fileId,
        purpose: 'component' as const,
        component_index: file.componentIndex,
        digitised,
      })),
    )
    .execute();
}

/** A citizen's draft: saved as it is (the form may be half filled), checked in full at submission. */
export async function createDraft(db: Db, caller: Caller, actor: Actor, input: CreateDraft) {
  const { principal } = caller;
  const { procedure, version } = await procedureInForce(db, input.procedureCode, todayInVietnam());
  const placement = await placeDossier(db, version, input);
  const issues = checkFiles(version, input.files, false);
  if (issues.length) throw new AppError('validation', { issues });
  return db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto('dossier')
      .values({
        procedure_id: procedure.id,
        procedure_version_id: version.id,
        channel: 'online',
        status: 'draft',
        applicant_account_id: principal.accountId,
        created_by: principal.accountId,
        ...draftColumns(input, placement),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await attachComponentFiles(tx, created.id, input.files, principal.accountId, false, true);
    const loaded = (await findDossier(tx, created.id))!;
    await applyTransition(tx, loaded, { action: 'create', to: 'draft', actor, at: new Date() });
    return created.id;
  });
}

export async function updateDraft(db: Db, caller: Caller, id: string, input: UpdateDraft) {
  const { principal } = caller;
  const current = await findDossier(db, id);
  if (!current || current.row.applicant_account_id !== principal.accountId) throw notFound('dossier');
  const placement = await placeDossier(db, current.procedure.content, input);
  const issues = checkFiles(current.procedure.content, input.files, false);
  if (issues.length) throw new AppError('validation', { issues });
  await db.transaction().execute(async (tx) => {
    const loaded = await lockDossier(tx, id);
    await assertAllowed(tx, 'edit', loaded, capacitiesOf(caller, loaded.row));
    await tx
      .updateTable('dossier')
      .set({ ...draftColumns(input, placement), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const wanted = new Set(input.files.map((file) => file.fileId));
    await tx
      .deleteFrom('dossier_file')
      .where('dossier_id', '=', id)
      .where('purpose', '=', 'component')
      .$if(wanted.size > 0, (q) => q.where('file_id', 'not in', [...wanted]))
      .execute();
    await attachComponentFiles(tx, id, input.files, principal.accountId, false);
  });
}

/** Deletes a draft: nothing was filed, so nothing is kept but the audit record. */
export async function discardDraft(db: Db, caller: Caller, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const loaded = await lockDossier(tx, id);
    if (loaded.row.applicant_account_id !== caller.principal.accountId) throw notFound('dossier');
    await assertAllowed(tx, 'discard', loaded, capacitiesOf(caller, loaded.row));
    await tx.deleteFrom('dossier_file').where('dossier_id', '=', id).execute();
    await tx.deleteFrom('dossier_event').where('dossier_id', '=', id).execute();
    await tx.deleteFrom('dossier').where('id', '=', id).execute();
    await recordEvent(tx, actor, {
      type: 'dossier.changed',
      entityType: 'dossier',
      entityId: id,
      data: { action: 'discard', from: 'draft', to: 'draft', code: null },
    });
  });
}

/** Gives the dossier its code at the receiving agency (R-DOS-1) and puts it in the desk's queue. */
export async function submitDossier(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
  at: Date,
  options: {
    /** A code taken beforehand (`takeDossierCode`); else the next one is taken here. */
    takenCode?: string | undefined;
    /** No "submitted" notice: the desk's outcome, in the same transaction, tells the applicant. */
    quiet?: boolean;
    /** The component files, when the caller attached them in this transaction (not read again). */
    files?: AttachedFile[];
  } = {},
): Promise<{ code: string; submitted: LoadedDossier }> {
  const { content } = loaded.procedure;
  const input: DossierInput = {
    receivingAgencyId: loaded.row.receiving_agency_id,
    applicant: loaded.row.applicant,
    formData: loaded.row.form_data,
    deliveryMethod: loaded.row.delivery_method,
    deliveryAddress: loaded.row.delivery_address,
    files:
      options.files ??
      (
        await tx
          .selectFrom('dossier_file')
          .select(['file_id', 'component_index'])
          .where('dossier_id', '=', loaded.row.id)
          .where('purpose', '=', 'component')
          .execute()
      ).map((f) => ({ fileId: f.file_id, componentIndex: f.component_index ?? 0 })),
  };
  checkComplete(content, input, loaded.row.channel === 'online');
  const code =
    options.takenCode ??
    (await nextDossierCode(
      tx,
      await tx
        .selectFrom('agency')
        .select(['id', 'code'])
        .where('id', '=', loaded.row.receiving_agency_id)
        .executeTakeFirstOrThrow(),
      at,
    ));
  const submitted = await applyTransition(tx, loaded, {
    action: 'submit',
    to: 'submitted',
    actor,
    at,
    patch: { code, submitted_at: at },
    quiet: options.quiet ?? false,
  });
  return { code, submitted };
}
