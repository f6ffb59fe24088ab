import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { systemActor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { recordEvent } from '../audit/record-event.ts';
import { verifyPdf, type SignatureReport } from '../signatures/pades-verify.ts';
import { PdfSignatureError } from '../signatures/pdf-errors.ts';
import { readTrustSettings } from '../signatures/repository.ts';
import './audit-events.ts';
import { findRoute } from './directory.ts';
import { parseEdxml, type EdxmlEnvelope } from './edxml/index.ts';
import { applyRevocation, markReplaced, recallIfRevoked } from './receive-recall.ts';
import { applyPendingUpdates, applyUpdate } from './receive-update.ts';
import { enqueueStatus } from './status-outbox.ts';
import type { ExchangeTransport } from './tables.ts';
import { verifyPackageSignature, type PackageSignatureReport } from './xml-dsig/package-signature.ts';

export interface Arrival {
  bytes: Uint8Array;
  transport: ExchangeTransport;
  /** The peer that delivered it (authenticated by its secret), for transport 'peer'. */
  peer?: string;
}

export type ReceiveOutcome =
  | { outcome: 'accepted'; inboundIds: string[] }
  | { outcome: 'duplicate'; inboundIds: string[] }
  | { outcome: 'quarantined'; quarantineId: string; reasons: string[] };

interface Verification {
  package: PackageSignatureReport;
  pdfs: { name: string; reports: SignatureReport[] }[];
}

/**
 * Receives one edXML package, whatever the transport: parses it, checks the XML-DSig and every PDF
 * signature against the trust list, checks that the sender may come through this transport, then in
 * one transaction either files it in each local recipient's box (status 01 queued back) or keeps it
 * in quarantine with the reasons (status 02 queued back when the sender can be read). A package
 * received again (same sender, DocumentId and business type) is a duplicate and changes nothing.
 */
export async function receivePackage(db: Db, arrival: Arrival): Promise<ReceiveOutcome> {
  const xml = new TextDecoder().decode(arrival.bytes);
  const parsed = parseEdxml(arrival.bytes);
  if (!parsed.ok) {
    return quarantine(db, {
      arrival,
      reasons: parsed.errors.map((issue) => `${issue.path}: ${issue.message}`),
      ...sniffSender(xml),
    });
  }
  const { envelope } = parsed;
  const header = envelope.messageHeader;
  const senderCode = header.from.organId;
  const documentId = header.documentId;
  const recipients = await localRecipients(db, envelope);
  const reasons: string[] = [];
  if (recipients.length === 0) reasons.push('To: no recipient of this package is an agency of this server');
  const senderRoute = await findRoute(db, senderCode);
  if (
    arrival.transport === 'peer' &&
    (senderRoute?.transport !== 'peer' || senderRoute.peer !== arrival.peer)
  )
    reasons.push(`From: ${senderCode} is not reached through this peer in the agency-code directory`);
  if (arrival.transport === 'local' && senderRoute?.transport !== 'local')
    reasons.push(`From: ${senderCode} is not an agency of this server`);
  if (arrival.transport === 'axis' && senderRoute?.transport !== 'axis')
    reasons.push(`From: ${senderCode} is not reached through the national axis in the agency-code directory`);
  const trust = await readTrustSettings(db, new Date());
  const packageReport = await verifyPackageSignature(xml, trust);
  if (!packageReport.valid)
    reasons.push(`Signature: the package signature is not valid (${packageReport.problems.join('; ')})`);
  const pdfs = await checkPdfs(envelope, trust, reasons);
  if (reasons.length > 0) {
    return quarantine(db, {
      arrival,
      reasons,
      senderCode,
      documentId,
      ...(recipients[0] ? { agencyId: recipients[0].id } : {}),
    });
  }
  return accept(db, { arrival, envelope, recipients, verification: { package: packageReport, pdfs } });
}

async function localRecipients(db: Db, envelope: EdxmlEnvelope) {
  const codes = envelope.messageHeader.to.map((to) => to.organId);
  return db.selectFrom('agency').select(['id', 'code', 'name']).where('code', 'in', codes).execute();
}

/** The PDFs: the first attachment must be one, and every signature of every PDF must be valid. */
async function checkPdfs(
  envelope: EdxmlEnvelope,
  trust: Awaited<ReturnType<typeof readTrustSettings>>,
  reasons: string[],
): Promise<Verification['pdfs']> {
  const [first] = envelope.attachments;
  // A revocation and an update name the document without a copy of it (ADR 0023, 0027).
  const type = envelope.traceHeaderList.bussiness.bussinessDocType;
  const withoutCopy = type === 'revocation' || type === 'update';
  if (first?.contentType !== 'application/pdf' && !(withoutCopy && first === undefined))
    reasons.push('AttachmentEncoded: the first attachment must be the signed PDF');
  const results: Verification['pdfs'] = [];
  for (const attachment of envelope.attachments) {
    if (attachment.contentType !== 'application/pdf') continue;
    const name = attachment.attachmentName;
    try {
      const reports = await verifyPdf(Buffer.from(attachment.contentBase64, 'base64'), trust);
      results.push({ name, reports });
      const bad = reports.filter((report) => !report.valid);
      if (bad.length > 0)
        reasons.push(
          `${name}: ${bad.length} of ${reports.length} signature(s) not valid (${bad.flatMap((r) => r.problems).join('; ')})`,
        );
    } catch (error) {
      if (!(error instanceof PdfSignatureError)) throw error;
      reasons.push(`${name}: ${error.message}`);
    }
  }
  return results;
}

/** From and DocumentId read from a package the parser refused, to answer 02 when possible. */
function sniffSender(xml: string): { senderCode?: string; documentId?: string } {
  const head = xml.slice(0, 65_536);
  const from = /<(?:\w+:)?From>\s*<(?:\w+:)?OrganId>([^<]{1,40})</.exec(head)?.[1]?.trim();
  const documentId = /<(?:\w+:)?DocumentId>([^<]{1,300})</.exec(head)?.[1]?.trim();
  return { ...(from ? { senderCode: from } : {}), ...(documentId ? { documentId } : {}) };
}

async function quarantine(
  db: Db,
  options: {
    arrival: Arrival;
    reasons: string[];
    senderCode?: string;
    documentId?: string;
    agencyId?: string;
  },
): Promise<ReceiveOutcome> {
  const { arrival, reasons } = options;
  const sha256 = createHash('sha256').update(arrival.bytes).digest('hex');
  const answerable = await answerableAgency(db, options);
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('exchange_quarantine')
      .values({
        agency_id: options.agencyId ?? null,
        sender_code: options.senderCode ?? null,
        document_id: options.documentId ?? null,
        transport: arrival.transport,
        reasons: JSON.stringify(reasons),
        package: arrival.bytes,
        sha256,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (answerable && options.senderCode && options.documentId) {
      await enqueueStatus(
        tx,
        {
          fromCode: answerable.code,
          fromName: answerable.name,
          toCode: options.senderCode,
          documentId: options.documentId,
          code: '02',
          description: `Gói tin bị từ chối: ${reasons.join(' | ')}`.slice(0, 2000),
          at: new Date().toISOString(),
        },
        `quarantine:${sha256}`,
      );
    }
    await recordEvent(tx, systemActor('exchange'), {
      type: 'exchange.quarantined',
      entityType: 'exchange_quarantine',
      entityId: row.id,
      agencyId: options.agencyId ?? null,
      data: {
        documentId: options.documentId ?? null,
        senderCode: options.senderCode ?? null,
        reasons,
        transport: arrival.transport,
      },
    });
    return row.id;
  });
  return { outcome: 'quarantined', quarantineId: id, reasons };
}

/** The local agency that answers a refused package: the recipient if known, and only a known sender. */
async function answerableAgency(db: Db, options: { agencyId?: string; senderCode?: string }) {
  if (!options.agencyId || !options.senderCode) return null;
  if (!(await findRoute(db, options.senderCode))) return null;
  return db
    .selectFrom('agency')
    .select(['code', 'name'])
    .where('id', '=', options.agencyId)
    .executeTakeFirst();
}

/** Without the content of the attachments: the package itself is kept beside it. */
function envelopeSummary(envelope: EdxmlEnvelope) {
  return {
    messageHeader: envelope.messageHeader,
    traceHeaderList: envelope.traceHeaderList,
    attachments: envelope.attachments.map(({ contentBase64, ...rest }) => ({
      ...rest,
      sizeBytes: Math.floor((contentBase64.length * 3) / 4),
    })),
  };
}

async function accept(
  db: Db,
  options: {
    arrival: Arrival;
    envelope: EdxmlEnvelope;
    recipients: { id: string; code: string; name: string }[];
    verification: Verification;
  },
): Promise<ReceiveOutcome> {
  const { arrival, envelope, recipients } = options;
  const header = envelope.messageHeader;
  const businessType = envelope.traceHeaderList.bussiness.bussinessDocType;
  // Each update is a row of its own, keyed by its bytes: a retry of the same package is a duplicate.
  const revision = businessType === 'update' ? createHash('sha256').update(arrival.bytes).digest('hex') : '';
  return db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    let isDuplicate = true;
    for (const recipient of recipients) {
      const inserted = await insertInbound(tx, { ...options, recipient, businessType, revision });
      if (inserted) {
        isDuplicate = false;
        ids.push(inserted);
        // A revocation is answered 15 or 16 (ADR 0023), not 01: it never waits in the box.
        if (businessType === 'revocation') {
          await applyRevocation(tx, { revocationId: inserted, recipient, envelope, at: new Date() });
          continue;
        }
        // An update is applied at once (or waits for its document), and answered by no status.
        if (businessType === 'update') {
          await applyUpdate(tx, { updateId: inserted, recipient, envelope, at: new Date() });
          continue;
        }
        await enqueueStatus(
          tx,
          {
            fromCode: recipient.code,
            fromName: recipient.name,
            toCode: header.from.organId,
            documentId: header.documentId,
            code: '01',
            at: new Date().toISOString(),
          },
          `${inserted}:01`,
        );
        await recordEvent(tx, systemActor('exchange'), {
          type: 'exchange.received',
          entityType: 'exchange_inbound',
          entityId: inserted,
          agencyId: recipient.id,
          data: {
            documentId: header.documentId,
            senderCode: header.from.organId,
            businessType,
            transport: arrival.transport,
          },
        });
        if (businessType === 'replacement') await markReplaced(tx, { recipient, envelope, at: new Date() });
        await recallIfRevoked(tx, { inboundId: inserted, recipient, envelope, at: new Date() });
        await applyPendingUpdates(tx, { recipient, envelope, at: new Date() });
      } else {
        const existing = await tx
          .selectFrom('exchange_inbound')
          .select('id')
          .where('agency_id', '=', recipient.id)
          .where('sender_code', '=', header.from.organId)
          .where('document_id', '=', header.documentId)
          .where('business_type', '=', businessType)
          .where('revision', '=', revision)
          .executeTakeFirstOrThrow();
        ids.push(existing.id);
      }
    }
    return { outcome: isDuplicate ? 'duplicate' : 'accepted', inboundIds: ids };
  });
}

async function insertInbound(
  tx: Transaction<DB>,
  options: {
    arrival: Arrival;
    envelope: EdxmlEnvelope;
    recipient: { id: string };
    verification: Verification;
    businessType: EdxmlEnvelope['traceHeaderList']['bussiness']['bussinessDocType'];
    revision: string;
  },
): Promise<string | null> {
  const header = options.envelope.messageHeader;
  const row = await tx
    .insertInto('exchange_inbound')
    .values({
      agency_id: options.recipient.id,
      sender_code: header.from.organId,
      sender_name: header.from.organName,
      document_id: header.documentId,
      business_type: options.businessType,
      revision: options.revision,
      transport: options.arrival.transport,
      envelope: JSON.stringify(envelopeSummary(options.envelope)),
      package: options.arrival.bytes,
      verification: JSON.stringify(options.verification),
    })
    .onConflict((conflict) =>
      conflict.columns(['agency_id', 'sender_code', 'document_id', 'business_type', 'revision']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
