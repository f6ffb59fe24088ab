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
import autocannon, { type Result } from 'autocannon';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { RESULTS_DIR, rssMiB, startProcess, stopAll, stopProcess, waitReady } from './processes.ts';
import { fmtInt, fmtMs, loadAverage, percentile, ratio, table } from './stats.ts';
import { seedDossiers } from './one-stop-seed.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = Number(arg ? arg.slice(name.length + 3) : fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}
const DOSSIERS = flag('dossiers', 1_000_000);
const CLIENTS = flag('clients', 8);
const SUBMIT_SECONDS = flag('seconds', 5);
const SAMPLES = flag('samples', 50);
const WITH_PGLITE = process.argv.includes('--pglite');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = 3;
const PASSWORD = 'TinhSo@2026';
const LLTP = '2.000488';
const CEILING_DAY = '2099-12-31';
/** Time budget of one latency row: stop sampling after this many seconds (statistics can be slow). */
const ROW_BUDGET_S = 90;
const REQUEST_TIMEOUT_MS = 180_000;

const log = (line: string) => console.log(line);

// ---------------------------------------------------------------------------------------------
// HTTP helpers

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = (await res.json()) as { status?: string; session?: { csrfToken: string } };
  if (!res.ok || !body.session)
    throw new Error(`sign-in of ${username}: ${res.status} ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.session.csrfToken };
}

async function getTimed(
  url: string,
  session: Session | null,
): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    headers: session ? { cookie: session.cookie } : {},
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, bytes: body.length, body };
}

interface HttpRow {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(label: string, url: string): Promise<HttpRow> {
  const base = { url, connections: CONNECTIONS, timeout: 30 };
  await autocannon({ ...base, duration: WARMUP });
  const r: Result = await autocannon({ ...base, duration: DURATION });
  const row = {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  log(
    `  ${label.padEnd(40)} ${fmtInt(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms` +
      (row.non2xx + row.errors ? `  (!) ${row.non2xx} non-2xx ${JSON.stringify(r.statusCodeStats)}` : ''),
  );
  return row;
}

// ---------------------------------------------------------------------------------------------
// 1. submissions

interface Demo {
  centre: { id: string; code: string };
  motcuaId: string;
  procedureId: string;
  versionId: string;
}

async function loadDemo(client: pg.Pool): Promise<Demo> {
  const centre = await client.query<{ id: string; code: string; account_id: string }>(
    `select g.id, g.code, a.id as account_id from account a
       join official o on o.account_id = a.id join appointment ap on ap.official_id = o.id
       join position p on p.id = ap.position_id join agency g on g.id = p.agency_id
      where a.username = 'motcua' and ap.kind = 'primary'`,
  );
  const version = await client.query<{ procedure_id: string; id: string }>(
    `select v.procedure_id, v.id from procedure_version v join procedure p on p.id = v.procedure_id
      where p.code = $1 and v.status = 'published' order by v.effective_from desc limit 1`,
    [LLTP],
  );
  const c = centre.rows[0];
  const v = version.rows[0];
  if (!c || !v) throw new Error('demo data missing: motcua or procedure ' + LLTP);
  return {
    centre: { id: c.id, code: c.code },
    motcuaId: c.account_id,
    procedureId: v.procedure_id,
    versionId: v.id,
  };
}

function counterBody(centreId: string, n: number) {
  return JSON.stringify({
    procedureCode: LLTP,
    receivingAgencyId: centreId,
    applicant: {
      fullName: 'Nguyễn Thị Mai',
      personalId: '087099001234',
      address: 'Số 12 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      phone: '0912345678',
      email: 'nguyenthimai@example.com',
    },
    formData: {
      nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: '087099001234', soDienThoai: '0912345678' },
      loaiPhieu: 'Phiếu số 1',
      soLuong: 1,
      mucDich: `Bổ sung hồ sơ xin việc ${n}`,
    },
    feeCase: 0,
    channel: 'counter',
    deliveryMethod: 'counter',
    files: [],
    outcome: { kind: 'receive' },
  });
}

interface LoadFigures {
  perSec: number;
  done: number;
  failed: number;
  p50: number;
  p99: number;
  firstError?: string;
}

/** `clients` loops for `seconds`, each running `once` back to back; latencies of the successful ones. */
async function closedLoop(
  clients: number,
  seconds: number,
  once: (n: number) => Promise<void>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failed = 0;
  let n = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const s = performance.now();
        try {
          await once(n++);
          latencies.push(performance.now() - s);
        } catch (error) {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    perSec: latencies.length / elapsed,
    done: latencies.length,
    failed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    ...(firstError ? { firstError } : {}),
  };
}

async function submitOnce(base: string, session: Session, centreId: string, n: number, run: string) {
  const res = await fetch(`${base}/api/dossiers/counter`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'idempotency-key': `bench-${run}-${n}`,
    },
    body: counterBody(centreId, n),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/dossiers/counter ${res.status}: ${text.slice(0, 300)}`);
}

const COUNTED = [
  'dossier',
  'dossier_event',
  'audit_event',
  'outbox',
  'notification',
  'idempotency_key',
  'fee_invoice',
] as const;

async function counts(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) {
    const r = await pool.query<{ n: string }>(`select count(*) as n from ${t}`);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/**
 * The ceiling: the rows one counter receipt writes, as plain inserts in one transaction through
 * node-postgres. Audit and outbox rows go to copies of their tables (same columns and indexes, no
 * hash chain, not seen by the server's outbox worker); the rest to the real tables (foreign keys
 * checked). The sequence row of a day of its own (CEILING_DAY) is bumped under its row lock, as the
 * server does for today's.
 */
async function ceilingRun(pool: pg.Pool, demo: Demo, rows: Record<string, number>, run: string) {
  const events = Math.max(1, Math.round(rows.dossier_event ?? 3));
  const audits = Math.max(1, Math.round(rows.audit_event ?? 3));
  // outbox, notification and fee invoice rows, all written as rows of the outbox copy
  const others = Math.max(
    0,
    Math.round((rows.outbox ?? 2) + (rows.notification ?? 0) + (rows.fee_invoice ?? 0)),
  );
  const applicant = JSON.parse(counterBody(demo.centre.id, 0)) as { applicant: unknown; formData: unknown };
  return closedLoop(CLIENTS, SUBMIT_SECONDS, async (n) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const seq = await client.query<{ last: number }>(
        `insert into dossier_sequence (agency_id, day, last) values ($1, $2, 1)
         on conflict (agency_id, day) do update set last = dossier_sequence.last + 1 returning last`,
        [demo.centre.id, CEILING_DAY],
      );
      const code = `${demo.centre.code}-991231-${seq.rows[0]!.last}`;
      const now = new Date();
      const d = await client.query<{ id: string }>(
        `insert into dossier (code, procedure_id, procedure_version_id, channel, status, applicant, applicant_name,
           form_data, fee_case, fee_amount, delivery_method, receiving_agency_id, competent_agency_id,
           current_agency_id, current_step, step_started_at, step_due_at, submitted_at, received_at, due_at, created_by)
         values ($1, $2, $3, 'counter', 'received', $4, 'Nguyễn Thị Mai', $5, 0, 200000, 'counter', $6, $6, $6, 1,
           $7, $7, $7, $7, $7, $8) returning id`,
        [
          code,
          demo.procedureId,
          demo.versionId,
          JSON.stringify(applicant.applicant),
          JSON.stringify(applicant.formData),
          demo.centre.id,
          now,
          demo.motcuaId,
        ],
      );
      const id = d.rows[0]!.id;
      // One statement per table, its rows together: the fewest round trips these writes can take.
      await client.query(
        `insert into dossier_event (dossier_id, at, action, from_status, to_status, actor_account_id, actor_label, agency_id, data)
         select $1, $2, a, 'draft', 'received', $3, 'motcua', $4, '{}' from unnest($5::text[]) as a`,
        [
          id,
          now,
          demo.motcuaId,
          demo.centre.id,
          Array.from({ length: events }, (_, e) => ['create', 'submit', 'receive'][e % 3]),
        ],
      );
      await client.query(
        `insert into bench_audit_event (seq, occurred_at, type, actor_account_id, actor_label, entity_type, entity_id,
           agency_id, data, prev_hash, hash)
         select nextval('bench_audit_seq'), $1, 'dossier.changed', $2, 'motcua', 'dossier', $3, $4, $5, $6, $3 || '-' || k
           from generate_series(1, $7::int) as k`,
        [
          now,
          demo.motcuaId,
          id,
          demo.centre.id,
          JSON.stringify({ action: 'receive', from: 'submitted', to: 'received', code }),
          '0'.repeat(64),
          audits,
        ],
      );
      await client.query(
        `insert into bench_outbox (topic, payload) select 'dvcqg.sync', jsonb_build_object('dossierId', $1::text, 'n', k)
           from generate_series(1, $2::int) as k`,
        [id, others],
      );
      await client.query(
        `insert into idempotency_key (key, account_id, request_hash, status_code, response) values ($1, $2, $3, 200, $4)`,
        [`ceiling-${run}-${n}`, demo.motcuaId, '0'.repeat(64), JSON.stringify({ id, code })],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

async function dropCeilingRows(pool: pg.Pool, demo: Demo) {
  await pool.query(
    `delete from dossier_event where dossier_id in (select id from dossier where code like '%-991231-%')`,
  );
  await pool.query(`delete from dossier where code like '%-991231-%'`);
  await pool.query(`delete from dossier_sequence where day = $1`, [CEILING_DAY]);
  await pool.query(`delete from idempotency_key where key like 'ceiling-%'`);
  await pool.query(
    `drop table if exists bench_audit_event, bench_outbox; drop sequence if exists bench_audit_seq`,
  );
  void demo;
}

// ---------------------------------------------------------------------------------------------
// 3. latency rows

interface LatencyRow {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  status: string;
  bytes: number;
  rssMiB: number | null;
  peakMiB: number;
  note: string;
}

async function latencyRow(
  label: string,
  url: string,
  session: Session,
  serverPid: number | undefined,
  samples = SAMPLES,
): Promise<LatencyRow> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  let note = '';
  const t0 = performance.now();
  // the server's peak resident memory while the row runs, sampled every 200 ms
  let peak = rssMiB(serverPid) ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid) ?? 0)), 200);
  // two warm-ups, then samples within the budget
  for (let i = 0; i < samples + 2; i++) {
    let r;
    try {
      r = await getTimed(url, session);
    } catch (error) {
      note = error instanceof Error ? error.message : String(error);
      statuses.set(0, (statuses.get(0) ?? 0) + 1);
      break;
    }
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    if (r.status !== 200) {
      note = r.body.slice(0, 200);
      times.push(r.ms);
      break;
    }
    bytes = r.bytes;
    if (i >= 2 || r.ms > 5_000) times.push(r.ms); // slow requests count from the first one
    if ((performance.now() - t0) / 1000 > ROW_BUDGET_S) break;
  }
  clearInterval(sampler);
  const sorted = [...times].sort((a, b) => a - b);
  const row: LatencyRow = {
    label,
    n: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    status: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '),
    bytes,
    rssMiB: rssMiB(serverPid),
    peakMiB: peak,
    note,
  };
  log(
    `  ${label.padEnd(52)} n=${row.n} p50 ${fmtMs(row.p50)} ms p95 ${fmtMs(row.p95)} ms max ${fmtMs(row.max)} ms ` +
      `[${row.status}] ${fmtInt(bytes / 1024)} KiB, server RSS ${row.rssMiB ?? '?'} MiB (peak ${row.peakMiB})${note ? `  ${note}` : ''}`,
  );
  return row;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

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
  const last = await fetch(`${base}/api/dossiers?limit=1&status=received`, {
    headers: { cookie: motcua.cookie },
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

  const helloPort = 3311;
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
    const { child, base } = await startServer('server-one-stop-pglite', 3312, {
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
  const { child, base } = await startServer('server-one-stop-pg', 3313, {
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
