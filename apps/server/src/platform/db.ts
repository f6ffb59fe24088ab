import { mkdirSync } from 'node:fs';
import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import type { DB } from './db-types.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The embedded engine itself, for dumping a data folder (test fixtures, backups of a demo). */
  pglite?: PGlite;
}

const INT8 = 20;
const DATE = 1082;

// Both drivers answer the same JS types: int8 as number (our counters stay far below 2^53),
// dates as 'YYYY-MM-DD' strings (a Date at local midnight would shift with the server's zone).
pg.types.setTypeParser(INT8, (value: string) => Number(value));
pg.types.setTypeParser(DATE, (value: string) => value);

function commandOf(sqlText: string): PostgresQueryResult<unknown>['command'] {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sqlText)?.[1]?.toUpperCase();
  return verb === 'INSERT' || verb === 'UPDATE' || verb === 'DELETE' || verb === 'MERGE' ? verb : 'SELECT';
}

/**
 * PGlite is one connection in this process. This pool hands it to one Kysely connection at a time,
 * so a transaction owns it until it ends and other queries wait their turn.
 */
class PgliteSerialPool implements PostgresPool {
  readonly options = {};
  readonly #pglite: PGlite;
  #tail: Promise<void> = Promise.resolve();

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const pglite = this.#pglite;
    return {
      async query<R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        if (parameters.length === 0) {
          // The simple protocol accepts several statements (migrations); keep the last answer.
          const results = await pglite.exec(sqlText);
          const last = results.at(-1);
          return {
            command: commandOf(sqlText),
            rowCount: last?.affectedRows ?? 0,
            rows: (last?.rows ?? []) as R[],
          };
        }
        const result = await pglite.query<R>(sqlText, parameters as unknown[]);
        return { command: commandOf(sqlText), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release,
    } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
  }
}

export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { unaccent, pg_trgm, btree_gin },
    parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PgliteSerialPool(pglite) }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function openPostgres(url: string, maxConnections: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection that PostgreSQL closes (restart, failover, pg_terminate_backend) is dropped
  // from the pool and replaced on demand; without a listener the error would end the process.
  pool.on('error', (error) =>
    console.error(JSON.stringify({ level: 50, msg: 'idle database connection lost', err: error.message })),
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  pgliteDataDir: string;
  poolMax: number;
}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolMax)
    : openPglite(options.pgliteDataDir);
}
