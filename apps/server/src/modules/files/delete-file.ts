import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { UUID } from './read-file.ts';
import './tables.ts';

/** Deletes the caller's own unattached file; once a dossier took it, it belongs to the dossier. */
export async function deleteOwnFile(db: Db, options: { id: string; accountId: string }): Promise<void> {
  if (!UUID.test(options.id)) throw notFound('file');
  const deleted = await db
    .deleteFrom('stored_file')
    .where('id', '=', options.id)
    .where('owner_account_id', '=', options.accountId)
    .where('attached_kind', 'is', null)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound('file');
}
