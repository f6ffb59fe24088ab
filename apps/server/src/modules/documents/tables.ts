import type { ColumnType, Generated } from 'kysely';
import type { DocumentConfidentiality, DocumentUrgency, SYMBOL_RULES } from '@tinhso/contracts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateColumn = ColumnType<string, string, string>;

/** The documents tables (migration 0016), added to the platform's DB type by interface merging. */
export interface DocumentTypeTable {
  code: string;
  name_vi: string;
  abbreviation: string | null;
  symbol_rule: (typeof SYMBOL_RULES)[number];
  sort_order: number;
}

export type SeriesRegister = 'outgoing' | 'incoming';

export interface DocumentSeriesTable {
  agency_id: string;
  register: SeriesRegister;
  year: number;
  last_number: number;
}

export interface OutgoingNumberTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  number: number;
  type_code: string;
  symbol: string;
  number_symbol: string;
  summary: string;
  issued_at: CreatedAt;
  issued_by: string;
}

export interface IncomingDocumentTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  arrival_number: number;
  received_at: ColumnType<Date, Date | string, never>;
  issuer_name: string;
  issuer_code: string | null;
  number_symbol: string;
  issued_on: DateColumn;
  type_code: string;
  summary: string;
  urgency: DocumentUrgency;
  confidentiality: DocumentConfidentiality;
  is_secret: ColumnType<boolean, never, never>;
  pages: number | null;
  scan_file_id: string | null;
  registered_by: string;
  created_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    document_type: DocumentTypeTable;
    document_series: DocumentSeriesTable;
    outgoing_number: OutgoingNumberTable;
    incoming_document: IncomingDocumentTable;
  }
  interface AgencyTable {
    /** Viết tắt tên cơ quan in ký hiệu (migration 0016): derived from the short name until set. */
    abbreviation: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
