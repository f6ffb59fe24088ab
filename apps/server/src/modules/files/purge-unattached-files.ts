import type { Db } from '../../platform/db.ts';
import './tables.ts';

/**
 * Deletes uploads that no dossier took before `olderThan` (a form abandoned half-way), so that
 * their bytes do not stay in the database for ever. Returns how many went.
 */
export async function purgeUnattachedFiles(db: Db, options: { olderThan: Date }): Promise<number> {
  const result = await db
    .deleteFrom('stored_file')
    .where('attached_kind', 'is', null)
    .where('created_at', '<', options.olderThan)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
