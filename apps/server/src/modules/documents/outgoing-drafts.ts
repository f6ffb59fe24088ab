/**
 * Drafting an outgoing document (specialist, document.handle): the first version and every edit,
 * each a new version kept with its PDF, rendered in the Decree 30 layout or uploaded by the drafter.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CreateOutgoingBody, EditOutgoingBody, SigningBlock } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid, type FieldIssue } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { findRoute } from '../exchange/directory.ts';
import { attachFiles } from '../files/attach-files.ts';
import { getOwnUnattachedFile } from '../files/get-own-file.ts';
import { buildSymbol } from './numbering.ts';
import { addStep, assertAllowed, capacitiesOf, lockDraft, type OutgoingCaller } from './outgoing-access.ts';
import { checkReplaces } from './outgoing-recall.ts';
import { renderOutgoing } from './outgoing-render.ts';
import { agencyHeader, signingBlockOn, type AgencyHeader } from './outgoing-signer.ts';
import type { StampBoxes } from './outgoing-tables.ts';
import { toDocumentType } from './repository.ts';

type DraftInput = EditOutgoingBody;

/** Everything a version needs, read and rendered before the command's transaction. */
export interface PreparedVersion {
  input: DraftInput;
  agency: AgencyHeader;
  recipients: {
    kind: 'agency' | 'unit' | 'external';
    agencyId: string | null;
    orgUnitId: string | null;
    agencyCode: string | null;
    name: string;
  }[];
  pdf: Uint8Array;
  sha256: string;
  kind: 'rendered' | 'uploaded';
  stampBoxes: StampBoxes | null;
  fileId: string | null;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function resolveRecipients(
  db: Db,
  agencyId: string,
  input: DraftInput,
): Promise<PreparedVersion['recipients']> {
  const issues: FieldIssue[] = [];
  const resolved: PreparedVersion['recipients'] = [];
  for (const [index, recipient] of input.recipients.entries()) {
    const field = `recipients.${index}`;
    if (recipient.kind === 'agency') {
      const agency = await db
        .selectFrom('agency')
        .select('name')
        .where('id', '=', recipient.agencyId)
        .executeTakeFirst();
      if (!agency) issues.push({ field: `${field}.agencyId`, key: 'no_such_record' });
      else if (recipient.agencyId === agencyId)
        issues.push({ field: `${field}.agencyId`, key: 'outgoing.ownAgency' });
      else
        resolved.push({
          kind: 'agency',
          agencyId: recipient.agencyId,
          orgUnitId: null,
          agencyCode: null,
          name: agency.name,
        });
    } else if (recipient.kind === 'unit') {
      const unit = await db
        .selectFrom('org_unit')
        .select(['name', 'agency_id'])
        .where('id', '=', recipient.orgUnitId)
        .executeTakeFirst();
      if (!unit || unit.agency_id !== agencyId)
        issues.push({ field: `${field}.orgUnitId`, key: 'outgoing.notInAgency' });
      else
        resolved.push({
          kind: 'unit',
          agencyId: null,
          orgUnitId: recipient.orgUnitId,
          agencyCode: null,
          name: unit.name,
        });
    } else if (!(await findRoute(db, recipient.agencyCode))) {
      // Only an agency the exchange can reach: this server's or one of its directory.
      issues.push({ field: `${field}.agencyCode`, key: 'no_such_record' });
    } else {
      resolved.push({
        kind: 'external',
        agencyId: null,
        orgUnitId: null,
        agencyCode: recipient.agencyCode,
        name: recipient.name,
      });
    }
  }
  if (issues.length > 0) throw new AppError('validation', { issues });
  return resolved;
}

/** The symbol the number will carry (checked now, so a draft that could never be numbered is refused). */
async function symbolOf(
  db: Db,
  agency: AgencyHeader,
  input: DraftInput,
): Promise<{ symbol: string; typeName: string; isCongVan: boolean }> {
  const typeRow = await db
    .selectFrom('document_type')
    .selectAll()
    .where('code', '=', input.typeCode)
    .executeTakeFirst();
  if (!typeRow) throw invalid('typeCode', 'no_such_record');
  const built = buildSymbol({
    type: toDocumentType(typeRow),
    agencyAbbreviation: agency.abbreviation,
    unitAbbreviation: input.unitAbbreviation,
  });
  if (!built.ok) {
    throw built.field === 'agency'
      ? invalid('agencyId', 'invalid')
      : invalid(built.field, built.reason === 'required' ? 'required' : 'invalid');
  }
  return {
    symbol: built.symbol,
    typeName: typeRow.name_vi,
    isCongVan: typeRow.symbol_rule === 'agency_unit',
  };
}

/** "VT, HCTP": the clerk's copy and the drafting unit's (initials of its name without "Phòng"). */
export function keptByOf(unitName: string | null): string {
  if (!unitName) return 'VT';
  const words = unitName
    .replace(/^(Phòng|Ban|Văn phòng)\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const initials = words.map((word) => word.normalize('NFC').charAt(0).toLocaleUpperCase('vi-VN')).join('');
  return `VT, ${/^Văn phòng/i.test(unitName) ? 'VP' : initials}`;
}

async function drafterUnitName(db: Db, officialId: string, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('appointment as ap')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .select('u.name')
    .where('ap.official_id', '=', officialId)
    .where('p.agency_id', '=', agencyId)
    .where('ap.ends_on', 'is', null)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** Checks a draft's fields and renders (or takes the uploaded) PDF of the new version. */
export async function prepareVersion(
  db: Db,
  options: {
    agencyId: string;
    input: DraftInput;
    caller: OutgoingCaller;
    drafterOfficialId: string;
    now: Date;
  },
): Promise<PreparedVersion & { block: SigningBlock }> {
  const { agencyId, input, caller, now } = options;
  const agency = await agencyHeader(db, agencyId);
  const { symbol, typeName, isCongVan } = await symbolOf(db, agency, input);
  const block = await signingBlockOn(db, {
    officialId: input.signerId,
    agency,
    day: todayInVietnam(now),
    field: 'signerId',
  });
  if (input.replyToIncomingId) {
    const incoming = await db
      .selectFrom('incoming_document')
      .select('agency_id')
      .where('id', '=', input.replyToIncomingId)
      .executeTakeFirst();
    if (!incoming || incoming.agency_id !== agencyId) throw invalid('replyToIncomingId', 'no_such_record');
  }
  if (input.replacesDraftId) await checkReplaces(db, { agencyId, id: input.replacesDraftId });
  const recipients = await resolveRecipients(db, agencyId, input);
  const base = { input, agency, recipients, block };
  if (input.contentFileId) {
    const file = await getOwnUnattachedFile(db, {
      id: input.contentFileId,
      accountId: caller.principal.accountId,
    }).catch(() => {
      throw invalid('contentFileId', 'no_such_record');
    });
    if (file.mediaType !== 'application/pdf') throw invalid('contentFileId', 'outgoing.notPdf');
    const pdf = new Uint8Array(file.content);
    return { ...base, pdf, sha256: sha256Hex(pdf), kind: 'uploaded', stampBoxes: null, fileId: file.id };
  }
  if (input.body.trim() === '') throw invalid('body', 'required');
  const { pdf, stampBoxes } = await renderOutgoing({
    mode: 'draft',
    parentAgencyName: agency.parentName,
    agencyName: agency.name,
    typeName,
    isCongVan,
    symbol,
    summary: input.summary,
    body: input.body,
    place: input.place,
    urgency: input.urgency,
    confidentiality: input.confidentiality,
    block,
    recipients: recipients
      .filter((recipient) => recipient.kind !== 'unit')
      .map((recipient) => recipient.name),
    keptBy: keptByOf(await drafterUnitName(db, options.drafterOfficialId, agencyId)),
    createdAt: now,
  });
  return { ...base, pdf, sha256: sha256Hex(pdf), kind: 'rendered', stampBoxes, fileId: null };
}

const draftColumns = (input: DraftInput) => ({
  type_code: input.typeCode,
  summary: input.summary,
  body: input.body,
  place: input.place,
  unit_abbreviation: input.unitAbbreviation ?? null,
  urgency: input.urgency,
  confidentiality: input.confidentiality,
  reply_to_incoming_id: input.replyToIncomingId ?? null,
  replaces_draft_id: input.replacesDraftId ?? null,
  signer_official_id: input.signerId,
});

async function writeVersion(
  tx: Transaction<DB>,
  draftId: string,
  version: number,
  prepared: PreparedVersion,
  accountId: string,
): Promise<void> {
  if (prepared.fileId)
    await attachFiles(tx, {
      fileIds: [prepared.fileId],
      ownerAccountId: accountId,
      kind: 'outgoing_version',
      id: draftId,
      field: 'contentFileId',
    });
  await tx
    .insertInto('outgoing_version')
    .values({
      draft_id: draftId,
      version,
      kind: prepared.kind,
      pdf: prepared.pdf,
      sha256: prepared.sha256,
      stamp_boxes: prepared.stampBoxes ? JSON.stringify(prepared.stampBoxes) : null,
      file_id: prepared.fileId,
      created_by: accountId,
    })
    .execute();
  await tx.deleteFrom('outgoing_recipient').where('draft_id', '=', draftId).execute();
  await tx
    .insertInto('outgoing_recipient')
    .values(
      prepared.recipients.map((recipient, position) => ({
        draft_id: draftId,
        position,
        kind: recipient.kind,
        agency_id: recipient.agencyId,
        org_unit_id: recipient.orgUnitId,
        agency_code: recipient.agencyCode,
        name: recipient.name,
      })),
    )
    .execute();
}

export async function createDraft(
  tx: Transaction<DB>,
  options: { prepared: PreparedVersion; caller: OutgoingCaller; actor: Actor; body: CreateOutgoingBody },
): Promise<string> {
  const { prepared, caller, actor } = options;
  if (!caller.officialId) throw invalid('agencyId', 'required');
  const row = await tx
    .insertInto('outgoing_draft')
    .values({
      ...draftColumns(prepared.input),
      agency_id: prepared.agency.id,
      drafter_account_id: caller.principal.accountId,
      drafter_official_id: caller.officialId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeVersion(tx, row.id, 1, prepared, caller.principal.accountId);
  await addStep(tx, { draftId: row.id, action: 'drafted', caller, version: 1 });
  await recordEvent(tx, actor, {
    type: 'outgoing.drafted',
    entityType: 'outgoing_draft',
    entityId: row.id,
    agencyId: prepared.agency.id,
    data: { version: 1, typeCode: prepared.input.typeCode },
  });
  return row.id;
}

export async function editDraft(
  tx: Transaction<DB>,
  options: { id: string; prepared: PreparedVersion; caller: OutgoingCaller; actor: Actor },
): Promise<void> {
  const { id, prepared, caller, actor } = options;
  const row = await lockDraft(tx, caller, id);
  assertAllowed('edit', row, capacitiesOf(caller, row));
  const last = await tx
    .selectFrom('outgoing_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('draft_id', '=', id)
    .executeTakeFirstOrThrow();
  const version = Number(last.v) + 1;
  await tx
    .updateTable('outgoing_draft')
    .set({ ...draftColumns(prepared.input), current_version: version, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await writeVersion(tx, id, version, prepared, caller.principal.accountId);
  await addStep(tx, { draftId: id, action: 'edited', caller, version });
  await recordEvent(tx, actor, {
    type: 'outgoing.edited',
    entityType: 'outgoing_draft',
    entityId: id,
    agencyId: row.agency_id,
    data: { version },
  });
}
