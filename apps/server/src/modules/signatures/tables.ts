import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** The trust list (migration 0017), added to the platform's DB type by interface merging. */
export interface TrustAnchorTable {
  id: Generated<string>;
  name: string;
  certificate: ColumnType<Uint8Array, Uint8Array, never>;
  sha256: string;
  added_at: CreatedAt;
  removed_at: Date | null;
  /** OCSP (migration 0027, ADR 0026): the responder of the certificates chaining to this root. */
  ocsp_url: ColumnType<string | null, string | null | undefined, string | null>;
  ocsp_use_aia: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface TrustCrlTable {
  id: Generated<string>;
  issuer: string;
  crl: ColumnType<Uint8Array, Uint8Array, never>;
  this_update: ColumnType<Date, Date | string, Date | string>;
  next_update: ColumnType<Date | null, Date | string | null, Date | string | null>;
  fetched_at: CreatedAt;
}

/** Signing keys (migration 0020): the private key encrypted, the certificates in clear. */
export interface SigningKeyTable {
  id: string;
  /** personal: an official's; seal: an agency's; tsa: the demo timestamp authority's; ocsp: the demo OCSP responder's. */
  kind: 'personal' | 'seal' | 'tsa' | 'ocsp';
  official_id: string | null;
  agency_id: string;
  subject: string;
  common_name: string | null;
  issuer: string;
  serial_number: string;
  not_before: ColumnType<Date, Date | string, never>;
  not_after: ColumnType<Date, Date | string, never>;
  algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  certificate_sha256: string;
  /** Base64 DER, the signer's first. */
  certificate_chain: ColumnType<string[], string, never>;
  private_key_ciphertext: ColumnType<Uint8Array, Uint8Array, never>;
  kek_id: string;
  status: ColumnType<'active' | 'revoked', 'active' | 'revoked' | undefined, 'revoked'>;
  enrolled_at: CreatedAt;
  enrolled_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface OfficialSignatureImageTable {
  official_id: string;
  png: Uint8Array;
  width: number;
  height: number;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
  uploaded_by: string | null;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    trust_anchor: TrustAnchorTable;
    trust_crl: TrustCrlTable;
    signing_key: SigningKeyTable;
    official_signature_image: OfficialSignatureImageTable;
  }
}
