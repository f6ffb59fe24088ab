import type { ColumnType, Generated } from 'kysely';
import type { ScannerKind } from './scanner.ts';
import type { AllowedMediaType } from './file-types.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** The files module's table (migration 0006), added to the platform's DB type by interface merging. */
export interface StoredFileTable {
  id: Generated<string>;
  owner_account_id: string;
  name: string;
  media_type: AllowedMediaType;
  size_bytes: number;
  sha256: string;
  /** Buffer from node-postgres, Uint8Array from PGlite. */
  content: ColumnType<Uint8Array, Uint8Array, never>;
  scan_status: 'clean';
  scanner: ScannerKind;
  created_at: CreatedAt;
  attached_kind: string | null;
  attached_id: string | null;
  attached_at: Date | null;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    stored_file: StoredFileTable;
  }
}
