/** The remote-signing audit events, added to the catalogue by interface merging. */
declare module '../../audit/events.ts' {
  interface AuditEventCatalogue {
    'remote_signing_account.enrolled': {
      entity: 'remote_signing_account';
      data: {
        officialId: string;
        providerUserId: string;
        subject: string;
        serialNumber: string;
        certificateSha256: string;
        /** The account it replaced, if the official had one. */
        replaced: string | null;
      };
    };
    'remote_signing_account.removed': {
      entity: 'remote_signing_account';
      data: { officialId: string; providerUserId: string };
    };
  }
}

export {};
