import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { CHANNEL_CODES, DVCQG_STATUS_CODES, type Dossier } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { canSee, capacitiesOf, type Caller } from './access.ts';
import {
  EVENT_COLUMNS,
  formsOf,
  iso,
  stateOf,
  summaryOf,
  versionContent,
  type LoadedDossier,
} from './repository.ts';
import { allowedActions } from './workflow.ts';

/** A timestamp inside a JSON answer (text with an offset) as the API writes it. */
const isoOf = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * The dossier with everything its page shows (action log, files, supplements, consultations, rating,
 * the agencies and official it names) in one statement: the answer to every action and to the page's
 * own read (ADR 0014). 404 when the caller may not see it, exactly as when it does not exist.
 */
function selectView(db: Db, id: string) {
  return db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .selectAll('d')
    .select(['p.code as procedure_code', 'v.version as procedure_version'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('dossier_event as e')
          .leftJoin('agency as a', 'a.id', 'e.agency_id')
          .select(EVENT_COLUMNS)
          .whereRef('e.dossier_id', '=', 'd.id')
          .orderBy('e.id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('dossier_file as f')
          .innerJoin('stored_file as s', 's.id', 'f.file_id')
          .select(['f.file_id', 'f.purpose', 'f.component_index', 's.name', 's.media_type', 's.size_bytes'])
          .whereRef('f.dossier_id', '=', 'd.id')
          .orderBy('f.attached_at'),
      ).as('files'),
      jsonArrayFrom(
        eb
          .selectFrom('dossier_supplement as s')
          .select(['s.stage', 's.requested_at', 's.completed_at', 's.items', 's.justification'])
          .whereRef('s.dossier_id', '=', 'd.id')
          .orderBy('s.requested_at'),
      ).as('supplements'),
      jsonArrayFrom(
        eb
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
          .whereRef('c.dossier_id', '=', 'd.id')
          .orderBy('c.asked_at'),
      ).as('consultations'),
      jsonObjectFrom(
        eb
          .selectFrom('dossier_rating as r')
          .select([
            'r.satisfaction',
            'r.contacts_to_complete',
            'r.agencies_contacted',
            'r.staff_attitude',
            'r.comment',
          ])
          .whereRef('r.dossier_id', '=', 'd.id'),
      ).as('rating'),
      jsonArrayFrom(
        eb
          .selectFrom('agency as g')
          .select(['g.id', 'g.code', 'g.name'])
          .where((w) =>
            w.or([
              w('g.id', '=', w.ref('d.receiving_agency_id')),
              w('g.id', '=', w.ref('d.current_agency_id')),
              w('g.id', '=', w.ref('d.competent_agency_id')),
            ]),
          ),
      ).as('agencies'),
      eb
        .selectFrom('account as o')
        .select('o.display_name')
        .whereRef('o.id', '=', 'd.assignee_account_id')
        .as('assignee_name'),
    ])
    .where('d.id', '=', id);
}

export async function readDossier(db: Db, caller: Caller, id: string): Promise<Dossier> {
  const found = await selectView(db, id).executeTakeFirst();
  if (!found) throw notFound('dossier');
  const {
    procedure_code,
    procedure_version,
    events,
    files,
    supplements,
    consultations,
    rating,
    agencies,
    assignee_name,
    ...row
  } = found;
  if (
    !canSee(
      caller,
      row,
      consultations.map((c) => c.agency_id),
    )
  )
    throw notFound('dossier');
  const content = await versionContent(db, row.procedure_version_id);
  const loaded: LoadedDossier = {
    row,
    procedure: { code: procedure_code, version: procedure_version, content },
  };
  const now = new Date();
  const today = todayInVietnam(now);
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const agency = (agencyId: string) => byId.get(agencyId) ?? { id: agencyId, code: '', name: '' };
  const step = row.current_step === null ? undefined : content.steps[row.current_step];
  const summary = summaryOf(
    { ...row, procedure_code, procedure_name: content.name, step_name: step?.name ?? null },
    {
      agency,
      person: (accountId) => (accountId === null ? null : { id: accountId, name: assignee_name ?? '' }),
      dueSoonHours: await getSetting(db, 'dossier.dueSoonHours'),
      now,
      overdueConsultation: consultations.some((c) => c.answered_at === null && c.due_date < today),
    },
  );
  const log = events.map((event) => ({
    at: isoOf(event.at)!,
    action: event.action,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    actor: event.actor_label,
    agency: event.agency_name,
    stepName: event.step_name,
    note: event.note,
    timeliness: event.timeliness,
  }));
  return {
    ...summary,
    procedureVersion: procedure_version,
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
      requestedAt: isoOf(s.requested_at)!,
      completedAt: isoOf(s.completed_at),
      items: s.items,
      justification: s.justification,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      agency: { id: c.agency_id, code: c.agency_code, name: c.agency_name },
      question: c.question,
      dueDate: c.due_date,
      askedAt: isoOf(c.asked_at)!,
      answer: c.answer,
      answeredAt: isoOf(c.answered_at),
    })),
    events: log,
    forms: formsOf(loaded, supplements.length, (action) => log.some((e) => e.action === action)),
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
    allowedActions: allowedActions(stateOf(loaded, rating !== null), capacitiesOf(caller, row)),
  };
}
