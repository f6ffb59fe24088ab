import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db.ts';
import { runMigrations } from '../src/platform/migrate.ts';
import { seedDemo } from '../src/modules/organisation/seed-demo.ts';
import { seedProcedures } from '../src/modules/procedures/seed-procedures.ts';

/**
 * Every test file gets a database of its own, already migrated and holding the demo province:
 * on PostgreSQL a copy of a template database, on PGlite a copy of a dumped data folder. The
 * fixture is built once per run (global-setup.ts).
 */
export const TEMPLATE_DB = 'tinhso_fixture';
/** TEST_FIXTURE_DIR lets runs that share a working tree keep their fixtures apart. */
export const FIXTURE_DIR = process.env.TEST_FIXTURE_DIR ?? '.tmp/test-fixture';
export const PGLITE_DUMP = `${FIXTURE_DIR}/pglite.tar.gz`;

export const testDatabaseKind = (): 'pglite' | 'postgres' =>
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test-all.sh sets it)');
  return url;
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function buildFixture(): Promise<void> {
  if (testDatabaseKind() === 'postgres') {
    await admin(async (client) => {
      await client.query(`drop database if exists ${TEMPLATE_DB}`);
      await client.query(`create database ${TEMPLATE_DB}`);
    });
    const database = openPostgres(urlFor(TEMPLATE_DB), 2);
    await runMigrations(database.db);
    await seedDemo(database.db);
    await seedProcedures(database.db);
    await database.close();
    return;
  }
  const database = await openPglite('memory://');
  await runMigrations(database.db);
  await seedDemo(database.db);
  await seedProcedures(database.db);
  const pglite = database.pglite;
  if (!pglite) throw new Error('openPglite must expose its PGlite for the fixture dump');
  const dump = await pglite.dumpDataDir('gzip');
  await writeFile(PGLITE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

/** A database of the test's own: a copy of the fixture, or empty (no migrations) when asked. */
export async function openTestDatabase(
  options: { empty?: boolean } = {},
): Promise<Database & { name: string; drop(): Promise<void>; open(): Database }> {
  if (testDatabaseKind() === 'postgres') {
    const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const template = options.empty ? 'template0' : TEMPLATE_DB;
    await admin((client) => client.query(`create database ${name} template ${template}`));
    const database = openPostgres(urlFor(name), 5);
    return {
      ...database,
      name,
      open: () => openPostgres(urlFor(name), 5),
      async drop() {
        await database.close();
        await admin((client) => client.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const database = options.empty
    ? await openPglite('memory://')
    : await openPglite('memory://', { loadDataDir: new Blob([await readFile(PGLITE_DUMP)]) });
  // PGlite is one in-process connection: a second handle is the same database.
  return { ...database, name: 'pglite', open: () => database, drop: () => database.close() };
}
