import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError, conflict, type FieldIssue } from '../../platform/errors.ts';
import { enqueue } from '../../platform/outbox.ts';
import { recordEvent } from '../audit/record-event.ts';
import './audit-events.ts';
import { findRoute, type Route } from './directory.ts';
import { formatDocumentId } from './outbound-envelope.ts';
import type { BussinessDocType } from './edxml/types.ts';
import type { OutboundDocument, OutboundFile } from './outbound-types.ts';
import './tables.ts';

/** The outbox topic that delivers one package to one recipient. */
export const EXCHANGE_SEND_TOPIC = 'exchange.send';

export type { OutboundDocument, OutboundFile } from './outbound-types.ts';

export interface QueueOutboundInput {
  /** The sending agency (its code is the edXML From/OrganId). */
  agencyId: string;
  /** Mã định danh of each recipient: agencies of this server or of the directory. */
  recipientCodes: string[];
  document: OutboundDocument;
  /** The signed PDF first, then any appendix. */
  files: OutboundFile[];
  source: { kind: 'outgoing'; id: string };
  actor: Actor;
  /** Update messages only: 1, 2 … per document (each update is a package of its own). */
  revision?: number;
}

export interface QueuedOutbound {
  packageId: string;
  /** The edXML DocumentId: {OrganId},{YYYY/MM/DD},{số/ký hiệu}. */
  documentId: string;
  recipients: { code: string; name: string; outboundId: string; transport: Route['transport'] }[];
}

const MAX_RECIPIENTS = 500;

/**
 * Queues a document for electronic exchange inside the caller's transaction: one package (metadata
 * and files), one outbound row per recipient, one outbox message each (deduplicated by DocumentId,
 * business type and recipient), and the audit event. Delivery (build, XML-DSig, transport) happens
 * in the outbox handler, so the caller's commit is the promise to send. Calling again for the same
 * document and source adds the recipients not yet queued; a recipient is never queued twice.
 */
export async function queueOutbound(tx: Transaction<DB>, input: QueueOutboundInput): Promise<QueuedOutbound> {
  const { document } = input;
  const issues = checkInput(input);
  const sender = await tx
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('id', '=', input.agencyId)
    .executeTakeFirst();
  if (!sender) issues.push({ field: 'agencyId', key: 'no_such_record' });
  const type = await tx
    .selectFrom('document_type')
    .select('code')
    .where('code', '=', document.typeCode)
    .executeTakeFirst();
  if (!type) issues.push({ field: 'document.typeCode', key: 'no_such_record' });
  const routes: Route[] = [];
  for (const [index, code] of input.recipientCodes.entries()) {
    const route = await findRoute(tx, code);
    if (!route) issues.push({ field: `recipientCodes.${index}`, key: 'no_such_record' });
    else if (route.transport === 'local' && route.agencyId === input.agencyId)
      issues.push({ field: `recipientCodes.${index}`, key: 'invalid' });
    else routes.push(route);
  }
  if (issues.length > 0 || !sender) throw new AppError('validation', { issues });

  const businessType = document.business?.type ?? 'new';
  const documentId = formatDocumentId(sender.code, document);
  const revision = businessType === 'update' ? (input.revision ?? 1) : 0;
  const packageId = await storePackage(tx, { input, documentId, businessType, revision });
  const recipients: QueuedOutbound['recipients'] = [];
  for (const route of routes) {
    const row = await tx
      .insertInto('exchange_outbound')
      .values({ package_id: packageId, recipient_code: route.code, recipient_name: route.name })
      .onConflict((conflict) => conflict.columns(['package_id', 'recipient_code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue; // queued already by an earlier call
    await enqueue(
      tx,
      EXCHANGE_SEND_TOPIC,
      { outboundId: row.id },
      {
        dedupeKey: `${EXCHANGE_SEND_TOPIC}:${documentId}:${businessType}${revision > 0 ? `.${revision}` : ''}:${route.code}`,
      },
    );
    recipients.push({ code: route.code, name: route.name, outboundId: row.id, transport: route.transport });
  }
  await recordEvent(tx, input.actor, {
    type: 'exchange.queued',
    entityType: 'exchange_package',
    entityId: packageId,
    agencyId: input.agencyId,
    data: { documentId, businessType, recipientCodes: recipients.map((recipient) => recipient.code) },
  });
  return { packageId, documentId, recipients };
}

function checkInput(input: QueueOutboundInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { document, files, recipientCodes } = input;
  if (document.confidentiality !== 'thuong')
    issues.push({ field: 'document.confidentiality', key: 'exchange.secret' });
  if (recipientCodes.length === 0) issues.push({ field: 'recipientCodes', key: 'required' });
  if (recipientCodes.length > MAX_RECIPIENTS)
    issues.push({ field: 'recipientCodes', key: 'maximum', params: { limit: MAX_RECIPIENTS } });
  if (new Set(recipientCodes).size !== recipientCodes.length)
    issues.push({ field: 'recipientCodes', key: 'invalid' });
  // A revocation names the document and carries no copy of it (ADR 0023), nor does an update of its
  // metadata (ADR 0027); every other message does.
  const withoutCopy = document.business?.type === 'revocation' || document.business?.type === 'update';
  if (files.length === 0 && !withoutCopy) issues.push({ field: 'files', key: 'required' });
  else if (files.length > 0 && files[0]?.mediaType !== 'application/pdf')
    issues.push({ field: 'files.0.mediaType', key: 'enum', params: { allowed: 'application/pdf' } });
  files.forEach((file, index) => {
    if (file.bytes.byteLength === 0) issues.push({ field: `files.${index}.bytes`, key: 'required' });
    if (file.name.trim() === '') issues.push({ field: `files.${index}.name`, key: 'required' });
  });
  for (const [field, value] of [
    ['document.codeNumber', document.codeNumber],
    ['document.codeNotation', document.codeNotation],
    ['document.subject', document.subject],
  ] as const) {
    if (value.trim() === '') issues.push({ field, key: 'required' });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(document.promulgationDate))
    issues.push({ field: 'document.promulgationDate', key: 'format', params: { format: 'YYYY-MM-DD' } });
  if (document.dueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(document.dueDate))
    issues.push({ field: 'document.dueDate', key: 'format', params: { format: 'YYYY-MM-DD' } });
  const business = document.business;
  if (business?.type === 'replacement' && (business.replaces ?? []).length === 0)
    issues.push({ field: 'document.business.replaces', key: 'required' });
  return issues;
}

/** The package row and its files; for a second call with the same document and source, the first row. */
async function storePackage(
  tx: Transaction<DB>,
  options: {
    input: QueueOutboundInput;
    documentId: string;
    businessType: BussinessDocType;
    revision: number;
  },
): Promise<string> {
  const { input, documentId, businessType, revision } = options;
  const inserted = await tx
    .insertInto('exchange_package')
    .values({
      agency_id: input.agencyId,
      document_id: documentId,
      business_type: businessType,
      revision,
      source_kind: input.source.kind,
      source_id: input.source.id,
      document: JSON.stringify(input.document),
    })
    .onConflict((conflict) =>
      conflict.columns(['agency_id', 'document_id', 'business_type', 'revision']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await tx
      .selectFrom('exchange_package')
      .select(['id', 'source_kind', 'source_id'])
      .where('agency_id', '=', input.agencyId)
      .where('document_id', '=', documentId)
      .where('business_type', '=', businessType)
      .where('revision', '=', revision)
      .executeTakeFirstOrThrow();
    if (existing.source_kind !== input.source.kind || existing.source_id !== input.source.id)
      throw conflict('document.codeNumber', 'taken');
    return existing.id;
  }
  if (input.files.length === 0) return inserted.id;
  await tx
    .insertInto('exchange_package_file')
    .values(
      input.files.map((file, position) => ({
        package_id: inserted.id,
        position,
        name: file.name,
        media_type: file.mediaType,
        content: file.bytes,
      })),
    )
    .execute();
  return inserted.id;
}
