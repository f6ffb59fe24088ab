import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { runMigrations } from './platform/migrate.ts';

/**
 * Starts the server: validate configuration, open the database, apply migrations under a lock,
 * listen, and on SIGTERM/SIGINT finish the requests in flight before closing the database.
 */
export async function startServer(
  config: Config,
  options: { beforeListen?: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void> } = {},
) {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
    poolMax: config.DB_POOL_MAX,
  });
  await runMigrations(database.db);
  await options.beforeListen?.(database);
  const app = await buildApp(config, database);
  if (database.kind === 'pglite') {
    app.log.warn(
      'Embedded PGlite database: for trying and developing only (it never calls fsync). Set DATABASE_URL for production.',
    );
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  return { app, database };
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

if (import.meta.main) {
  await startServer(loadConfigOrExit());
}
