/** The exchange module's audit events, added to the catalogue by interface merging. */
declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'exchange.queued': {
      entity: 'exchange_package';
      data: { documentId: string; businessType: string; recipientCodes: string[] };
    };
    'exchange.received': {
      entity: 'exchange_inbound';
      data: { documentId: string; senderCode: string; businessType: string; transport: string };
    };
    'exchange.quarantined': {
      entity: 'exchange_quarantine';
      data: { documentId: string | null; senderCode: string | null; reasons: string[]; transport: string };
    };
    'exchange.registered': {
      entity: 'exchange_inbound';
      data: { documentId: string; incomingDocumentId: string };
    };
    'exchange.returned': {
      entity: 'exchange_inbound';
      data: { documentId: string; reason: string };
    };
    'exchange.revocation_received': {
      entity: 'exchange_inbound';
      data: { documentId: string; senderCode: string; outcome: 'applied' | 'refused'; recalled: number };
    };
    'exchange.update_received': {
      entity: 'exchange_inbound';
      data: {
        documentId: string;
        senderCode: string;
        outcome: 'applied' | 'pending' | 'refused';
        superseded: boolean;
        fields: string[];
      };
    };
    'exchange.status_received': {
      entity: 'exchange_outbound';
      data: { documentId: string; recipientCode: string; code: string };
    };
  }
}

export {};
