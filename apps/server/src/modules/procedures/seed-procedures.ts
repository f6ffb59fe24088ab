import { systemActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { demoCatalogue } from './demo/catalogue.ts';
import { importProcedures, type ImportProgress } from './import-procedures.ts';

/**
 * Loads the demo catalogue. Idempotent: a procedure already present keeps its versions, and a second
 * run imports nothing when every demo code exists.
 */
export async function seedProcedures(db: Db, onProgress?: ImportProgress): Promise<{ seeded: number }> {
  const codes = demoCatalogue.map((item) => item.code);
  const present = await db.selectFrom('procedure').select('code').where('code', 'in', codes).execute();
  const known = new Set(present.map((row) => row.code));
  const missing = demoCatalogue.filter((item) => !known.has(item.code));
  if (missing.length === 0) return { seeded: 0 };
  await db
    .transaction()
    .execute((tx) =>
      importProcedures(tx, missing, systemActor('demo seed (procedure catalogue)'), onProgress),
    );
  return { seeded: missing.length };
}
