import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Remote-signing accounts (migration 0023), added to the platform's DB type by interface merging. */
export interface RemoteSigningAccountTable {
  id: string;
  official_id: string;
  agency_id: string;
  provider_user_id: string;
  credential_id: string;
  subject: string;
  serial_number: string;
  not_before: ColumnType<Date, Date | string, never>;
  not_after: ColumnType<Date, Date | string, never>;
  algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  certificate_sha256: string;
  /** Base64 DER, the signer's first. */
  certificate_chain: ColumnType<string[], string, never>;
  enrolled_at: CreatedAt;
  enrolled_by: string | null;
  removed_at: Date | null;
  removed_by: string | null;
}

/** The simulator's users (SIMULATORS=true): their keys, encrypted like signing_key rows. */
export interface RemoteSigningSimulatorUserTable {
  user_id: string;
  display_name: string;
  algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  certificate_chain: ColumnType<string[], string, never>;
  private_key_ciphertext: ColumnType<Uint8Array, Uint8Array, never>;
  kek_id: string;
  auto_confirm: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

declare module '../../../platform/db-types.ts' {
  interface DB {
    remote_signing_account: RemoteSigningAccountTable;
    remote_signing_simulator_user: RemoteSigningSimulatorUserTable;
  }
}
