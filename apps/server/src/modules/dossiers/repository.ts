import type { Selectable, Transaction } from 'kysely';
import {
  CHANNEL_CODES,
  DVCQG_STATUS_CODES,
  type Dossier,
  type DossierEvent,
  type DossierForm,
  type DossierSummary,
  type ProcedureContent,
} from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import './tables.ts';
import type { DossierTable } from './tables.ts';
import { allowedActions, isOpen, type Capacities, type DossierState } from './workflow.ts';

export type Reader = Db | Transaction<DB>;
export type DossierRow = Selectable<DossierTable>;

/** A dossier row with the procedure version it is pinned to. */
export interface LoadedDossier {
  row: DossierRow;
  procedure: { code: string; version: number; content: ProcedureContent };
}

function selectDossier(db: Reader, id: string) {
  return db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .selectAll('d')
    .select(['p.code as procedure_code', 'v.version as procedure_version', 'v.content as procedure_content'])
    .where('d.id', '=', id);
}

function toLoaded(found: Awaited<ReturnType<ReturnType<typeof selectDossier>['executeTakeFirstOrThrow']>>) {
  const { procedure_code, procedure_version, procedure_content, ...row } = found;
  return { row, procedure: { code: procedure_code, version: procedure_version, content: procedure_content } };
}

export async function findDossier(db: Reader, id: string): Promise<LoadedDossier | null> {
  const found = await selectDossier(db, id).executeTakeFirst();
  return found ? toLoaded(found) : null;
}

/** Reads and locks the dossier's row for the rest of the transaction: one transition at a time. */
export async function lockDossier(tx: Transaction<DB>, id: string): Promise<LoadedDossier> {
  const found = await selectDossier(tx, id).forUpdate('d').executeTakeFirst();
  if (!found) throw notFound('dossier');
  return toLoaded(found);
}

export async function isRated(db: Reader, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_rating')
    .select('dossier_id')
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  return row !== undefined;
}

export function stateOf(loaded: LoadedDossier, rated: boolean): DossierState {
  return {
    status: loaded.row.status,
    steps: loaded.procedure.content.steps,
    currentStep: loaded.row.current_step,
    rescheduled: loaded.row.rescheduled,
    rated,
    hasApplicantAccount: loaded.row.applicant_account_id !== null,
    isPaper: loaded.row.channel !== 'online',
    paperHandedOver: loaded.row.paper_handed_over_at !== null,
  };
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

async function agencyRefs(db: Reader, ids: string[]) {
  const rows = await db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (id: string) => byId.get(id) ?? { id, code: '', name: '' };
}

async function accountNames(db: Reader, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = wanted.length
    ? await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', wanted).execute()
    : [];
  const byId = new Map(rows.map((row) => [row.id, row.display_name]));
  return (id: string | null) => (id === null ? null : { id, name: byId.get(id) ?? '' });
}

/** overdue: past due and still open; due_soon: due within dossier.dueSoonHours. */
export function urgencyOf(row: Pick<DossierRow, 'status' | 'due_at'>, now: Date, dueSoonHours: number) {
  if (row.due_at === null || !isOpen(row.status)) return 'none' as const;
  const left = row.due_at.getTime() - now.getTime();
  if (left < 0) return 'overdue' as const;
  return left <= dueSoonHours * 3_600_000 ? ('due_soon' as const) : ('none' as const);
}

export type SummaryRow = DossierRow & { procedure_code: string; procedure_name: string };

export async function toSummaries(db: Reader, rows: SummaryRow[]): Promise<DossierSummary[]> {
  if (rows.length === 0) return [];
  const agency = await agencyRefs(
    db,
    rows.flatMap((row) => [row.receiving_agency_id, row.current_agency_id]),
  );
  const person = await accountNames(
    db,
    rows.map((row) => row.assignee_account_id),
  );
  const dueSoonHours = await getSetting(db as Db, 'dossier.dueSoonHours');
  const now = new Date();
  const overdueConsulted = new Set(
    (
      await db
        .selectFrom('dossier_consultation')
        .select('dossier_id')
        .where(
          'dossier_id',
          'in',
          rows.map((row) => row.id),
        )
        .where('answered_at', 'is', null)
        .where('due_date', '<', todayInVietnam(now))
        .execute()
    ).map((row) => row.dossier_id),
  );
  return rows.map((row) => {
    const version = row as SummaryRow & { step_name?: string | null };
    return {
      id: row.id,
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: row.procedure_name,
      applicantName: row.applicant_name,
      channel: row.channel,
      status: row.status,
      receivingAgency: agency(row.receiving_agency_id),
      currentAgency: agency(row.current_agency_id),
      currentStepName: version.step_name ?? null,
      assignee: person(row.assignee_account_id),
      submittedAt: iso(row.submitted_at),
      receivedAt: iso(row.received_at),
      dueAt: iso(row.due_at),
      urgency: urgencyOf(row, now, dueSoonHours),
      overdueConsultation: overdueConsulted.has(row.id),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

export async function listEvents(
  db: Reader,
  dossierId: string,
  withActors: boolean,
): Promise<DossierEvent[]> {
  const rows = await db
    .selectFrom('dossier_event as e')
    .leftJoin('agency as a', 'a.id', 'e.agency_id')
    .select([
      'e.at',
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.actor_label',
      'a.name as agency_name',
      'e.step_name',
      'e.note',
      'e.timeliness',
    ])
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    at: row.at.toISOString(),
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actor: withActors ? row.actor_label : null,
    agency: row.agency_name,
    stepName: row.step_name,
    note: withActors ? row.note : null,
    timeliness: row.timeliness,
  }));
}

/** The forms a dossier can print in its present state. */
export function formsOf(loaded: LoadedDossier, supplements: number, hasEvent: (action: string) => boolean) {
  const { row } = loaded;
  const forms: DossierForm[] = [];
  if (row.received_at !== null) forms.push('01');
  if (supplements > 0) forms.push('02');
  if (row.status === 'not_received') forms.push('03');
  if (row.rescheduled) forms.push('04');
  if (row.status === 'stopped' || row.status === 'withdrawn') forms.push('05');
  if (row.received_at !== null || hasEvent('forward')) forms.push('06');
  return forms;
}

export async function toDossier(db: Reader, loaded: LoadedDossier, who: Capacities): Promise<Dossier> {
  const { row, procedure } = loaded;
  const [summary] = await toSummaries(db, [
    {
      ...row,
      procedure_code: procedure.code,
      procedure_name: procedure.content.name,
      ...({
        step_name: row.current_step === null ? null : procedure.content.steps[row.current_step]?.name,
      } as object),
    },
  ]);
  const agency = await agencyRefs(db, [row.competent_agency_id]);
  const events = await listEvents(db, row.id, true);
  const [files, supplements, consultations, rating] = await Promise.all([
    db
      .selectFrom('dossier_file as f')
      .innerJoin('stored_file as s', 's.id', 'f.file_id')
      .select(['f.file_id', 'f.purpose', 'f.component_index', 's.name', 's.media_type', 's.size_bytes'])
      .where('f.dossier_id', '=', row.id)
      .orderBy('f.attached_at')
      .execute(),
    db
      .selectFrom('dossier_supplement')
      .selectAll()
      .where('dossier_id', '=', row.id)
      .orderBy('requested_at')
      .execute(),
    db
      .selectFrom('dossier_consultation as c')
      .innerJoin('agency as a', 'a.id', 'c.agency_id')
      .select([
        'c.id',
        'c.question',
        'c.due_date',
        'c.asked_at',
        'c.answer',
        'c.answered_at',
        'a.id as agency_id',
        'a.code as agency_code',
        'a.name as agency_name',
      ])
      .where('c.dossier_id', '=', row.id)
      .orderBy('c.asked_at')
      .execute(),
    db.selectFrom('dossier_rating').selectAll().where('dossier_id', '=', row.id).executeTakeFirst(),
  ]);
  const step = row.current_step === null ? undefined : procedure.content.steps[row.current_step];
  return {
    ...summary!,
    procedureVersion: procedure.version,
    dvcqgStatus: DVCQG_STATUS_CODES[row.status],
    channelCode: CHANNEL_CODES[row.channel],
    paymentStatus: row.payment_status,
    deliveryStatus: row.delivery_status,
    syncStatus: row.sync_status,
    competentAgency: agency(row.competent_agency_id),
    applicant: row.applicant,
    formData: row.form_data,
    feeCase: row.fee_case,
    exemption: row.exemption,
    feeAmount: row.fee_amount,
    invoiceId: row.invoice_id,
    deliveryMethod: row.delivery_method,
    deliveryAddress: row.delivery_address,
    currentStep:
      step && row.current_step !== null && row.step_started_at && row.step_due_at
        ? {
            index: row.current_step,
            name: step.name,
            role: step.role,
            unit: step.unit,
            startedAt: row.step_started_at.toISOString(),
            dueAt: row.step_due_at.toISOString(),
          }
        : null,
    originalDueAt: iso(row.original_due_at),
    rescheduled: row.rescheduled,
    resolvedAt: iso(row.resolved_at),
    returnedAt: iso(row.returned_at),
    paperHandedOverAt: iso(row.paper_handed_over_at),
    outcome: row.outcome,
    files: files.map((file) => ({
      id: file.file_id,
      purpose: file.purpose,
      componentIndex: file.component_index,
      name: file.name,
      mediaType: file.media_type,
      size: Number(file.size_bytes),
    })),
    supplements: supplements.map((s) => ({
      stage: s.stage,
      requestedAt: s.requested_at.toISOString(),
      completedAt: iso(s.completed_at),
      items: s.items,
      justification: s.justification,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      agency: { id: c.agency_id, code: c.agency_code, name: c.agency_name },
      question: c.question,
      dueDate: c.due_date,
      askedAt: c.asked_at.toISOString(),
      answer: c.answer,
      answeredAt: iso(c.answered_at),
    })),
    events,
    forms: formsOf(loaded, supplements.length, (action) => events.some((e) => e.action === action)),
    rating: rating
      ? {
          satisfaction: rating.satisfaction,
          ...(rating.contacts_to_complete === null
            ? {}
            : { contactsToComplete: rating.contacts_to_complete }),
          ...(rating.agencies_contacted === null ? {} : { agenciesContacted: rating.agencies_contacted }),
          ...(rating.staff_attitude === null ? {} : { staffAttitude: rating.staff_attitude }),
          ...(rating.comment === null ? {} : { comment: rating.comment }),
        }
      : null,
    allowedActions: allowedActions(stateOf(loaded, rating !== undefined), who),
  };
}
