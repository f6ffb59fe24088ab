/** The documents module's audit events, added to the catalogue by interface merging. */
declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'document.number_issued': {
      entity: 'outgoing_number';
      data: { year: number; number: number; numberSymbol: string; typeCode: string };
    };
    'document.incoming_registered': {
      entity: 'incoming_document';
      data: {
        year: number;
        arrivalNumber: number;
        numberSymbol: string;
        issuerName: string;
        typeCode: string;
        confidentiality: string;
        scanFileId: string | null;
      };
    };
  }
}

export {};
