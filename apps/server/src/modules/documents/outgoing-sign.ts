/**
 * The signer's personal signature (ký số cá nhân, R-SIG-1). The final version is rendered again with
 * the signing block of the signer's posts on the day of signing (KT., TL., TUQ., Q., TM.), its
 * number and date lines left blank for the clerk, and signed with the signer's own key (PAdES).
 */
import type { SigningBlock } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { todayInVietnam } from '../../platform/time.ts';
import type { FastifyRequest } from 'fastify';
import { recordEvent } from '../audit/record-event.ts';
import { signerForOfficialPreferringRemote } from '../signatures/remote/remote-signing.ts';
import { signPdf } from '../signatures/pades-sign.ts';
import { findSignatureImage } from '../signatures/signature-image.ts';
import { timestampUrlForSigning } from '../signatures/timestamp-authority.ts';
import { buildSymbol } from './numbering.ts';
import {
  addStep,
  assertAllowed,
  capacitiesOf,
  findVisibleDraft,
  lockDraft,
  type DraftRow,
  type OutgoingCaller,
} from './outgoing-access.ts';
import { keptByOf, sha256Hex } from './outgoing-drafts.ts';
import { renderOutgoing } from './outgoing-render.ts';
import { agencyHeader, signingBlockOn } from './outgoing-signer.ts';
import type { StampBoxes } from './outgoing-tables.ts';
import { toDocumentType } from './repository.ts';

/** The final version: rendered again with the block of signing time, or the uploaded PDF as it is. */
async function finalPdf(
  db: Db,
  row: DraftRow,
  block: SigningBlock,
  now: Date,
): Promise<{ pdf: Uint8Array; stampBoxes: StampBoxes | null }> {
  const current = await db
    .selectFrom('outgoing_version')
    .select(['kind', 'pdf'])
    .where('draft_id', '=', row.id)
    .where('version', '=', row.current_version)
    .executeTakeFirstOrThrow();
  if (current.kind === 'uploaded') return { pdf: new Uint8Array(current.pdf), stampBoxes: null };
  const agency = await agencyHeader(db, row.agency_id);
  const typeRow = await db
    .selectFrom('document_type')
    .selectAll()
    .where('code', '=', row.type_code)
    .executeTakeFirstOrThrow();
  const built = buildSymbol({
    type: toDocumentType(typeRow),
    agencyAbbreviation: agency.abbreviation,
    unitAbbreviation: row.unit_abbreviation ?? undefined,
  });
  const recipients = await db
    .selectFrom('outgoing_recipient')
    .select(['kind', 'name'])
    .where('draft_id', '=', row.id)
    .orderBy('position')
    .execute();
  const unit = await db
    .selectFrom('appointment as ap')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .select('u.name')
    .where('ap.official_id', '=', row.drafter_official_id)
    .where('p.agency_id', '=', row.agency_id)
    .executeTakeFirst();
  return renderOutgoing({
    mode: 'final',
    parentAgencyName: agency.parentName,
    agencyName: agency.name,
    typeName: typeRow.name_vi,
    isCongVan: typeRow.symbol_rule === 'agency_unit',
    symbol: built.ok ? built.symbol : '',
    summary: row.summary,
    body: row.body,
    place: row.place,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    block,
    recipients: recipients
      .filter((recipient) => recipient.kind !== 'unit')
      .map((recipient) => recipient.name),
    keptBy: keptByOf(unit?.name ?? null),
    createdAt: now,
  });
}

/** Signs the draft: 422 naming `signingKey` when the signer has no usable key. */
export async function signDraft(
  db: Db,
  request: FastifyRequest,
  options: { id: string; caller: OutgoingCaller; actor: Actor },
): Promise<void> {
  const { id, caller, actor } = options;
  const now = new Date();
  const row = await findVisibleDraft(db, caller, id);
  assertAllowed('sign', row, capacitiesOf(caller, row));
  const agency = await agencyHeader(db, row.agency_id);
  const block = await signingBlockOn(db, {
    officialId: row.signer_official_id,
    agency,
    day: todayInVietnam(now),
    field: 'signer',
  });
  // Remote first (ADR 0022): the phone's confirmation is awaited here, outside any transaction.
  const signer = await signerForOfficialPreferringRemote(db, row.signer_official_id, {
    description: `Ký văn bản: ${row.summary}`,
  });
  if (!signer) {
    throw new AppError('unprocessable', {
      detail: 'the signer has no usable signing key',
      issues: [{ field: 'signingKey', key: 'outgoing.noSigningKey' }],
    });
  }
  const final = await finalPdf(db, row, block, now);
  const image = await findSignatureImage(db, row.signer_official_id);
  const place = final.stampBoxes?.signature;
  const timestampUrl = await timestampUrlForSigning();
  const signed = await signPdf(final.pdf, signer, {
    ...(timestampUrl ? { timestampUrl } : {}),
    reason: 'Phê duyệt, ký ban hành',
    location: row.place,
    name: block.name,
    signingTime: now,
    // Visible only where the layout is ours; an uploaded PDF is signed without an image.
    ...(place
      ? {
          appearance: {
            kind: 'personal' as const,
            pageIndex: place.pageIndex,
            rect: place.rect,
            label: block.name,
            ...(image ? { image } : {}),
          },
        }
      : {}),
  });
  await runCommand(db, request, async (tx) => {
    const locked = await lockDraft(tx, caller, id);
    assertAllowed('sign', locked, capacitiesOf(caller, locked));
    if (locked.current_version !== row.current_version) throw conflict('version', 'outgoing.changed');
    const version = row.current_version + 1;
    const sha256 = sha256Hex(signed);
    await tx
      .insertInto('outgoing_version')
      .values({
        draft_id: id,
        version,
        kind: 'signed',
        pdf: signed,
        sha256,
        stamp_boxes: final.stampBoxes ? JSON.stringify(final.stampBoxes) : null,
        created_by: caller.principal.accountId,
      })
      .execute();
    await tx
      .updateTable('outgoing_draft')
      .set({
        status: 'signed',
        current_version: version,
        signing_block: JSON.stringify(block),
        signed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await addStep(tx, { draftId: id, action: 'signed', caller, comment: block.lines.join(' / '), version });
    await recordEvent(tx, actor, {
      type: 'outgoing.signed',
      entityType: 'outgoing_draft',
      entityId: id,
      agencyId: row.agency_id,
      data: { version, sha256, block: block.lines },
    });
  });
}
