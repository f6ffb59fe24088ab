import type { Db } from '../../platform/db.ts';
import '../dossiers/tables.ts';
import '../files/tables.ts';
import '../payments/tables.ts';
import type { DossierSnapshot, SnapshotFile } from './build-payload.ts';

/**
 * Reads what the portal must know of one dossier, read-only, from the one-stop tables (dossier,
 * dossier_event, dossier_file + stored_file, procedure_version, agency) and the fee invoice. Null
 * when the dossier does not exist or has no code (a draft, unknown to the portal).
 */
export async function readSnapshot(db: Db, dossierId: string): Promise<DossierSnapshot | null> {
  const dossier = await db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .innerJoin('agency as r', 'r.id', 'd.receiving_agency_id')
    .selectAll('d')
    .select(['p.code as procedure_code', 'v.content as procedure_content', 'r.code as receiving_code'])
    .where('d.id', '=', dossierId)
    .executeTakeFirst();
  if (!dossier?.code) return null;

  const [files, events, invoices] = await Promise.all([
    db
      .selectFrom('dossier_file as f')
      .innerJoin('stored_file as s', 's.id', 'f.file_id')
      .select(['f.file_id', 'f.purpose', 'f.component_index', 'f.digitised', 's.name', 's.sha256'])
      .where('f.dossier_id', '=', dossierId)
      // Files attached together share attached_at: the component's place in the procedure orders them.
      .orderBy('f.component_index')
      .orderBy('f.attached_at')
      .orderBy('f.file_id')
      .execute(),
    db
      .selectFrom('dossier_event as e')
      .leftJoin('agency as a', 'a.id', 'e.agency_id')
      .select([
        'e.at',
        'e.action',
        'e.to_status',
        'e.actor_label',
        'a.name as agency_name',
        'e.step_name',
        'e.note',
      ])
      .where('e.dossier_id', '=', dossierId)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('fee_invoice')
      .select(['description', 'amount_vnd', 'paid_online', 'status'])
      .where('subject_kind', '=', 'dossier')
      .where('subject_id', '=', dossierId)
      .where('status', '!=', 'cancelled')
      .orderBy('created_at')
      .execute(),
  ]);

  const content = dossier.procedure_content;
  const toFile = (file: (typeof files)[number]): SnapshotFile => ({
    id: file.file_id,
    name: file.name,
    sha256: file.sha256,
    componentName:
      file.component_index === null ? null : (content.components[file.component_index]?.name ?? null),
    digitised: file.digitised,
  });
  const result = files.find(
    (file) => file.purpose === 'result' && (dossier.result_file_id ?? file.file_id) === file.file_id,
  );
  const fees = invoices.length
    ? invoices.map((invoice) => ({
        description: invoice.description,
        amountVnd: invoice.amount_vnd,
        paidOnline: invoice.status === 'paid' ? invoice.paid_online : null,
      }))
    : dossier.fee_amount > 0
      ? [{ description: `Lệ phí: ${content.name}`, amountVnd: dossier.fee_amount, paidOnline: null }]
      : [];

  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    channel: dossier.channel,
    procedureCode: dossier.procedure_code,
    deadline: content.deadline,
    submittedAt: dossier.submitted_at,
    receivedAt: dossier.received_at,
    dueAt: dossier.due_at,
    resolvedAt: dossier.resolved_at,
    returnedAt: dossier.returned_at,
    endedAt: dossier.ended_at,
    applicant: { fullName: dossier.applicant.fullName, personalId: dossier.applicant.personalId ?? null },
    receivingAgencyCode: dossier.receiving_code,
    components: files.filter((file) => file.purpose === 'component').map(toFile),
    result: result ? toFile(result) : null,
    events: events.map((event) => ({
      at: event.at,
      action: event.action,
      toStatus: event.to_status,
      actorLabel: event.actor_label,
      agencyName: event.agency_name,
      stepName: event.step_name,
      note: event.note,
    })),
    fees,
  };
}
