import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { UUID } from './read-file.ts';
import { asBuffer, SUMMARY_COLUMNS, toSummary, type FileWithContent } from './repository.ts';
import './tables.ts';

/**
 * The caller's own file that no dossier has taken yet. Another account's file, or one attached to a
 * dossier (served by that module), is not_found: the answer never says that it exists.
 */
export async function getOwnUnattachedFile(
  db: Db,
  options: { id: string; accountId: string },
): Promise<FileWithContent> {
  if (!UUID.test(options.id)) throw notFound('file');
  const row = await db
    .selectFrom('stored_file')
    .select([...SUMMARY_COLUMNS, 'content'])
    .where('id', '=', options.id)
    .where('owner_account_id', '=', options.accountId)
    .where('attached_kind', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('file');
  return { ...toSummary(row), content: asBuffer(row.content) };
}
