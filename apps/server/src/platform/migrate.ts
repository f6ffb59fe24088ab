import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Any constant works; two server copies starting together wait on it instead of racing. */
const MIGRATION_LOCK_KEY = 7_324_001;

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** The files ship with the code, so they are read once per process. */
let files: MigrationFile[] | undefined;
function migrationFiles(): MigrationFile[] {
  files ??= readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(MIGRATIONS_DIR + name, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
  return files;
}

async function ensureTable(db: Db): Promise<void> {
  await sql`create table if not exists schema_migration (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

/** Applied and pending migrations; `ensure` creates the bookkeeping table first (not needed once migrated). */
export async function getMigrationStatus(
  db: Db,
  options: { ensure?: boolean } = { ensure: true },
): Promise<MigrationStatus> {
  if (options.ensure) await ensureTable(db);
  const rows = await db.selectFrom('schema_migration').select('name').orderBy('name').execute();
  const applied = rows.map((row) => row.name);
  const pending = migrationFiles()
    .map((file) => file.name)
    .filter((name) => !applied.includes(name));
  return { applied, pending };
}

/**
 * Applies pending forward-only migrations, each in its own transaction, under a session advisory
 * lock. A changed checksum of an applied migration is an error: migrations are never edited.
 */
export async function runMigrations(db: Db, onApplied: (name: string) => void = () => {}): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      await ensureTable(connection);
      const applied = new Map(
        (await connection.selectFrom('schema_migration').select(['name', 'checksum']).execute()).map(
          (row) => [row.name, row.checksum],
        ),
      );
      const done: string[] = [];
      for (const file of migrationFiles()) {
        const known = applied.get(file.name);
        if (known !== undefined) {
          if (known !== file.checksum)
            throw new Error(`Migration ${file.name} was changed after it was applied`);
          continue;
        }
        await connection.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await tx
            .insertInto('schema_migration')
            .values({ name: file.name, checksum: file.checksum })
            .execute();
        });
        done.push(file.name);
        onApplied(file.name);
      }
      return done;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
