// Audited writes against their ceiling, in this process, without HTTP:
//
//   ceiling  one transaction = insert an org_unit row + insert a plain log row (no chain)
//   figure   one transaction = insert an org_unit row + recordEvent() (advisory lock on the chain,
//            read the last hash, insert the hashed row), exactly what every TinhSo command does
//
// Both with the same pool and the same number of concurrent writers, for BENCH_WRITE_SECONDS each,
// on a fresh database: the embedded PGlite, and the PostgreSQL at DATABASE_URL when it is set (a
// database `tinhso_bench_writes` is created there and dropped at the end). The ratio is the price
// of the hash chain (ADR 0003). Prints a table and appends it to bench/results/latest.md.
import { appendFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import { openDatabase, recordEvent, runMigrations, type DB } from '@tinhso/server';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 5);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);

async function forSeconds(write: (n: number) => Promise<void>): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (performance.now() < until) await write(done++);
    }),
  );
  return done / SECONDS;
}

async function measure(label: string, options: { databaseUrl?: string; pgliteDataDir: string }) {
  const database = await openDatabase({ ...options, poolMax: WRITERS });
  try {
    return { label, ...(await writeBoth(database.db)) };
  } finally {
    await database.close();
  }
}

async function writeBoth(db: Kysely<DB>): Promise<{ plain: number; chained: number }> {
  await runMigrations(db);
  await sql`create table bench_plain_log (id bigint generated always as identity primary key,
    type text, entity_id text, data jsonb, at timestamptz default now())`.execute(db);
  const agency = await db
    .insertInto('agency')
    .values({ code: '999.99.99.K99', name: 'Bench', kind: 'khac', level: 'province' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = { accountId: null, label: 'bench', correlationId: null };
  const unit = (tx: Transaction<DB>, name: string) =>
    tx
      .insertInto('org_unit')
      .values({ agency_id: agency.id, name })
      .returning('id')
      .executeTakeFirstOrThrow();

  const plain = await forSeconds((n) =>
    db.transaction().execute(async (tx) => {
      const row = await unit(tx, `plain-${n}`);
      await sql`insert into bench_plain_log (type, entity_id, data)
        values ('org_unit.created', ${row.id}, ${JSON.stringify({ name: `plain-${n}` })})`.execute(tx);
    }),
  );
  const chained = await forSeconds((n) =>
    db.transaction().execute(async (tx) => {
      const row = await unit(tx, `chained-${n}`);
      await recordEvent(tx, actor, {
        type: 'org_unit.created',
        entityType: 'org_unit',
        entityId: row.id,
        agencyId: agency.id,
        data: { agencyId: agency.id, name: `chained-${n}` },
      });
    }),
  );
  return { plain, chained };
}

async function main(): Promise<void> {
  const rows = [await measure('PGlite (embedded)', { pgliteDataDir: 'memory://' })];
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists tinhso_bench_writes');
    await admin.query('create database tinhso_bench_writes');
    const target = new URL(url);
    target.pathname = '/tinhso_bench_writes';
    try {
      rows.push(await measure('PostgreSQL', { databaseUrl: target.toString(), pgliteDataDir: 'unused' }));
    } finally {
      await admin.query('drop database if exists tinhso_bench_writes with (force)');
      await admin.end();
    }
  }
  const lines = [
    '',
    `Audited writes, ${WRITERS} concurrent writers, ${SECONDS} s each (bench/audited-writes.ts):`,
    '',
    '| database | plain two-row transactions/s (ceiling) | with the audit hash chain/s | vs ceiling |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${Math.round(r.plain)} | ${Math.round(r.chained)} | ${(r.chained / r.plain).toFixed(2)}× |`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  appendFileSync('bench/results/latest.md', lines.join('\n'));
}

await main();
