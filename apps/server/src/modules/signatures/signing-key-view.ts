import type { Selectable } from 'kysely';
import type { SigningKeyTable } from './tables.ts';

/** A signing key as the API shows it: never the private key, never the ciphertext. */
export interface SigningKeyView {
  id: string;
  kind: 'personal' | 'seal' | 'tsa' | 'ocsp';
  officialId: string | null;
  agencyId: string;
  subject: string;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  certificateSha256: string;
  status: 'active' | 'revoked';
  enrolledAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export const SIGNING_KEY_VIEW_COLUMNS = [
  'id',
  'kind',
  'official_id',
  'agency_id',
  'subject',
  'common_name',
  'issuer',
  'serial_number',
  'not_before',
  'not_after',
  'algorithm',
  'certificate_sha256',
  'status',
  'enrolled_at',
  'revoked_at',
  'revoke_reason',
] as const;

type ViewRow = Pick<Selectable<SigningKeyTable>, (typeof SIGNING_KEY_VIEW_COLUMNS)[number]>;

export function toSigningKeyView(row: ViewRow): SigningKeyView {
  return {
    id: row.id,
    kind: row.kind,
    officialId: row.official_id,
    agencyId: row.agency_id,
    subject: row.subject,
    commonName: row.common_name,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: new Date(row.not_before).toISOString(),
    notAfter: new Date(row.not_after).toISOString(),
    algorithm: row.algorithm,
    certificateSha256: row.certificate_sha256,
    status: row.status,
    enrolledAt: new Date(row.enrolled_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokeReason: row.revoke_reason,
  };
}
