/** Update messages (migration 20261129_0028, ADR 0027): the audit events, by interface merging. */
declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'outgoing.updated': {
      entity: 'outgoing_draft';
      data: { reason: string; fields: string[]; revision: number | null; recipientCodes: string[] };
    };
  }
}

export {};
