import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { asBuffer, SUMMARY_COLUMNS, toSummary, type FileWithContent } from './repository.ts';
import './tables.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A file with its bytes, without any access check: the module that owns the dossier decides who may
 * read what it attached and serves the download through its own routes. Throws not_found.
 */
export async function readFile(db: Db, id: string): Promise<FileWithContent> {
  if (!UUID.test(id)) throw notFound('file');
  const row = await db
    .selectFrom('stored_file')
    .select([...SUMMARY_COLUMNS, 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('file');
  return { ...toSummary(row), content: asBuffer(row.content) };
}
