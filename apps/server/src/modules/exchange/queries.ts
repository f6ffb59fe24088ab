import type { Db } from '../../platform/db.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import type { EdxmlEnvelope } from './edxml/index.ts';
import type { PackageSignatureReport } from './xml-dsig/package-signature.ts';
import type { ExchangeDirectoryEntry, ExchangeInboundItem, ExchangeOutboundPackage } from '@tinhso/contracts';
import './tables.ts';

const LIMIT = 200;

type StoredEnvelope = Omit<EdxmlEnvelope, 'attachments'> & {
  attachments: { attachmentName: string; contentType: string; sizeBytes: number }[];
};

const iso = (date: Date | string) => new Date(date).toISOString();

/** The box of electronic documents received by the agencies in scope, newest first. */
export async function listInbound(
  db: Db,
  scope: AgencyScope,
  query: { state?: ExchangeInboundItem['state'] },
): Promise<{ items: ExchangeInboundItem[] }> {
  if (!scope.all && scope.agencyIds.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('exchange_inbound')
    .selectAll()
    .$if(!scope.all, (q) => q.where('agency_id', 'in', scope.all ? [] : scope.agencyIds))
    .$if(query.state !== undefined, (q) => q.where('state', '=', query.state ?? 'waiting'))
    .orderBy('received_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    items: rows.map((row) => {
      const envelope = row.envelope as StoredEnvelope;
      const header = envelope.messageHeader;
      const verification = row.verification as {
        package: PackageSignatureReport;
        pdfs?: { reports: { signer: { commonName: string | null } | null }[] }[];
      };
      return {
        id: row.id,
        agencyId: row.agency_id,
        senderCode: row.sender_code,
        senderName: row.sender_name,
        documentId: row.document_id,
        businessType: row.business_type,
        numberSymbol: `${header.code.codeNumber}/${header.code.codeNotation}`,
        subject: header.subject,
        promulgationDate: header.promulgationInfo.promulgationDate,
        transport: row.transport,
        state: row.state,
        signer: signersOf(verification),
        attachments: envelope.attachments.map((a) => ({
          name: a.attachmentName,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
        })),
        incomingDocumentId: row.incoming_document_id,
        returnReason: row.return_reason,
        recallReason: row.recall_reason,
        receivedAt: iso(row.received_at),
      };
    }),
  };
}

/** Packages sent by the agencies in scope, each recipient with its latest status and history. */
export async function listOutbound(
  db: Db,
  scope: AgencyScope,
  query: { sourceId?: string },
): Promise<{ items: ExchangeOutboundPackage[] }> {
  if (!scope.all && scope.agencyIds.length === 0) return { items: [] };
  const packages = await db
    .selectFrom('exchange_package')
    .select(['id', 'document_id', 'business_type', 'source_kind', 'source_id', 'document', 'created_at'])
    .$if(!scope.all, (q) => q.where('agency_id', 'in', scope.all ? [] : scope.agencyIds))
    .$if(query.sourceId !== undefined, (q) => q.where('source_id', '=', query.sourceId ?? ''))
    .orderBy('created_at', 'desc')
    .limit(LIMIT)
    .execute();
  if (packages.length === 0) return { items: [] };
  const ids = packages.map((row) => row.id);
  const recipients = await db
    .selectFrom('exchange_outbound')
    .selectAll()
    .where('package_id', 'in', ids)
    .orderBy('recipient_code')
    .execute();
  const history =
    recipients.length === 0
      ? []
      : await db
          .selectFrom('exchange_outbound_status')
          .selectAll()
          .where(
            'outbound_id',
            'in',
            recipients.map((row) => row.id),
          )
          .orderBy('reported_at')
          .orderBy('code')
          .execute();
  return {
    items: packages.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      businessType: row.business_type,
      sourceKind: row.source_kind,
      sourceId: row.source_id,
      subject: (row.document as { subject: string }).subject,
      createdAt: iso(row.created_at),
      recipients: recipients
        .filter((recipient) => recipient.package_id === row.id)
        .map((recipient) => ({
          id: recipient.id,
          recipientCode: recipient.recipient_code,
          recipientName: recipient.recipient_name,
          transport: recipient.transport,
          sentAt: recipient.sent_at ? iso(recipient.sent_at) : null,
          statusCode: recipient.status_code,
          statusDescription: recipient.status_description,
          statusAt: recipient.status_at ? iso(recipient.status_at) : null,
          history: history
            .filter((item) => item.outbound_id === recipient.id)
            .map((item) => ({
              code: item.code,
              description: item.description,
              staff: item.staff,
              reportedAt: iso(item.reported_at),
            })),
        })),
    })),
  };
}

/** Refused packages of the agencies in scope; those whose recipient could not be read only for the province. */
export async function listQuarantine(db: Db, scope: AgencyScope) {
  if (!scope.all && scope.agencyIds.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('exchange_quarantine')
    .select([
      'id',
      'agency_id',
      'sender_code',
      'document_id',
      'transport',
      'reasons',
      'sha256',
      'received_at',
    ])
    .select((eb) => eb.fn<number>('octet_length', ['package']).as('size_bytes'))
    .$if(!scope.all, (q) => q.where('agency_id', 'in', scope.all ? [] : scope.agencyIds))
    .orderBy('received_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      agencyId: row.agency_id,
      senderCode: row.sender_code,
      documentId: row.document_id,
      transport: row.transport,
      reasons: row.reasons as string[],
      sha256: row.sha256,
      sizeBytes: Number(row.size_bytes),
      receivedAt: iso(row.received_at),
    })),
  };
}

/** The directory: this server's agencies (local) and the imported or synced entries. */
export async function listDirectory(db: Db) {
  const [agencies, entries] = await Promise.all([
    db.selectFrom('agency').select(['code', 'name']).orderBy('code').execute(),
    db
      .selectFrom('exchange_directory')
      .select(['code', 'name', 'transport', 'peer', 'source'])
      .orderBy('code')
      .execute(),
  ]);
  const local = new Set(agencies.map((agency) => agency.code));
  return {
    items: [
      ...agencies.map((agency) => ({
        code: agency.code,
        name: agency.name,
        transport: 'local' as const,
        peer: null,
        source: 'local' as const,
      })),
      ...entries.filter((entry) => !local.has(entry.code)),
    ],
  };
}

/** Imports entries (insert or replace by code); answers how many were written. */
export async function importDirectory(
  db: Db,
  entries: ExchangeDirectoryEntry[],
  source: 'import' | 'axis',
): Promise<number> {
  if (entries.length === 0) return 0;
  await db
    .insertInto('exchange_directory')
    .values(
      entries.map((entry) => ({
        code: entry.code,
        name: entry.name,
        transport: entry.transport,
        peer: entry.transport === 'peer' ? (entry.peer ?? null) : null,
        source,
      })),
    )
    .onConflict((conflict) => {
      const update = conflict.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        transport: eb.ref('excluded.transport'),
        peer: eb.ref('excluded.peer'),
        source: eb.ref('excluded.source'),
        updated_at: new Date(),
      }));
      // A sync never overrides what an administrator imported (e.g. a peer reached directly).
      return source === 'axis' ? update.where('exchange_directory.source', '=', 'axis') : update;
    })
    .execute();
  return entries.length;
}

/**
 * Who signed, as a clerk reads it: the common names on the document's PDF signatures in signing
 * order (the official, then the agency seal), else the package's XML-DSig signer.
 */
function signersOf(verification: {
  package: PackageSignatureReport;
  pdfs?: { reports: { signer: { commonName: string | null } | null }[] }[];
}): string | null {
  const names = (verification.pdfs ?? [])
    .flatMap((pdf) => pdf.reports.map((report) => report.signer?.commonName ?? null))
    .filter((name): name is string => Boolean(name));
  if (names.length > 0) return [...new Set(names)].join('; ');
  const subject = verification.package.signer?.subject ?? null;
  return subject === null ? null : (/(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1] ?? subject);
}
