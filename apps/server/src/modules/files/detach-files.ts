import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import './tables.ts';

/**
 * Gives files attached to a record back to their owners, unattached (a citizen takes a file out of
 * a draft), inside the caller's transaction. Ids attached to another record are left alone. Returns
 * how many were released; they are purged later like any upload no dossier took.
 */
export async function detachFiles(
  tx: Transaction<DB>,
  options: { fileIds: readonly string[]; kind: string; id: string },
): Promise<number> {
  if (options.fileIds.length === 0) return 0;
  const result = await tx
    .updateTable('stored_file')
    .set({ attached_kind: null, attached_id: null, attached_at: null })
    .where('id', 'in', [...options.fileIds])
    .where('attached_kind', '=', options.kind)
    .where('attached_id', '=', options.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
