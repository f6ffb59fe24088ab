import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPglite, type Database } from '../src/platform/db.ts';
import { prepareServerPair, type Pair, type ServerDatabase } from '../src/tools/two-servers.ts';
import { openTestDatabase, PGLITE_DUMP, testDatabaseKind } from './fixture-database.ts';

/**
 * The two-server helper (src/tools/two-servers.ts) on the test fixture: each server's database is a
 * copy of the fixture (a PGlite folder loaded from its dump, or a PostgreSQL database from its
 * template with TEST_DB=postgres). Used by exchange-two-servers.test.ts.
 */
export {
  agencyCode,
  clerkOf,
  https,
  queueLetters,
  signIn,
  startServer,
  TU_PHAP,
  VP_UBND,
  type Pair,
  type ServerSpec,
} from '../src/tools/two-servers.ts';

async function fixtureDatabase(dir: string, name: string): Promise<ServerDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const database = await openTestDatabase();
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${database.name}`;
    return { database, env: { DATABASE_URL: url.toString() }, drop: () => database.drop() };
  }
  const dataDir = join(dir, `pglite-${name}`);
  const database = await openPglite(dataDir, { loadDataDir: new Blob([await readFile(PGLITE_DUMP)]) });
  return { database, env: { PGLITE_DATA_DIR: dataDir }, drop: async () => undefined };
}

/**
 * Prepares both databases (signing keys, cross trust, directories), lets `prepare` queue documents
 * while they are open in this process, then closes them: the servers are started afterwards.
 */
export function preparePair(
  prepare: (databases: { a: Database; b: Database }) => Promise<void>,
): Promise<Pair> {
  return prepareServerPair({ databases: fixtureDatabase, prepare });
}
