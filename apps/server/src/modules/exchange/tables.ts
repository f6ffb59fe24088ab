import type { ColumnType, Generated } from 'kysely';
import type { BussinessDocType } from './edxml/types.ts';

/** The exchange tables (migration 20261127_0021), added to the platform's DB type by interface merging. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;
type Json<T> = ColumnType<T, string, string>;

export type ExchangeTransport = 'local' | 'peer' | 'axis';

export interface ExchangeDirectoryTable {
  code: string;
  name: string;
  transport: 'peer' | 'axis';
  peer: string | null;
  source: 'import' | 'axis';
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExchangePackageTable {
  id: Generated<string>;
  agency_id: string;
  document_id: string;
  business_type: BussinessDocType;
  source_kind: 'outgoing';
  source_id: string;
  document: Json<unknown>;
  signed_xml: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  /** Update messages: 1, 2 … per document (migration 0028); 0 for every other business type. */
  revision: ColumnType<number, number | undefined, never>;
  created_at: CreatedAt;
}

export interface ExchangePackageFileTable {
  package_id: string;
  position: number;
  name: string;
  media_type: string;
  content: Bytes;
}

export interface ExchangeOutboundTable {
  id: Generated<string>;
  package_id: string;
  recipient_code: string;
  recipient_name: string;
  transport: ExchangeTransport | null;
  sent_at: Date | null;
  status_code: string | null;
  status_description: string | null;
  status_at: Date | null;
  created_at: CreatedAt;
}

export interface ExchangeOutboundStatusTable {
  id: Generated<string>;
  outbound_id: string;
  code: string;
  description: string | null;
  staff: string | null;
  reported_at: ColumnType<Date, Date | string, never>;
  received_at: CreatedAt;
}

/**
 * Box entries: waiting → registered | returned, any → recalled; a received revocation: applied |
 * refused; a received update: applied, pending (its document has not arrived) or refused (recalled).
 */
export type InboundState =
  'waiting' | 'registered' | 'returned' | 'recalled' | 'applied' | 'refused' | 'pending';

export interface ExchangeInboundTable {
  id: Generated<string>;
  agency_id: string;
  sender_code: string;
  sender_name: string;
  document_id: string;
  business_type: BussinessDocType;
  /** Update messages: the SHA-256 of the package (migration 0028); '' for every other business type. */
  revision: ColumnType<string, string | undefined, never>;
  transport: ExchangeTransport;
  envelope: Json<unknown>;
  package: Bytes;
  verification: Json<unknown>;
  state: ColumnType<InboundState, InboundState | undefined, InboundState>;
  incoming_document_id: string | null;
  return_reason: string | null;
  recalled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  recall_reason: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: CreatedAt;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface ExchangeQuarantineTable {
  id: Generated<string>;
  agency_id: string | null;
  sender_code: string | null;
  document_id: string | null;
  transport: ExchangeTransport;
  reasons: Json<unknown>;
  package: Bytes;
  sha256: string;
  received_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    exchange_directory: ExchangeDirectoryTable;
    exchange_package: ExchangePackageTable;
    exchange_package_file: ExchangePackageFileTable;
    exchange_outbound: ExchangeOutboundTable;
    exchange_outbound_status: ExchangeOutboundStatusTable;
    exchange_inbound: ExchangeInboundTable;
    exchange_quarantine: ExchangeQuarantineTable;
  }
}
