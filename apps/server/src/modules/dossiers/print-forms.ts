import type { DossierForm, DeadlineUnit } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import {
  renderApologyLetter,
  renderControlSheet,
  renderReceiptForm,
  renderRefusalForm,
  renderRegister,
  renderStopNotice,
  renderSupplementRequestForm,
} from './forms/index.ts';
import type { FormHeader, Handover, RegisterRow } from './forms/types.ts';
import type { LoadedDossier } from './repository.ts';
import { isOpen } from './workflow.ts';

const UNIT_NAMES: Record<DeadlineUnit, string> = {
  working_day: 'ngày làm việc',
  calendar_day: 'ngày',
  hour: 'giờ làm việc',
  month: 'tháng',
};

async function agencyBlock(db: Db, agencyId: string) {
  const row = await db
    .selectFrom('agency as a')
    .leftJoin('agency as p', 'p.id', 'a.parent_id')
    .select(['a.name', 'p.name as parent_name'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return { name: row.name, parentName: row.parent_name };
}

/** The place line of the forms: the province's name without its rank ("Đồng Tháp"). */
async function placeName(db: Db): Promise<string> {
  const province = await db
    .selectFrom('admin_unit')
    .select('name')
    .where('level', '=', 'province')
    .where('effective_to', 'is', null)
    .executeTakeFirst();
  return province?.name.replace(/^(Tỉnh|Thành phố)\s+/i, '') ?? '';
}

async function events(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_event as e')
    .leftJoin('agency as a', 'a.id', 'e.agency_id')
    .select([
      'e.at',
      'e.action',
      'e.actor_label',
      'e.note',
      'e.step_name',
      'e.timeliness',
      'e.data',
      'a.name as agency',
    ])
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.id')
    .execute();
}

const personOf = (label: string | null) => (label ?? '').replace(/\s*\([^)]*\)$/, '');
const iso = (value: Date | null | undefined) => (value ? value.toISOString() : new Date().toISOString());

/** The agency that issues a form (its header, and the seal it carries): 04 and 05 the competent one. */
export function formIssuer(
  row: { receiving_agency_id: string; competent_agency_id: string },
  form: DossierForm,
): string {
  return form === '04' || form === '05' ? row.competent_agency_id : row.receiving_agency_id;
}

/**
 * One of the one-stop forms of a dossier as PDF bytes (TT 03/2025/TT-VPCP Phụ lục I), filled from
 * the dossier and its action log. A form the dossier's history does not call for answers 409.
 */
export async function printDossierForm(
  db: Db,
  loaded: LoadedDossier,
  form: DossierForm,
  lookupBase: string,
): Promise<Uint8Array> {
  const { row, procedure } = loaded;
  const log = await events(db, row.id);
  const last = (action: string) => log.filter((event) => event.action === action).at(-1);
  const place = await placeName(db);
  const header = async (agencyId: string, at: Date | undefined): Promise<FormHeader> => ({
    agency: await agencyBlock(db, agencyId),
    place,
    issuedAt: iso(at),
    documentNumber: null,
  });
  const base = {
    dossier: {
      code: row.code ?? '',
      lookupUrl: `${lookupBase}/track/${encodeURIComponent(row.code ?? '')}`,
      procedureName: procedure.content.name,
    },
    applicant: {
      fullName: row.applicant.fullName,
      address: row.applicant.address,
      phone: row.applicant.phone ?? null,
      email: row.applicant.email ?? null,
    },
  };
  const receivedAt = iso(row.received_at ?? row.submitted_at);
  const missing = () => conflict('form', 'invalid');
  switch (form) {
    case '01': {
      const receipt = last('receive');
      if (!receipt || !row.received_at || !row.due_at) throw missing();
      return renderReceiptForm({
        ...base,
        header: await header(row.receiving_agency_id, receipt.at),
        channel: row.channel,
        components: procedure.content.components.map((c) => ({ name: c.name, form: c.kind, count: c.count })),
        setCount: 1,
        legalProcessingTime: `${procedure.content.deadline.value} ${UNIT_NAMES[procedure.content.deadline.unit]}`,
        receivedAt: row.received_at.toISOString(),
        dueAt: (row.original_due_at ?? row.due_at).toISOString(),
        resultDelivery: row.delivery_method,
        registerEntry: null,
        receiver: { fullName: personOf(receipt.actor_label) },
      });
    }
    case '02': {
      const request = last('request_supplement');
      if (!request) throw missing();
      const items = (request.data as { items?: { name: string; reason: string }[] }).items ?? [];
      return renderSupplementRequestForm({
        ...base,
        header: await header(row.receiving_agency_id, request.at),
        receivedAt,
        items: items.map((item) => ({
          name: item.name,
          requirement: 'Bản chính hoặc bản sao',
          reason: item.reason,
        })),
        officer: { fullName: personOf(request.actor_label), position: null, phone: null },
      });
    }
    case '03': {
      const refusal = last('refuse');
      if (!refusal) throw missing();
      return renderRefusalForm({
        ...base,
        header: await header(row.receiving_agency_id, refusal.at),
        receivedAt,
        reasons: (refusal.data as { reasons?: string[] }).reasons ?? [refusal.note ?? ''],
        officer: { fullName: personOf(refusal.actor_label) },
      });
    }
    case '04': {
      const apology = last('apologise');
      if (!apology || !row.original_due_at || !row.due_at) throw missing();
      return renderApologyLetter({
        ...base,
        header: await header(row.competent_agency_id, apology.at),
        receivedAt,
        originalDueAt: row.original_due_at.toISOString(),
        newDueAt: row.due_at.toISOString(),
        delayReason: apology.note ?? '',
        signer: {
          authority: null,
          position: 'Người đại diện cơ quan giải quyết',
          fullName: personOf(apology.actor_label),
        },
      });
    }
    case '05': {
      const end = last('stop') ?? last('withdraw');
      if (!end) throw missing();
      return renderStopNotice({
        ...base,
        header: await header(row.competent_agency_id, end.at),
        receivedAt,
        stoppedAt: end.at.toISOString(),
        reason:
          end.action === 'withdraw'
            ? { kind: 'applicant_withdrawal', requestedAt: end.at.toISOString() }
            : { kind: 'legal_reason', detail: end.note ?? '' },
        signer: {
          authority: null,
          position: 'Người đại diện cơ quan giải quyết',
          fullName: personOf(end.actor_label),
        },
      });
    }
    case '06': {
      if (!row.received_at) throw missing();
      const handovers: Handover[] = [];
      let holder = { unit: '', person: '' };
      for (const event of log) {
        const next = { unit: event.agency ?? '', person: personOf(event.actor_label) };
        // The paper file leaving the desk for the deciding unit (R-DOS-10): a hand-over of its own.
        if (event.action === 'hand_over') {
          handovers.push({
            from: { unit: 'Bộ phận Tiếp nhận và Trả kết quả — bàn giao hồ sơ giấy', person: next.person },
            to: { unit: event.agency ?? '', person: '' },
            at: event.at.toISOString(),
            outcome: event.timeliness,
            note: event.note,
          });
          continue;
        }
        if (event.action === 'receive') holder = next;
        if (event.step_name !== null || event.action === 'receive') {
          if (event.action !== 'receive')
            handovers.push({
              from: {
                unit: `${holder.unit}${event.step_name ? ` — ${event.step_name}` : ''}`,
                person: next.person,
              },
              to: { unit: event.agency ?? '', person: '' },
              at: event.at.toISOString(),
              outcome: event.timeliness,
              note: event.note,
            });
          holder = next;
        }
      }
      return renderControlSheet({
        ...base,
        header: await header(row.receiving_agency_id, new Date()),
        receivedAt: row.received_at.toISOString(),
        dueAt: iso(row.due_at),
        handovers,
      });
    }
  }
}

/** Sổ theo dõi hồ sơ (form 07): every dossier an agency received in a period, with how it ended. */
export async function printRegister(db: Db, agencyId: string, from: string, to: string): Promise<Uint8Array> {
  const rows = await db
    .selectFrom('dossier as d')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .select([
      'd.code',
      'v.name as procedure_name',
      'd.applicant_name',
      'd.received_at',
      'd.due_at',
      'd.original_due_at',
      'd.resolved_at',
      'd.returned_at',
      'd.status',
      'd.ended_at',
    ])
    .where('d.receiving_agency_id', '=', agencyId)
    .where('d.received_at', 'is not', null)
    .where('d.received_at', '>=', new Date(`${from}T00:00:00+07:00`))
    .where('d.received_at', '<', new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000))
    .orderBy('d.received_at')
    .execute();
  const register: RegisterRow[] = rows.map((r) => {
    const due = r.original_due_at ?? r.due_at!;
    const end = r.resolved_at ?? r.ended_at;
    const status: RegisterRow['status'] =
      end === null || isOpen(r.status)
        ? 'in_progress'
        : end.getTime() > due.getTime()
          ? 'late'
          : end.toISOString().slice(0, 10) < due.toISOString().slice(0, 10)
            ? 'early'
            : 'on_time';
    return {
      code: r.code ?? '',
      procedureName: r.procedure_name,
      applicantName: r.applicant_name,
      receivedAt: r.received_at!.toISOString(),
      dueAt: due.toISOString(),
      resultAt: r.resolved_at?.toISOString() ?? null,
      returnedAt: r.returned_at?.toISOString() ?? null,
      status,
      note: r.original_due_at ? 'Đã xin lỗi, hẹn lại' : null,
    };
  });
  return renderRegister({
    header: {
      agency: await agencyBlock(db, agencyId),
      place: await placeName(db),
      issuedAt: new Date().toISOString(),
      documentNumber: null,
    },
    period: { from, to },
    bookNumber: null,
    rows: register,
  });
}
