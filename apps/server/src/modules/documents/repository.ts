import type { Selectable } from 'kysely';
import type { DocumentType, IncomingDocument, OutgoingNumber } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import type { DocumentTypeTable, IncomingDocumentTable, OutgoingNumberTable } from './tables.ts';
import './incoming-tables.ts';
import './tables.ts';

export const toDocumentType = (row: Selectable<DocumentTypeTable>): DocumentType => ({
  code: row.code,
  nameVi: row.name_vi,
  abbreviation: row.abbreviation,
  symbolRule: row.symbol_rule,
});

/** The 29 types of NĐ 30/2020 in the order of the decree. */
export async function listDocumentTypes(db: Db): Promise<DocumentType[]> {
  const rows = await db.selectFrom('document_type').selectAll().orderBy('sort_order').execute();
  return rows.map(toDocumentType);
}

export const toOutgoingNumber = (row: Selectable<OutgoingNumberTable>): OutgoingNumber => ({
  id: row.id,
  agencyId: row.agency_id,
  year: row.year,
  number: row.number,
  typeCode: row.type_code,
  symbol: row.symbol,
  numberSymbol: row.number_symbol,
  summary: row.summary,
  issuedAt: row.issued_at.toISOString(),
  issuedBy: row.issued_by,
});

export const toIncomingDocument = (
  row: Selectable<IncomingDocumentTable> & { type_name: string },
): IncomingDocument => ({
  id: row.id,
  agencyId: row.agency_id,
  year: row.year,
  arrivalNumber: row.arrival_number,
  receivedAt: row.received_at.toISOString(),
  issuerName: row.issuer_name,
  issuerCode: row.issuer_code,
  numberSymbol: row.number_symbol,
  issuedOn: row.issued_on,
  typeCode: row.type_code,
  typeName: row.type_name,
  summary: row.summary,
  urgency: row.urgency,
  confidentiality: row.confidentiality,
  isSecret: row.is_secret,
  pages: row.pages,
  scanFileId: row.scan_file_id,
  registeredBy: row.registered_by,
  createdAt: row.created_at.toISOString(),
  status: row.status,
  dueOn: row.due_on,
});
