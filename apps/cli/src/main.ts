#!/usr/bin/env node
import {
  loadConfigOrExit,
  openDatabase,
  runMigrations,
  seedDemo,
  seedDemoSigning,
  seedProcedures,
  startServer,
  verifyChain,
} from '@tinhso/server';
import { createProgress } from './progress.ts';

const HELP = `TinhSo command line

  migrate        apply pending database migrations (under a lock)
  seed           load the demo province (skipped when agencies exist)
  demo           migrate, seed if empty, and start the server
  serve          start the server (migrations run first)
  audit verify   check the audit trail's hash chain; names the first broken record

Configuration comes from the environment (see README): DATABASE_URL, PGLITE_DATA_DIR, PORT, …`;

async function withDatabase<T>(
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfigOrExit();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
    poolMax: 2,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function seed(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  const { seeded } = await seedDemo(database.db, createProgress());
  console.error(seeded ? 'Demo province loaded.' : 'Demo data already present; nothing to do.');
  console.error(
    `Demo procedure catalogue: ${(await seedProcedures(database.db, createProgress())).seeded} procedure(s) loaded.`,
  );
  // Encrypted under SIGNING_KEY_SECRET, or the public demo secret when it is unset.
  const signing = await seedDemoSigning(database.db, { secret: loadConfigOrExit().SIGNING_KEY_SECRET });
  if (signing.keys > 0)
    console.error(`Demo CA: ${signing.keys} signing key(s) and the demo root in the trust list.`);
}

async function main(args: string[]): Promise<number> {
  const [command, sub] = args;
  switch (command) {
    case 'migrate':
      await withDatabase(async ({ db }) => {
        const applied = await runMigrations(db, (name) => console.error(`applied ${name}`));
        console.error(applied.length ? `${applied.length} migration(s) applied.` : 'Database is up to date.');
      });
      return 0;
    case 'seed':
      await withDatabase(async (database) => {
        await runMigrations(database.db);
        await seed(database);
      });
      return 0;
    case 'demo': {
      // The demo talks to the local simulators of the national portal, payment, SMS, Zalo and mail.
      process.env.SIMULATORS ??= 'true';
      const config = loadConfigOrExit();
      const { app } = await startServer(config, { beforeListen: seed });
      console.error(
        `TinhSo is running at http://localhost:${config.PORT} — sign in as chuyenvien / TinhSo@2026`,
      );
      app.log.info('demo started');
      return -1; // keep running
    }
    case 'serve':
      await startServer(loadConfigOrExit());
      return -1;
    case 'audit':
      if (sub !== 'verify') break;
      return withDatabase(async ({ db }) => {
        const report = await verifyChain(db, (checked) =>
          process.stderr.write(`\rchecked ${checked} records`),
        );
        process.stderr.write('\n');
        if (report.ok) {
          console.log(`Audit chain intact: ${report.checked} records.`);
          return 0;
        }
        console.log(
          `Audit chain BROKEN at record ${report.firstBrokenSeq}: ${report.reason}. ${report.checked} records before it are intact.`,
        );
        return 2;
      });
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`Unknown command: ${args.join(' ')}\n\n${HELP}`);
  return 64;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
