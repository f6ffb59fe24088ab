import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateColumn = ColumnType<string, string, string>;

/** Work files and retention (migration 0022), added to the platform's DB type by interface merging. */
export interface DocumentRetentionTable {
  type_code: string;
  effective_from: DateColumn;
  retention_years: number | null;
  source: string;
}

export interface WorkFileTable {
  id: Generated<string>;
  agency_id: string;
  file_catalog: number;
  file_notation: string;
  title: string;
  description: string | null;
  retention_from: 'explicit' | 'documents';
  retention_years: number | null;
  retention_permanent: ColumnType<boolean, boolean | undefined, boolean>;
  rights: ColumnType<'public' | 'restricted' | 'confidential', string | undefined, string>;
  kind: ColumnType<'general' | 'construction', string | undefined, never>;
  language: ColumnType<string, string | undefined, string>;
  state: ColumnType<'open' | 'closed' | 'archived', 'open' | undefined, 'open' | 'closed' | 'archived'>;
  start_date: DateColumn;
  end_date: ColumnType<string | null, never, string | null>;
  archive_due_on: ColumnType<string | null, never, string | null>;
  archived_at: ColumnType<Date | null, never, Date | null>;
  created_by: string;
  created_at: CreatedAt;
}

export interface WorkFileDocumentTable {
  work_file_id: string;
  doc_ordinal: number;
  incoming_document_id: string | null;
  outgoing_number_id: string | null;
  added_by: string;
  added_at: CreatedAt;
}

declare module '../../../platform/db-types.ts' {
  interface DB {
    document_retention: DocumentRetentionTable;
    work_file: WorkFileTable;
    work_file_document: WorkFileDocumentTable;
  }
}

declare module '../../audit/events.ts' {
  interface AuditEventCatalogue {
    'work_file.created': {
      entity: 'work_file';
      data: { fileCode: string; title: string };
    };
    'work_file.document_added': {
      entity: 'work_file';
      data: { docOrdinal: number; incomingDocumentId: string | null; outgoingNumberId: string | null };
    };
    'work_file.document_removed': {
      entity: 'work_file';
      data: { docOrdinal: number; incomingDocumentId: string | null; outgoingNumberId: string | null };
    };
    'work_file.closed': {
      entity: 'work_file';
      data: { endDate: string; archiveDueOn: string; retention: number | 'permanent' };
    };
    'work_file.archived': {
      entity: 'work_file';
      data: { fileCode: string; docTotal: number };
    };
  }
}
