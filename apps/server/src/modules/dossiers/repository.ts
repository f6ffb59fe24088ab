import type { Selectable, Transaction } from 'kysely';
import {
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
import { isOpen, type DossierState } from './workflow.ts';

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

/** Versions whose content was read: a version's content never changes once written (ADR 0014). */
const contents = new Map<string, ProcedureContent>();
const CONTENTS_KEPT = 500;

/** The content of a procedure version, read once per server copy. */
export async function versionContent(db: Reader, versionId: string): Promise<ProcedureContent> {
  const kept = contents.get(versionId);
  if (kept) return kept;
  const row = await db
    .selectFrom('procedure_version')
    .select('content')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  if (contents.size >= CONTENTS_KEPT) contents.clear();
  contents.set(versionId, row.content);
  return row.content;
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

export const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

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
  return rows.map((row) =>
    summaryOf(row, { agency, person, dueSoonHours, now, overdueConsultation: overdueConsulted.has(row.id) }),
  );
}

export interface SummaryRefs {
  agency: (id: string) => { id: string; code: string; name: string };
  person: (id: string | null) => { id: string; name: string } | null;
  dueSoonHours: number;
  now: Date;
  overdueConsultation: boolean;
}

/** A dossier's line in a list, from its row and what was read about the rows it names. */
export function summaryOf(
  row: SummaryRow & { step_name?: string | null },
  refs: SummaryRefs,
): DossierSummary {
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    applicantName: row.applicant_name,
    channel: row.channel,
    status: row.status,
    receivingAgency: refs.agency(row.receiving_agency_id),
    currentAgency: refs.agency(row.current_agency_id),
    currentStepName: row.step_name ?? null,
    assignee: refs.person(row.assignee_account_id),
    submittedAt: iso(row.submitted_at),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    urgency: urgencyOf(row, refs.now, refs.dueSoonHours),
    overdueConsultation: refs.overdueConsultation,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the action log shows of an event (`dossier_event as e` joined to `agency as a`). */
export const EVENT_COLUMNS = [
  'e.at',
  'e.action',
  'e.from_status',
  'e.to_status',
  'e.actor_label',
  'a.name as agency_name',
  'e.step_name',
  'e.note',
  'e.timeliness',
] as const;

export async function listEvents(
  db: Reader,
  dossierId: string,
  withActors: boolean,
): Promise<DossierEvent[]> {
  const rows = await db
    .selectFrom('dossier_event as e')
    .leftJoin('agency as a', 'a.id', 'e.agency_id')
    .select(EVENT_COLUMNS)
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
