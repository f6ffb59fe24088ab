import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { RegisterIncomingBody, RegisteredIncoming } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { attachFiles } from '../files/attach-files.ts';
import { fileSummary } from '../files/file-summary.ts';
import { readFile } from '../files/read-file.ts';
import './audit-events.ts';
import { applyIncoming } from './incoming-apply.ts';
import { extractPdfText } from './incoming-text.ts';
import { yearInVietnam } from './numbering.ts';
import { toIncomingDocument } from './repository.ts';
import { takeNextNumber } from './series.ts';

/** Files attached to incoming documents are of this kind in the files module. */
export const INCOMING_SCAN_KIND = 'incoming_document';

/**
 * The checks that need the database but not the transaction: the type exists, the dates are in
 * order and not in the future, the scan is a PDF the caller uploaded. Every bad field at once.
 */
export async function checkIncoming(
  db: Db,
  options: { body: RegisterIncomingBody; accountId: string; now: Date },
): Promise<void> {
  const { body, accountId, now } = options;
  const issues: FieldIssue[] = [];
  const type = await db
    .selectFrom('document_type')
    .select('code')
    .where('code', '=', body.typeCode)
    .executeTakeFirst();
  if (!type) issues.push({ field: 'typeCode', key: 'no_such_record' });
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) issues.push({ field: 'receivedAt', key: 'invalid' });
  else if (body.issuedOn > todayInVietnam(receivedAt)) issues.push({ field: 'issuedOn', key: 'invalid' });
  if (body.deadlineOn !== undefined && body.deadlineOn < body.issuedOn)
    issues.push({ field: 'deadlineOn', key: 'invalid' });
  if (body.scanFileId !== undefined) {
    const [file] = await fileSummary(db, [body.scanFileId]);
    if (!file || file.ownerAccountId !== accountId)
      issues.push({ field: 'scanFileId', key: 'no_such_record' });
    else if (file.mediaType !== 'application/pdf')
      issues.push({ field: 'scanFileId', key: 'enum', params: { allowed: 'PDF' } });
    else if (file.attachedTo !== null) issues.push({ field: 'scanFileId', key: 'file.alreadyAttached' });
  }
  if (issues.length > 0) throw new AppError('validation', { issues });
}

/**
 * Registers a received document in the agency's register: its số đến is the next of the agency's
 * series for the year it arrived (Vietnam time), shared by paper and electronic documents (NĐ 30
 * Art 22.2); the scan is attached in the same transaction, so a failure gives the number back.
 * Entries that look like the same document are named in the answer (R-DOC-8), not refused: a
 * document may legitimately arrive twice (by post and electronically).
 */
export async function registerIncoming(
  tx: Transaction<DB>,
  options: { agencyId: string; body: RegisterIncomingBody; accountId: string; actor: Actor; now: Date },
): Promise<RegisteredIncoming> {
  const { agencyId, body, accountId, actor } = options;
  const possibleDuplicates = await findPossibleDuplicates(tx, agencyId, body);
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : options.now;
  const year = yearInVietnam(receivedAt);
  const id = randomUUID();
  // Read before the series row is taken, so that no registration waits on pdftotext.
  const bodyText =
    body.scanFileId === undefined
      ? null
      : await extractPdfText((await readFile(tx, body.scanFileId)).content);
  // Attached first: a scan taken meanwhile by another registration is refused naming scanFileId.
  if (body.scanFileId !== undefined) {
    await attachFiles(tx, {
      fileIds: [body.scanFileId],
      ownerAccountId: accountId,
      kind: INCOMING_SCAN_KIND,
      id,
      field: 'scanFileId',
    });
  }
  const arrivalNumber = await takeNextNumber(tx, { agencyId, register: 'incoming', year });
  const row = await tx
    .insertInto('incoming_document')
    .values({
      id,
      agency_id: agencyId,
      year,
      arrival_number: arrivalNumber,
      received_at: receivedAt,
      issuer_name: body.issuerName,
      issuer_code: body.issuerCode ?? null,
      number_symbol: body.numberSymbol,
      issued_on: body.issuedOn,
      type_code: body.typeCode,
      summary: body.summary,
      urgency: body.urgency,
      confidentiality: body.confidentiality,
      pages: body.pages ?? null,
      scan_file_id: body.scanFileId ?? null,
      registered_by: accountId,
      deadline_on: body.deadlineOn ?? null,
      body_text: bodyText,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const type = await tx
    .selectFrom('document_type')
    .select('name_vi')
    .where('code', '=', body.typeCode)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'document.incoming_registered',
    entityType: 'incoming_document',
    entityId: id,
    agencyId,
    data: {
      year,
      arrivalNumber,
      numberSymbol: body.numberSymbol,
      issuerName: body.issuerName,
      typeCode: body.typeCode,
      confidentiality: body.confidentiality,
      scanFileId: body.scanFileId ?? null,
    },
  });
  // The history's first line, and "registered" (edXML status 03) reported to the sender.
  await applyIncoming(tx, id, agencyId, {
    action: 'register',
    from: null,
    to: 'registered',
    actor,
    at: options.now,
  });
  return { ...toIncomingDocument({ ...row, type_name: type.name_vi }), possibleDuplicates };
}

/** Same number and symbol (case, marks and spaces aside) from the same issuer: by code when both have one, else by name. */
async function findPossibleDuplicates(tx: Transaction<DB>, agencyId: string, body: RegisterIncomingBody) {
  const rows = await tx
    .selectFrom('incoming_document')
    .select(['id', 'year', 'arrival_number'])
    .where('agency_id', '=', agencyId)
    .where(
      sql<boolean>`f_unaccent(regexp_replace(number_symbol, '[[:space:]]', '', 'g')) = f_unaccent(regexp_replace(${body.numberSymbol}, '[[:space:]]', '', 'g'))`,
    )
    .where((eb) =>
      body.issuerCode
        ? eb.or([
            eb('issuer_code', '=', body.issuerCode),
            eb.and([
              eb('issuer_code', 'is', null),
              eb(sql`f_unaccent(issuer_name)`, '=', sql`f_unaccent(${body.issuerName})`),
            ]),
          ])
        : eb(sql`f_unaccent(issuer_name)`, '=', sql`f_unaccent(${body.issuerName})`),
    )
    .orderBy('year')
    .orderBy('arrival_number')
    .execute();
  return rows.map((row) => ({ id: row.id, year: row.year, arrivalNumber: row.arrival_number }));
}
