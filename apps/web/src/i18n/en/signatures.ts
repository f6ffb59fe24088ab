import type { Dictionary } from '../dictionary.ts';
import type { signaturePages as vi } from '../vi/signatures.ts';

/** Checking the digital signatures of a PDF: the public verification page. */
export const signaturePages: Dictionary<typeof vi> = {
  verify: {
    navLabel: 'Check signatures',
    title: 'Check the digital signatures of a PDF',
    lead: 'Choose a PDF (up to 20 MB) to check each digital signature: who signed, who issued the certificate, when, whether the document is unchanged, whether the certificate is trusted and not revoked. The file is not kept.',
    file: 'PDF file',
    check: 'Check',
    checking: 'Checking…',
    result: 'Result for {{name}}',
    count: 'The file carries {{count}} digital signature(s).',
    signature: 'Signature {{index}}',
    valid: 'VALID',
    invalid: 'NOT VALID',
    signer: 'Signer',
    organisation: 'Organisation',
    issuer: 'Certificate issuer',
    serial: 'Certificate serial number',
    time: 'Signing time (as claimed)',
    timestamp: 'Timestamp',
    noTimestamp: 'None',
    timestampTrusted: '{{time}} (trusted)',
    timestampUntrusted: '{{time}} (NOT trusted)',
    integrity: 'Integrity',
    integrityOk: 'The content is unchanged since signing',
    integrityBad: 'The content was changed or the signature is broken',
    trust: 'Trust',
    trustValues: {
      trusted: 'The certificate chains to a trusted authority',
      untrusted: 'The certificate does NOT chain to a trusted authority',
      expired: 'The certificate has expired',
    },
    revocation: 'Revocation',
    revocationValues: {
      good: 'Not revoked',
      revoked: 'The certificate IS REVOKED',
      unknown: 'Revocation status unknown',
    },
    coverage: 'Coverage',
    wholeDocument: 'The whole document',
    earlierRevision: 'An earlier revision (signatures or content were added after)',
    unknown: 'Unknown',
  },
};
