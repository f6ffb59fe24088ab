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
}

export interface TrustCrlTable {
  id: Generated<string>;
  issuer: string;
  crl: ColumnType<Uint8Array, Uint8Array, never>;
  this_update: ColumnType<Date, Date | string, Date | string>;
  next_update: ColumnType<Date | null, Date | string | null, Date | string | null>;
  fetched_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    trust_anchor: TrustAnchorTable;
    trust_crl: TrustCrlTable;
  }
}
