import type { Transaction } from 'kysely';
import type { DocumentUrgency, ExchangeRegisterInboundBody, RegisterIncomingBody } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import { recordEvent } from '../audit/record-event.ts';
import { checkIncoming, registerIncoming } from '../documents/register-incoming.ts';
import { getMaxUploadBytes } from '../files/repository.ts';
import type { Scanner } from '../files/scanner.ts';
import { uploadFile } from '../files/upload-file.ts';
import './audit-events.ts';
import { parseEdxml, type EdxmlEnvelope } from './edxml/index.ts';
import { PRIORITY_CODES } from './outbound-envelope.ts';
import { linkRegisteredReplacement } from './receive-recall.ts';
import { enqueueStatus } from './status-outbox.ts';
import './tables.ts';

type StoredEnvelope = Omit<EdxmlEnvelope, 'attachments'> & {
  attachments: { attachmentName: string; contentType: string; sizeBytes: number }[];
};

const ISSUER_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-K][0-9]{2}$/;

/** A waiting box entry of an agency in scope, locked; another agency's is 404, a decided one 409. */
async function lockWaiting(tx: Transaction<DB>, id: string, scope: AgencyScope) {
  const row = await tx
    .selectFrom('exchange_inbound as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .select([
      'i.id',
      'i.agency_id',
      'i.state',
      'i.envelope',
      'i.package',
      'i.sender_code',
      'i.document_id',
      'i.business_type',
      'a.code',
      'a.name',
    ])
    .where('i.id', '=', id)
    .forUpdate('i')
    .executeTakeFirst();
  if (!row || !inScope(scope, row.agency_id)) throw notFound('exchange_inbound');
  if (row.state !== 'waiting') throw conflict('state', 'invalid');
  return row;
}

/** The registration of a box entry as the documents module takes it: from the header, with the clerk's overrides. */
export async function incomingBodyOf(
  db: Db,
  options: {
    envelope: StoredEnvelope;
    body: ExchangeRegisterInboundBody;
    scanFileId: string;
    agencyId: string;
  },
): Promise<RegisterIncomingBody> {
  const header = options.envelope.messageHeader;
  const typeCode =
    options.body.typeCode ??
    (
      await db
        .selectFrom('document_type')
        .select('code')
        .where('sort_order', '=', Number(header.documentType.type) || -1)
        .executeTakeFirst()
    )?.code ??
    'cong_van';
  const urgency =
    options.body.urgency ??
    (Object.entries(PRIORITY_CODES).find(([, code]) => code === header.otherInfo?.priority)?.[0] as
      DocumentUrgency | undefined) ??
    'thuong';
  const pages = Number(header.otherInfo?.pageAmount);
  const deadlineOn = options.body.deadlineOn ?? header.dueDate;
  return {
    issuerName: header.from.organName.slice(0, 200),
    ...(ISSUER_CODE.test(header.from.organId) ? { issuerCode: header.from.organId } : {}),
    numberSymbol: `${header.code.codeNumber}/${header.code.codeNotation}`.slice(0, 42),
    issuedOn: header.promulgationInfo.promulgationDate,
    typeCode,
    summary: header.subject.slice(0, 500),
    urgency,
    confidentiality: 'thuong',
    ...(Number.isInteger(pages) && pages >= 1 && pages <= 9999 ? { pages } : {}),
    ...(deadlineOn ? { deadlineOn } : {}),
    scanFileId: options.scanFileId,
    agencyId: options.agencyId,
  };
}

/**
 * Registers a box entry in the agency's register of incoming documents (registerIncoming, with the
 * received PDF as its scan), links the entry to it and queues status 03 to the sender.
 */
export async function registerInbound(
  tx: Transaction<DB>,
  options: {
    id: string;
    scope: AgencyScope;
    body: RegisterIncomingBody;
    accountId: string;
    actor: Actor;
    now: Date;
  },
) {
  const row = await lockWaiting(tx, options.id, options.scope);
  const registered = await registerIncoming(tx, {
    agencyId: row.agency_id,
    body: { ...options.body, receivedAt: options.now.toISOString() },
    accountId: options.accountId,
    actor: options.actor,
    now: options.now,
  });
  await tx
    .updateTable('exchange_inbound')
    .set({
      state: 'registered',
      incoming_document_id: registered.id,
      decided_at: options.now,
      decided_by: options.accountId,
    })
    .where('id', '=', row.id)
    .execute();
  if (row.business_type === 'replacement')
    await linkRegisteredReplacement(tx, {
      agencyId: row.agency_id,
      envelope: row.envelope as StoredEnvelope,
      incomingId: registered.id,
    });
  await enqueueStatus(
    tx,
    {
      fromCode: row.code,
      fromName: row.name,
      toCode: row.sender_code,
      documentId: row.document_id,
      code: '03',
      staff: options.actor.label,
      at: options.now.toISOString(),
    },
    `${row.id}:03`,
  );
  await recordEvent(tx, options.actor, {
    type: 'exchange.registered',
    entityType: 'exchange_inbound',
    entityId: row.id,
    agencyId: row.agency_id,
    data: { documentId: row.document_id, incomingDocumentId: registered.id },
  });
  return registered;
}

/** Returns a box entry to its sender (status 02 with the reason); it is not registered. */
export async function returnInbound(
  tx: Transaction<DB>,
  options: { id: string; scope: AgencyScope; reason: string; accountId: string; actor: Actor; now: Date },
): Promise<void> {
  const row = await lockWaiting(tx, options.id, options.scope);
  await tx
    .updateTable('exchange_inbound')
    .set({
      state: 'returned',
      return_reason: options.reason,
      decided_at: options.now,
      decided_by: options.accountId,
    })
    .where('id', '=', row.id)
    .execute();
  await enqueueStatus(
    tx,
    {
      fromCode: row.code,
      fromName: row.name,
      toCode: row.sender_code,
      documentId: row.document_id,
      code: '02',
      description: options.reason,
      staff: options.actor.label,
      at: options.now.toISOString(),
    },
    `${row.id}:02`,
  );
  await recordEvent(tx, options.actor, {
    type: 'exchange.returned',
    entityType: 'exchange_inbound',
    entityId: row.id,
    agencyId: row.agency_id,
    data: { documentId: row.document_id, reason: options.reason },
  });
}

/**
 * Before the registration's transaction: the received PDF stored as the clerk's file (virus-scanned
 * like an upload) and the registration body from the header, checked as the documents module checks
 * a registration. A file left by a registration that then fails is purged with the other unattached ones.
 */
export async function prepareRegistration(
  db: Db,
  options: {
    id: string;
    scope: AgencyScope;
    overrides: ExchangeRegisterInboundBody;
    accountId: string;
    actor: Actor;
    scanner: Scanner;
    now: Date;
  },
): Promise<RegisterIncomingBody> {
  const inbound = await readInboundForRegistration(db, options.id, options.scope);
  const file = await uploadFile(db, {
    upload: { bytes: inbound.pdf.bytes, fileName: inbound.pdf.name, declaredType: 'application/pdf' },
    ownerAccountId: options.accountId,
    actor: options.actor,
    scanner: options.scanner,
    maxBytes: Math.max(await getMaxUploadBytes(db), inbound.pdf.bytes.byteLength),
  });
  const body = await incomingBodyOf(db, {
    envelope: inbound.envelope,
    body: options.overrides,
    scanFileId: file.id,
    agencyId: inbound.agencyId,
  });
  await checkIncoming(db, { body, accountId: options.accountId, now: options.now });
  return body;
}

/** The entry's envelope and its first PDF (the signed document), for the registration's scan. */
async function readInboundForRegistration(db: Db, id: string, scope: AgencyScope) {
  const row = await db
    .selectFrom('exchange_inbound')
    .select(['id', 'agency_id', 'state', 'envelope', 'package'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !inScope(scope, row.agency_id)) throw notFound('exchange_inbound');
  if (row.state !== 'waiting') throw conflict('state', 'invalid');
  const envelope = row.envelope as StoredEnvelope;
  // Stored after it parsed and verified: parsing again gives the same attachments.
  const parsed = parseEdxml(row.package);
  const first = parsed.ok ? parsed.envelope.attachments[0] : undefined;
  if (!first) throw conflict('state', 'invalid');
  return {
    agencyId: row.agency_id,
    envelope,
    pdf: { name: first.attachmentName, bytes: new Uint8Array(Buffer.from(first.contentBase64, 'base64')) },
  };
}
