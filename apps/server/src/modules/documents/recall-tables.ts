import type { ColumnType } from 'kysely';

/**
 * Recall and replacement (migration 20261128_0024, ADR 0023): the columns added to the outgoing and
 * incoming tables and the audit events, by interface merging.
 */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

declare module './outgoing-tables.ts' {
  interface OutgoingDraftTable {
    recalled_at: Nullable<Date>;
    recalled_by: Nullable<string>;
    recall_reason: Nullable<string>;
    replaces_draft_id: Nullable<string>;
  }
}

declare module './tables.ts' {
  interface IncomingDocumentTable {
    recalled_at: Nullable<Date>;
    recall_reason: Nullable<string>;
    replaced_at: Nullable<Date>;
    replaced_by_reference: Nullable<string>;
    replaced_by_id: Nullable<string>;
  }
}

declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'outgoing.recalled': {
      entity: 'outgoing_draft';
      data: { numberSymbol: string; reason: string; recipientCodes: string[] };
    };
  }
}

export {};
