import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db.ts';
import { runMigrations } from '../platform/migrate.ts';
import { seedDemo } from '../modules/organisation/seed-demo.ts';
import { seedProcedures } from '../modules/procedures/seed-procedures.ts';
import type { ServerDatabase, ServerDatabases } from './two-servers.ts';

async function seed(database: Database): Promise<void> {
  await runMigrations(database.db);
  await seedDemo(database.db);
  await seedProcedures(database.db);
}

/**
 * Databases for the two servers made from nothing (migrated, demo province seeded), for tools that
 * have no test fixture: with `adminUrl`, a PostgreSQL database per server on that server (named
 * after `prefix`, dropped by `drop`); without, a PGlite folder per server, copied from one seeded in
 * memory the first time.
 */
export function seededDatabases(options: { adminUrl?: string | undefined; prefix: string }): ServerDatabases {
  const { adminUrl, prefix } = options;
  let dump: Promise<Blob> | undefined;
  const pgliteDump = async () => {
    const template = await openPglite('memory://');
    await seed(template);
    const blob = await (template.pglite?.dumpDataDir('gzip') ?? Promise.reject(new Error('no PGlite')));
    await template.close();
    return blob;
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return async (dir, name): Promise<ServerDatabase> => {
    if (adminUrl) {
      const databaseName = `${prefix}_${name}`;
      await admin(`drop database if exists ${databaseName} with (force)`);
      await admin(`create database ${databaseName}`);
      const url = new URL(adminUrl);
      url.pathname = `/${databaseName}`;
      const database = openPostgres(url.toString(), 2);
      await seed(database);
      return {
        database,
        env: { DATABASE_URL: url.toString() },
        drop: () => admin(`drop database if exists ${databaseName} with (force)`),
      };
    }
    dump ??= pgliteDump();
    const dataDir = join(dir, `pglite-${name}`);
    return {
      database: await openPglite(dataDir, { loadDataDir: await dump }),
      env: { PGLITE_DATA_DIR: dataDir },
      drop: async () => undefined,
    };
  };
}
