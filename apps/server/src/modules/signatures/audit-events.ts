/** The signatures module's audit events, added to the catalogue by interface merging. */
declare module '../audit/events.ts' {
  interface AuditEventCatalogue {
    'signing_key.enrolled': {
      entity: 'signing_key';
      data: {
        kind: 'personal' | 'seal' | 'tsa' | 'ocsp';
        officialId: string | null;
        subject: string;
        serialNumber: string;
        issuer: string;
        notAfter: string;
        certificateSha256: string;
      };
    };
    'signing_key.revoked': {
      entity: 'signing_key';
      data: {
        kind: 'personal' | 'seal' | 'tsa' | 'ocsp';
        officialId: string | null;
        serialNumber: string;
        reason: string;
      };
    };
    'signature_image.uploaded': {
      entity: 'official';
      data: { width: number; height: number; sha256: string };
    };
    'trust_anchor.added': { entity: 'trust_anchor'; data: { name: string; subject: string; sha256: string } };
    'trust_anchor.removed': { entity: 'trust_anchor'; data: { name: string; sha256: string } };
    'trust_anchor.ocsp_configured': {
      entity: 'trust_anchor';
      data: {
        name: string;
        url: string | null;
        useAia: boolean;
        previousUrl: string | null;
        previousUseAia: boolean;
      };
    };
    'trust_crl.added': {
      entity: 'trust_crl';
      data: { issuer: string; thisUpdate: string; nextUpdate: string | null; revoked: number };
    };
  }
}

export {};
