import type { Db } from '../../platform/db.ts';
import { UUID } from './read-file.ts';
import { SUMMARY_COLUMNS, toSummary, type FileSummary } from './repository.ts';
import './tables.ts';

/** What a dossier shows of its files (no bytes), in the order of `ids`; unknown ids are left out. */
export async function fileSummary(db: Db, ids: readonly string[]): Promise<FileSummary[]> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('stored_file').select(SUMMARY_COLUMNS).where('id', 'in', wanted).execute();
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}
