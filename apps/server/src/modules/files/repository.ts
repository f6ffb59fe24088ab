import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import type { AllowedMediaType } from './file-types.ts';
import type { ScannerKind } from './scanner.ts';

/** Everything about a stored file but its bytes. */
export interface FileSummary {
  id: string;
  name: string;
  mediaType: AllowedMediaType;
  size: number;
  sha256: string;
  ownerAccountId: string;
  scanner: ScannerKind;
  createdAt: string;
  attachedTo: { kind: string; id: string } | null;
}

export interface FileWithContent extends FileSummary {
  content: Buffer;
}

/** The default of `files.maxBytes` when no row is in force (migration 0006 inserts the same). */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The largest upload accepted today (`files.maxBytes`, dated like every setting). Read here rather
 * than through platform/settings.ts until that file lists the key.
 */
export async function getMaxUploadBytes(db: Db): Promise<number> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', 'files.maxBytes')
    .where('effective_from', '<=', sql<string>`current_date`)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  const value = Number(row?.value ?? DEFAULT_MAX_BYTES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_BYTES;
}

export const SUMMARY_COLUMNS = [
  'id',
  'name',
  'media_type',
  'size_bytes',
  'sha256',
  'owner_account_id',
  'scanner',
  'created_at',
  'attached_kind',
  'attached_id',
] as const;

export function toSummary(row: {
  id: string;
  name: string;
  media_type: AllowedMediaType;
  size_bytes: number;
  sha256: string;
  owner_account_id: string;
  scanner: ScannerKind;
  created_at: Date;
  attached_kind: string | null;
  attached_id: string | null;
}): FileSummary {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.media_type,
    size: row.size_bytes,
    sha256: row.sha256,
    ownerAccountId: row.owner_account_id,
    scanner: row.scanner,
    createdAt: row.created_at.toISOString(),
    attachedTo:
      row.attached_kind !== null && row.attached_id !== null
        ? { kind: row.attached_kind, id: row.attached_id }
        : null,
  };
}

/** PGlite answers bytea as Uint8Array, node-postgres as Buffer: callers get a Buffer either way. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
