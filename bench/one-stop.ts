// Benchmarks of the one-stop module (apps/server/src/modules/dossiers), each figure beside a ceiling
// measured in the same run:
//
//   1. dossier submissions/s: CLIENTS concurrent `POST /api/dossiers/counter` as `motcua` (outcome
//      receive, an Idempotency-Key each), versus the same durable writes (dossier row, sequence upsert,
//      event rows, audit rows, outbox rows, idempotency row) in one transaction each through
//      node-postgres directly, same concurrency: the raw PostgreSQL ceiling;
//   2. `GET /api/public/dossiers/:code` with autocannon, beside a bare Fastify hello-world measured
//      just before (the server runs with LOOKUPS_PER_MINUTE raised so that the rate limit is not hit);
//   3. with DOSSIERS dossiers seeded in bulk by SQL (generate_series; dossier, dossier_event,
//      dossier_sequence; 2 years, a mix of statuses, agencies, procedures and channels): the
//      worklist `GET /api/dossiers?limit=50` as motcua and as chuyenvien, and the statistics
//      `GET /api/dossiers/statistics` as lanhdao over growing periods (a week, a month, a quarter, a
//      year), p50/p95 over up to SAMPLES requests each, within a time budget per row, with the
//      server's resident memory after each row: where statistics break is reported, not hidden.
//
//   node bench/one-stop.ts [--dossiers=1000000] [--clients=8] [--seconds=5] [--samples=50] [--pglite]
//   npm run bench -- --pg --one-stop [--dossiers=…]   (starts a private PostgreSQL 15 cluster)
//
// Needs DATABASE_URL (a database the demo server may fill; created empty by `--pg`). With --pglite,
// 1 and 2 are also measured on the embedded PGlite (no raw ceiling there: the server owns the data
// directory). Prints the tables and appends them to bench/results/latest-one-stop.md.
import { fileURLToPath } from 'node:url';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { RESULTS_DIR, startProcess, stopAll, stopProcess, waitReady } from './processes.ts';
import { fmtInt, fmtMs, loadAverage, ratio, table } from './stats.ts';
import { seedDossiers } from './one-stop-seed.ts';
import {
  DOSSIERS,
  CLIENTS,
  SUBMIT_SECONDS,
  SAMPLES,
  WITH_PGLITE,
  DURATION,
  CONNECTIONS,
  WARMUP,
  log,
} from './one-stop-config.ts';
import type { HttpRow } from './one-stop-http.ts';
import { signIn, getTimed, cannon } from './one-stop-http.ts';
import type { Demo, LoadFigures } from './one-stop-submissions.ts';
import {
  loadDemo,
  closedLoop,
  submitOnce,
  COUNTED,
  counts,
  ceilingRun,
  dropCeilingRows,
} from './one-stop-submissions.ts';
import type { LatencyRow } from './one-stop-latency.ts';
import { latencyRow, day } from './one-stop-latency.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

// ---------------------------------------------------------------------------------------------
// main

interface SubmitFigures {
  database: string;
  http: LoadFigures;
  ceiling: LoadFigures | null;
  rowsPerDossier: Record<string, number>;
}

async function startServer(name: string, port: number, env: NodeJS.ProcessEnv) {
  const child = startProcess(name, ['apps/cli/src/main.ts', 'demo'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    LOOKUPS_PER_MINUTE: '1000000',
    // BENCH_OUTBOX_POLL_MS=0: an API-only copy, the deliveries left for a worker copy (not running here).
    OUTBOX_POLL_MS: process.env.BENCH_OUTBOX_POLL_MS ?? '1000',
    WEB_DIST_DIR: '/nonexistent',
  });
  const base = `http://127.0.0.1:${port}`;
  const ready = await waitReady(child, name, `${base}/api/health`, 300_000);
  log(`${name}: ready in ${ready.toFixed(1)} s on ${base}`);
  return { child, base };
}

async function submissions(
  database: string,
  base: string,
  pool: pg.Pool | null,
  demo: Demo | null,
  centreId: string,
): Promise<{ figures: SubmitFigures; code: string }> {
  const motcua = await signIn(base, 'motcua');
  const run = `${database.replace(/[^A-Za-z0-9]+/g, '')}-${Date.now()}`;
  for (let i = 0; i < 20; i++) await submitOnce(base, motcua, centreId, i, `${run}-warm`);
  const before = pool ? await counts(pool) : null;
  log(
    `  submissions: ${CLIENTS} clients for ${SUBMIT_SECONDS} s (POST /api/dossiers/counter, outcome receive)`,
  );
  const http = await closedLoop(CLIENTS, SUBMIT_SECONDS, (n) => submitOnce(base, motcua, centreId, n, run));
  log(
    `  HTTP     ${http.perSec.toFixed(1)} dossiers/s p50 ${fmtMs(http.p50)} ms p99 ${fmtMs(http.p99)} ms (${http.done} ok, ${http.failed} failed)` +
      (http.firstError ? ` first error: ${http.firstError}` : ''),
  );
  const rowsPerDossier: Record<string, number> = {};
  let ceiling: LoadFigures | null = null;
  if (pool && demo && before) {
    const after = await counts(pool);
    const made = after.dossier! - before.dossier!;
    for (const t of COUNTED) rowsPerDossier[t] = made ? (after[t]! - before[t]!) / made : 0;
    log(
      `  rows written per dossier: ${JSON.stringify(rowsPerDossier, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`,
    );
    await pool.query(`create table bench_audit_event (like audit_event including all);
      create table bench_outbox (like outbox including all); create sequence bench_audit_seq`);
    ceiling = await ceilingRun(pool, demo, rowsPerDossier, run);
    log(
      `  ceiling  ${ceiling.perSec.toFixed(1)} transactions/s p50 ${fmtMs(ceiling.p50)} ms p99 ${fmtMs(ceiling.p99)} ms (${ceiling.done} ok, ${ceiling.failed} failed)` +
        (ceiling.firstError ? ` first error: ${ceiling.firstError}` : ''),
    );
    log(`  HTTP / ceiling: ${ratio(http.perSec, ceiling.perSec)}`);
    await dropCeilingRows(pool, demo);
  }
  // Received dossiers wait at Sở Tư pháp, the competent agency: its specialist's worklist has them.
  const last = await fetch(`${base}/api/dossiers?limit=1&status=received`, {
    headers: { cookie: (await signIn(base, 'chuyenvien')).cookie },
  });
  const listed = (await last.json()) as { items: { code: string }[] };
  const code = listed.items[0]?.code;
  if (!code) throw new Error('no dossier code to look up');
  return { figures: { database, http, ceiling, rowsPerDossier }, code };
}

async function lookup(base: string, helloUrl: string, code: string) {
  const url = `${base}/api/public/dossiers/${code}`;
  const probe = await getTimed(url, null);
  if (probe.status !== 200) throw new Error(`lookup of ${code}: ${probe.status} ${probe.body.slice(0, 200)}`);
  const hello = await cannon('GET / (bare Fastify hello-world)', helloUrl);
  const row = await cannon(`GET /api/public/dossiers/${code}`, url);
  return { hello, row };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm run bench -- --pg --one-stop starts a cluster)');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const started = new Date();
  const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const loadBefore = loadAverage();
  log(`TinhSo one-stop benchmarks: ${machine}; load average ${loadBefore}`);
  log(
    `dossiers ${fmtInt(DOSSIERS)}, ${CLIENTS} submitting clients for ${SUBMIT_SECONDS} s, autocannon ${CONNECTIONS} connections ${DURATION} s`,
  );

  // BENCH_PORT_BASE moves the three servers' ports, for two runs on one machine.
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 3310);
  const helloPort = portBase + 1;
  const helloUrl = `http://127.0.0.1:${helloPort}/`;
  const hello = startProcess('hello-one-stop', ['bench/hello-server.ts'], {
    ...process.env,
    HELLO_PORT: String(helloPort),
  });
  await waitReady(hello, 'hello', helloUrl, 30_000);

  const envWithoutDb: NodeJS.ProcessEnv = { ...process.env };
  delete envWithoutDb.DATABASE_URL;
  const md: string[] = [];
  const submitRows: SubmitFigures[] = [];
  const lookupRows: { database: string; hello: HttpRow; row: HttpRow; dossiers: string }[] = [];

  if (WITH_PGLITE) {
    const dir = '.tmp/bench-one-stop-pglite';
    rmSync(dir, { recursive: true, force: true });
    const { child, base } = await startServer('server-one-stop-pglite', portBase + 2, {
      ...envWithoutDb,
      PGLITE_DATA_DIR: dir,
    });
    try {
      // motcua's centre: the province's one-stop centre among the agencies in its reach
      const listed = await fetch(`${base}/api/org/agencies?kind=trung_tam_phvhcc&limit=100`, {
        headers: { cookie: (await signIn(base, 'motcua')).cookie },
      });
      const agencies = (await listed.json()) as { items?: { id: string; level: string }[] };
      const centreId = agencies.items?.find((a) => a.level === 'province')?.id;
      if (!centreId) throw new Error(`no province centre in ${JSON.stringify(agencies).slice(0, 300)}`);
      const { figures, code } = await submissions('PGlite (embedded)', base, null, null, centreId);
      submitRows.push(figures);
      lookupRows.push({
        database: 'PGlite (embedded)',
        dossiers: 'demo + this run',
        ...(await lookup(base, helloUrl, code)),
      });
    } finally {
      await stopProcess(child);
    }
  }

  const pool = new pg.Pool({ connectionString: url, max: CLIENTS + 2 });
  const { child, base } = await startServer('server-one-stop-pg', portBase + 3, {
    ...envWithoutDb,
    DATABASE_URL: url,
  });
  const latency: LatencyRow[] = [];
  let seedReport = '';
  try {
    const demo = await loadDemo(pool);
    const { figures, code } = await submissions('PostgreSQL 15', base, pool, demo, demo.centre.id);
    submitRows.push(figures);
    lookupRows.push({
      database: 'PostgreSQL 15',
      dossiers: 'demo + this run',
      ...(await lookup(base, helloUrl, code)),
    });

    if (DOSSIERS > 0) {
      const seed = await seedDossiers(pool, DOSSIERS, log);
      seedReport = seed.report;
      const seededCode = seed.sampleCode;
      lookupRows.push({
        database: 'PostgreSQL 15',
        dossiers: `${fmtInt(DOSSIERS)} seeded`,
        ...(await lookup(base, helloUrl, seededCode)),
      });
    }
    log(`\nworklist and statistics (load average ${loadAverage()})`);
    const motcua = await signIn(base, 'motcua');
    const chuyenvien = await signIn(base, 'chuyenvien');
    const lanhdao = await signIn(base, 'lanhdao');
    latency.push(
      await latencyRow(
        'GET /api/dossiers?limit=50 as motcua',
        `${base}/api/dossiers?limit=50`,
        motcua,
        child.pid,
      ),
    );
    latency.push(
      await latencyRow(
        'GET /api/dossiers?limit=50 as chuyenvien',
        `${base}/api/dossiers?limit=50`,
        chuyenvien,
        child.pid,
      ),
    );
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    const periods: [string, number][] = [
      ['a week', 7],
      ['a month', 30],
      ['a quarter', 91],
      ['a year', 365],
    ];
    for (const [name, days] of periods) {
      const from = day(new Date(yesterday.getTime() - (days - 1) * 86_400_000));
      const row = await latencyRow(
        `GET /api/dossiers/statistics, ${name} (${from}…${day(yesterday)}) as lanhdao`,
        `${base}/api/dossiers/statistics?from=${from}&to=${day(yesterday)}`,
        lanhdao,
        child.pid,
        days > 31 ? Math.min(SAMPLES, 10) : SAMPLES,
      );
      const inPeriod = await pool.query<{ n: string }>(
        `select count(*) as n from dossier where received_at >= $1::date and received_at < $2::date + 1`,
        [from, day(yesterday)],
      );
      row.label += ` — ${fmtInt(Number(inPeriod.rows[0]?.n ?? 0))} dossiers received`;
      latency.push(row);
      // A failed or timed-out period is reported; the larger ones are still tried once each.
      if (child.exitCode !== null || child.signalCode !== null) {
        log(
          `  the server exited (${child.exitCode ?? child.signalCode}); see ${RESULTS_DIR}/server-one-stop-pg.log`,
        );
        break;
      }
    }
  } finally {
    await stopProcess(child);
    await pool.end();
    await stopProcess(hello);
  }

  // report
  md.push(
    `Run ${started.toISOString()} on ${machine}; load average before ${loadBefore}, after ${loadAverage()}.`,
    '',
    `Submissions: ${CLIENTS} concurrent clients for ${SUBMIT_SECONDS} s each, after 20 warm-ups.`,
    '',
    table(
      [
        'database',
        'counter receipts/s (HTTP)',
        'p50 / p99 ms',
        'same writes, raw pg/s (ceiling)',
        'p50 / p99 ms',
        'HTTP / ceiling',
      ],
      submitRows.map((s) => [
        s.database,
        `${s.http.perSec.toFixed(1)}${s.http.failed ? ` (${s.http.failed} failed)` : ''}`,
        `${fmtMs(s.http.p50)} / ${fmtMs(s.http.p99)}`,
        s.ceiling ? s.ceiling.perSec.toFixed(1) : 'n/a',
        s.ceiling ? `${fmtMs(s.ceiling.p50)} / ${fmtMs(s.ceiling.p99)}` : '',
        s.ceiling ? ratio(s.http.perSec, s.ceiling.perSec) : '',
      ]),
    ),
    '',
    ...submitRows
      .filter((s) => Object.keys(s.rowsPerDossier).length)
      .map(
        (s) =>
          `Rows one receipt writes (${s.database}): ${Object.entries(s.rowsPerDossier)
            .map(([t, n]) => `${t} ${n.toFixed(2)}`)
            .join(', ')}.`,
      ),
    '',
    `Public lookup by code, autocannon ${CONNECTIONS} connections, ${DURATION} s after ${WARMUP} s:`,
    '',
    table(
      [
        'database',
        'dossiers',
        'lookup req/s',
        'p50 / p99 ms',
        'hello-world just before req/s (p99 ms)',
        'vs hello-world',
        'problems',
      ],
      lookupRows.map((l) => [
        l.database,
        l.dossiers,
        fmtInt(l.row.reqPerSec),
        `${l.row.p50} / ${l.row.p99}`,
        `${fmtInt(l.hello.reqPerSec)} (${l.hello.p99})`,
        ratio(l.row.reqPerSec, l.hello.reqPerSec),
        l.row.non2xx + l.row.errors ? `${l.row.non2xx} non-2xx, ${l.row.errors} errors` : '',
      ]),
    ),
    '',
    seedReport,
    '',
    table(
      ['request', 'n', 'p50 ms', 'p95 ms', 'max ms', 'statuses', 'answer KiB', 'server RSS MiB peak (after)'],
      latency.map((r) => [
        r.label,
        String(r.n),
        fmtMs(r.p50),
        fmtMs(r.p95),
        fmtMs(r.max),
        r.status + (r.note ? ` ${r.note.replaceAll('|', '/').slice(0, 120)}` : ''),
        fmtInt(r.bytes / 1024),
        `${r.peakMiB} (${r.rssMiB ?? '?'})`,
      ]),
    ),
  );
  const text = md.join('\n');
  log(`\n${text}\n`);
  writeFileSync(`${RESULTS_DIR}/latest-one-stop.md`, text + '\n');
  log(`written ${RESULTS_DIR}/latest-one-stop.md`);
}

try {
  await main();
} catch (error) {
  console.error(
    `one-stop bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await stopAll();
}
