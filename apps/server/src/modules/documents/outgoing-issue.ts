/**
 * Issue (phát hành) by the clerk (văn thư, document.issue): the agency seal goes only on a document
 * that carries a valid personal signature (R-SIG-1). In one transaction the clerk takes the next
 * number of the agency's series, writes "Số: …" and the date line into the blank lines of the signed
 * PDF and seals it: the stamp and the seal are appended after the personal signature's bytes, so it
 * stays valid (ADR 0019). The document enters the sổ đăng ký văn bản đi and goes to its recipients:
 * units of the agency have it at once, agencies are handed to the exchange in the same transaction.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { IssueOutgoingBody, SigningBlock } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { formatDateLine } from '../dossiers/forms/vietnam-time.ts';
import { queueOutbound } from '../exchange/queue-outbound.ts';
import { signerForAgencySeal } from '../signatures/key-store.ts';
import { verifyPdf } from '../signatures/pades-verify.ts';
import { signPdf } from '../signatures/pades-sign.ts';
import { timestampUrlForSigning } from '../signatures/timestamp-authority.ts';
import type { PdfSigner } from '../signatures/pdf-signer.ts';
import { sealRectOverlapping } from '../signatures/signature-appearance.ts';
import { readTrustSettings } from '../signatures/repository.ts';
import { issueNumber } from './issue-number.ts';
import { formatNumber } from './numbering.ts';
import {
  addStep,
  assertAllowed,
  capacitiesOf,
  findVisibleDraft,
  lockDraft,
  type DraftRow,
  type OutgoingCaller,
} from './outgoing-access.ts';
import { sha256Hex } from './outgoing-drafts.ts';
import { replacementOf } from './outgoing-recall.ts';
import { issueStamps } from './outgoing-render.ts';
import type { StampBoxes } from './outgoing-tables.ts';

const unprocessable = (field: string, key: string, detail: string) =>
  new AppError('unprocessable', { detail, issues: [{ field, key }] });

const MM = 72 / 25.4;
/** An uploaded PDF has no blank lines: number and time go top right of page 1 (Phụ lục I §II.8). */
const topRight = (width: number, height: number): StampBoxes => ({
  number: { x: width - 90 * MM, y: height - 12 * MM, width: 75 * MM, size: 10 },
  date: { x: width - 90 * MM, y: height - 17 * MM, width: 75 * MM, size: 10 },
});

/** The signed version, checked: every signature valid (integrity, trust, revocation), at least one. */
async function signedVersion(db: Db, row: DraftRow) {
  const version = await db
    .selectFrom('outgoing_version')
    .select(['pdf', 'stamp_boxes', 'kind'])
    .where('draft_id', '=', row.id)
    .where('version', '=', row.current_version)
    .executeTakeFirstOrThrow();
  const pdf = new Uint8Array(version.pdf);
  const reports = await verifyPdf(pdf, await readTrustSettings(db, new Date())).catch(() => []);
  if (version.kind !== 'signed' || reports.length === 0 || !reports.every((report) => report.valid))
    throw unprocessable(
      'signature',
      'outgoing.noValidSignature',
      'the document carries no valid personal signature',
    );
  return { pdf, stampBoxes: version.stamp_boxes };
}

/**
 * The seal over the signed PDF, with the number and the date line written in the seal's own
 * revision (signPdf's stamps), so the personal signature's bytes stay as they were; the red seal
 * overlaps the left third of the personal signature where our layout placed it.
 */
async function stampAndSeal(options: {
  pdf: Uint8Array;
  boxes: StampBoxes | null;
  numberSymbol: string;
  dateLine: string;
  seal: PdfSigner;
  timestampUrl: string | null;
  agencyName: string;
  place: string;
  now: Date;
}): Promise<Uint8Array> {
  const page = (await PDFDocument.load(options.pdf, { updateMetadata: false })).getPage(0);
  const { width, height } = page.getSize();
  const stamps = await issueStamps({
    boxes: options.boxes ?? topRight(width, height),
    numberSymbol: options.numberSymbol,
    dateLine: options.dateLine,
  });
  const personal = options.boxes?.signature;
  return signPdf(options.pdf, options.seal, {
    ...(options.timestampUrl ? { timestampUrl: options.timestampUrl } : {}),
    reason: 'Phát hành',
    location: options.place,
    name: options.agencyName,
    signingTime: options.now,
    stamps,
    ...(personal
      ? {
          appearance: {
            kind: 'seal' as const,
            pageIndex: personal.pageIndex,
            rect: sealRectOverlapping(personal.rect),
            label: options.agencyName,
          },
        }
      : {}),
  });
}

async function deliver(
  tx: Transaction<DB>,
  options: {
    row: DraftRow;
    block: SigningBlock | null;
    numberSymbol: string;
    number: number;
    symbol: string;
    pdf: Uint8Array;
    now: Date;
    actor: Actor;
  },
): Promise<number> {
  const { row, now } = options;
  const recipients = await tx
    .selectFrom('outgoing_recipient as r')
    .leftJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['r.id', 'r.kind', 'r.name', 'r.agency_code', 'a.code as agency_code_internal'])
    .where('r.draft_id', '=', row.id)
    .orderBy('r.position')
    .execute();
  await tx
    .updateTable('outgoing_recipient')
    .set({ delivery: 'delivered' })
    .where('draft_id', '=', row.id)
    .where('kind', '=', 'unit')
    .execute();
  const codes = recipients
    .filter((r) => r.kind !== 'unit')
    .map((r) => r.agency_code ?? r.agency_code_internal ?? '');
  if (codes.length === 0) return recipients.length;
  await queueOutbound(tx, {
    agencyId: row.agency_id,
    recipientCodes: codes,
    document: {
      codeNumber: formatNumber(options.number),
      codeNotation: options.symbol,
      typeCode: row.type_code,
      subject: row.summary,
      promulgationDate: todayInVietnam(now),
      promulgationPlace: row.place,
      ...(options.block
        ? {
            signer: {
              fullName: options.block.name,
              position: options.block.lines.at(-1) ?? '',
              competence: options.block.lines[0] ?? '',
            },
          }
        : {}),
      urgency: row.urgency,
      confidentiality: row.confidentiality,
      toPlaces: recipients.filter((r) => r.kind !== 'unit').map((r) => r.name),
      ...(await replacementOf(tx, row)),
    },
    files: [
      {
        name: `${options.numberSymbol.replace(/\//g, '-')}.pdf`,
        mediaType: 'application/pdf',
        bytes: options.pdf,
      },
    ],
    source: { kind: 'outgoing', id: row.id },
    actor: options.actor,
  });
  await tx
    .updateTable('outgoing_recipient')
    .set({ delivery: 'queued' })
    .where('draft_id', '=', row.id)
    .where('kind', '<>', 'unit')
    .execute();
  return recipients.length;
}

export async function issueDraft(
  db: Db,
  request: FastifyRequest,
  options: { id: string; caller: OutgoingCaller; actor: Actor; body: IssueOutgoingBody },
): Promise<void> {
  const { id, caller, actor, body } = options;
  const row = await findVisibleDraft(db, caller, id);
  assertAllowed('issue', row, capacitiesOf(caller, row));
  if (row.is_secret)
    throw unprocessable(
      'confidentiality',
      'outgoing.secretNotSent',
      'secret documents are never sent electronically',
    );
  const signed = await signedVersion(db, row);
  const seal = await signerForAgencySeal(db, row.agency_id);
  if (!seal) throw unprocessable('sealKey', 'outgoing.noSealKey', 'the agency has no usable seal key');
  // Asked before the transaction: the seal is signed inside it, and the TSA must not wait for it.
  const timestampUrl = await timestampUrlForSigning();
  const agency = await db
    .selectFrom('agency')
    .select('name')
    .where('id', '=', row.agency_id)
    .executeTakeFirstOrThrow();

  await runCommand(db, request, async (tx) => {
    const now = new Date();
    const locked = await lockDraft(tx, caller, id);
    assertAllowed('issue', locked, capacitiesOf(caller, locked));
    if (locked.current_version !== row.current_version) throw conflict('version', 'outgoing.changed');
    const issued = await issueNumber(tx, {
      agencyId: row.agency_id,
      body: {
        typeCode: row.type_code,
        summary: row.summary,
        ...(row.unit_abbreviation ? { unitAbbreviation: row.unit_abbreviation } : {}),
      },
      accountId: caller.principal.accountId,
      actor,
      now,
    });
    const pdf = await stampAndSeal({
      pdf: signed.pdf,
      boxes: signed.stampBoxes,
      numberSymbol: issued.numberSymbol,
      dateLine: `${row.place}, ${formatDateLine(now.toISOString())}`,
      seal,
      timestampUrl,
      agencyName: agency.name,
      place: row.place,
      now,
    });
    const version = row.current_version + 1;
    const sha256 = sha256Hex(pdf);
    await tx
      .insertInto('outgoing_version')
      .values({ draft_id: id, version, kind: 'issued', pdf, sha256, created_by: caller.principal.accountId })
      .execute();
    await tx
      .updateTable('outgoing_draft')
      .set({
        status: 'issued',
        current_version: version,
        number_id: issued.id,
        issued_at: now,
        issued_by: caller.principal.accountId,
        copies: body.copies ?? null,
        kept_by: body.keptBy ?? null,
        note: body.note ?? null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const recipients = await deliver(tx, {
      row,
      block: locked.signing_block,
      numberSymbol: issued.numberSymbol,
      number: issued.number,
      symbol: issued.symbol,
      pdf,
      now,
      actor,
    });
    await addStep(tx, { draftId: id, action: 'issued', caller, comment: issued.numberSymbol, version });
    await recordEvent(tx, actor, {
      type: 'outgoing.issued',
      entityType: 'outgoing_draft',
      entityId: id,
      agencyId: row.agency_id,
      data: { version, sha256, numberSymbol: issued.numberSymbol, recipients },
    });
  });
}
