// TinhSo HTTP benchmarks, all measured in one run so that the ceilings and the figures share the
// same machine state (see docs/benchmarks.md):
//
//   1. bare Fastify 5 hello-world                     the HTTP ceiling
//   2. GET /api/health of the real server             (runs `select 1` + migration status)
//   3. GET /api/org/agencies?limit=20, signed in      an authenticated read
//      each with autocannon, 50 connections, 10 s (after a 3 s warm-up), req/s, p99 and the ratio
//      to the hello-world;
//   4. one sign-in: argon2id verify with the server's ARGON2_OPTIONS (the ceiling) next to
//      POST /api/auth/login, one at a time and with one connection per core.
//
// The server is started here: `node apps/cli/src/main.ts demo` on the embedded PGlite (fresh
// .tmp/bench-pglite, demo data seeded) and, when DATABASE_URL is set, a second time on that
// PostgreSQL. Each server runs in a process of its own; autocannon runs in this one.
//
// Environment: DATABASE_URL (also bench PostgreSQL), BENCH_DURATION (s, default 10),
// BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVEL (server LOG_LEVEL, default warn).
import { hash, verify, type Options as Argon2Options } from '@node-rs/argon2';
import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = 3;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const CORES = os.availableParallelism();
const USERNAME = 'chuyenvien';
const PASSWORD = 'TinhSo@2026';
const SESSION_COOKIE = 'tinhso_session';
const RESULTS_DIR = 'bench/results';
const LOGIN_SAMPLES = 30;
const ARGON2_SAMPLES = 30;

mkdirSync(RESULTS_DIR, { recursive: true });

// ---------------------------------------------------------------------------------------------
// processes

const children = new Set<ChildProcess>();

function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const logFile = `${RESULTS_DIR}/${name}.log`;
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopProcess));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`bench: ${signal}, stopping servers`);
    void stopAll().then(() => process.exit(130));
  });
}

async function waitReady(child: ChildProcess, name: string, url: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${name} exited (${child.exitCode ?? child.signalCode}); see ${RESULTS_DIR}/${name}.log`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return (performance.now() - t0) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs / 1000} s; see ${RESULTS_DIR}/${name}.log`);
}

function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// measurements

interface HttpRow {
  target: string;
  database: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  connections: number;
}

async function cannon(
  target: string,
  database: string,
  url: string,
  options: {
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    connections?: number;
  } = {},
): Promise<HttpRow> {
  const connections = options.connections ?? CONNECTIONS;
  const base = { url, connections, timeout: 30, ...options };
  await autocannon({ ...base, duration: WARMUP });
  const r: Result = await autocannon({ ...base, duration: DURATION });
  const row: HttpRow = {
    target,
    database,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    connections,
  };
  const problems = row.non2xx + row.errors;
  console.log(
    `  ${target.padEnd(34)} ${fmtInt(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms` +
      (problems
        ? `  (!) ${row.non2xx} non-2xx ${JSON.stringify(r.statusCodeStats)}, ${row.errors} errors`
        : ''),
  );
  return row;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

interface Timing {
  mean: number;
  p50: number;
  p99: number;
  n: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    n: samples.length,
  };
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function loadArgon2Options(): Promise<Argon2Options> {
  // Loaded at run time (not a static import) so that this file type-checks on its own project.
  const file = new URL('../apps/server/src/modules/identity/password.ts', import.meta.url);
  const mod = (await import(pathToFileURL(fileURLToPath(file)).href)) as { ARGON2_OPTIONS?: Argon2Options };
  if (!mod.ARGON2_OPTIONS) throw new Error(`${fileURLToPath(file)} does not export ARGON2_OPTIONS`);
  return mod.ARGON2_OPTIONS;
}

interface Argon2Figures {
  options: Argon2Options;
  hash: Timing;
  verify: Timing;
  /** verifications per second with one verification in flight per core */
  verifyPerSecParallel: number;
}

async function measureArgon2(): Promise<Argon2Figures> {
  const options = await loadArgon2Options();
  const stored = await hash(PASSWORD, options);
  for (let i = 0; i < 3; i++) await verify(stored, PASSWORD); // warm-up
  const hashes: number[] = [];
  const verifies: number[] = [];
  for (let i = 0; i < ARGON2_SAMPLES; i++) hashes.push(await time(() => hash(PASSWORD, options)));
  for (let i = 0; i < ARGON2_SAMPLES; i++) {
    verifies.push(
      await time(async () => {
        if (!(await verify(stored, PASSWORD))) throw new Error('argon2 verify failed');
      }),
    );
  }
  const perWorker = Math.max(10, Math.round(ARGON2_SAMPLES / CORES) * 2);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CORES }, async () => {
      for (let i = 0; i < perWorker; i++) await verify(stored, PASSWORD);
    }),
  );
  const verifyPerSecParallel = (CORES * perWorker) / ((performance.now() - t0) / 1000);
  return { options, hash: summarize(hashes), verify: summarize(verifies), verifyPerSecParallel };
}

async function signIn(base: string): Promise<{ cookie: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`POST /api/auth/login answered ${res.status}: ${text.slice(0, 300)}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!setCookie) throw new Error(`POST /api/auth/login set no ${SESSION_COOKIE} cookie`);
  return { cookie: setCookie.split(';')[0] ?? '', ms };
}

interface ServerFigures {
  database: string;
  readySeconds: number;
  http: HttpRow[];
  login: Timing;
  loginParallel: HttpRow;
  rssMiB: number | null;
}

async function benchServer(database: string, port: number, env: NodeJS.ProcessEnv): Promise<ServerFigures> {
  const name = `server-${database}`;
  console.log(`\n${name}: starting node apps/cli/src/main.ts demo on port ${port}`);
  const child = startProcess(name, ['apps/cli/src/main.ts', 'demo'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: LOG_LEVEL,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const readySeconds = await waitReady(child, name, `${base}/api/health`, 300_000);
    console.log(`  ready in ${readySeconds.toFixed(1)} s (migrations + demo seed + start)`);

    const { cookie } = await signIn(base);
    const agenciesUrl = `${base}/api/org/agencies?limit=20`;
    const probe = await fetch(agenciesUrl, { headers: { cookie } });
    const probeBody = await probe.text();
    if (!probe.ok)
      throw new Error(`GET /api/org/agencies answered ${probe.status}: ${probeBody.slice(0, 300)}`);
    console.log(`  signed in as ${USERNAME}; agencies page is ${probeBody.length} bytes`);

    const http = [
      await cannon('GET /api/health', database, `${base}/api/health`),
      await cannon('GET /api/org/agencies?limit=20 (auth)', database, agenciesUrl, { headers: { cookie } }),
    ];

    const logins: number[] = [];
    for (let i = 0; i < 3; i++) await signIn(base); // warm-up
    for (let i = 0; i < LOGIN_SAMPLES; i++) logins.push((await signIn(base)).ms);
    const login = summarize(logins);
    console.log(
      `  POST /api/auth/login one at a time: p50 ${login.p50.toFixed(1)} ms, mean ${login.mean.toFixed(1)} ms (n=${login.n})`,
    );
    const loginParallel = await cannon('POST /api/auth/login', database, `${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
      connections: CORES,
    });
    return { database, readySeconds, http, login, loginParallel, rssMiB: rssMiB(child.pid) };
  } finally {
    await stopProcess(child);
  }
}

// ---------------------------------------------------------------------------------------------
// formatting

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
function fmtMs(n: number): string {
  return n >= 10 ? n.toFixed(0) : n.toFixed(1);
}
function ratio(a: number, b: number): string {
  if (!(b > 0)) return 'n/a';
  const r = a / b;
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// main

async function main(): Promise<void> {
  const started = new Date();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${CORES} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`TinhSo benchmarks: ${machine}`);
  // The figures are only comparable on an otherwise idle machine: say how busy it was.
  console.log(`load average before: ${loadBefore}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s each (after a ${WARMUP} s warm-up)`);

  // 1. the ceiling
  console.log('\nbare Fastify hello-world');
  const helloPort = 3301;
  const hello = startProcess('hello', ['bench/hello-server.ts'], {
    ...process.env,
    HELLO_PORT: String(helloPort),
  });
  let helloRow: HttpRow;
  try {
    await waitReady(hello, 'hello', `http://127.0.0.1:${helloPort}/`, 30_000);
    helloRow = await cannon('GET / (bare Fastify hello-world)', '-', `http://127.0.0.1:${helloPort}/`);
  } finally {
    await stopProcess(hello);
  }

  // 4a. the sign-in ceiling, measured while nothing else runs
  console.log('\nargon2id (@node-rs/argon2) with the server’s ARGON2_OPTIONS');
  const argon2 = await measureArgon2();
  console.log(
    `  ${JSON.stringify(argon2.options)}: hash p50 ${fmtMs(argon2.hash.p50)} ms, verify p50 ${fmtMs(argon2.verify.p50)} ms, ` +
      `${argon2.verifyPerSecParallel.toFixed(1)} verify/s with ${CORES} in flight`,
  );

  // 2, 3, 4b. the real server, on PGlite and optionally on PostgreSQL
  const servers: ServerFigures[] = [];
  const pgliteDir = '.tmp/bench-pglite';
  rmSync(pgliteDir, { recursive: true, force: true });
  const { DATABASE_URL, ...envWithoutDb } = process.env;
  servers.push(await benchServer('pglite', 3300, { ...envWithoutDb, PGLITE_DATA_DIR: pgliteDir }));
  if (DATABASE_URL) {
    servers.push(await benchServer('postgres', 3302, { ...envWithoutDb, DATABASE_URL }));
  }

  // report
  const dbLabel = (d: string) =>
    d === 'pglite' ? 'PGlite (embedded)' : d === 'postgres' ? 'PostgreSQL 15' : d;
  const httpRows = [helloRow, ...servers.flatMap((s) => s.http)].map((r) => [
    r.target,
    r.database === '-' ? '-' : dbLabel(r.database),
    fmtInt(r.reqPerSec),
    String(r.p50),
    String(r.p99),
    ratio(r.reqPerSec, helloRow.reqPerSec),
    r.non2xx + r.errors > 0 ? `${r.non2xx} non-2xx, ${r.errors} errors` : '',
  ]);
  const httpTable = table(
    ['request', 'database', 'req/s', 'p50 ms', 'p99 ms', 'vs hello-world', 'problems'],
    httpRows,
  );

  const signRows: string[][] = [
    [
      'argon2id verify (ceiling)',
      '-',
      fmtMs(argon2.verify.p50),
      fmtMs(argon2.verify.mean),
      argon2.verifyPerSecParallel.toFixed(1),
      '1.00×',
    ],
    ...servers.map((s) => [
      'POST /api/auth/login',
      dbLabel(s.database),
      fmtMs(s.login.p50),
      fmtMs(s.login.mean),
      s.loginParallel.reqPerSec.toFixed(1),
      `${ratio(s.login.p50, argon2.verify.p50)} latency, ${ratio(s.loginParallel.reqPerSec, argon2.verifyPerSecParallel)} throughput`,
    ]),
  ];
  const signTable = table(
    ['sign-in', 'database', 'p50 ms (1 at a time)', 'mean ms', `per s (${CORES} in flight)`, 'vs argon2id'],
    signRows,
  );

  const extra = servers
    .map(
      (s) =>
        `- ${dbLabel(s.database)}: ready in ${s.readySeconds.toFixed(1)} s, RSS after the run ${s.rssMiB ?? '?'} MiB`,
    )
    .join('\n');

  const md = [
    `Run ${started.toISOString()} on ${machine}.`,
    `autocannon ${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up; server LOG_LEVEL=${LOG_LEVEL}.`,
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
    '',
    httpTable,
    '',
    `argon2id options ${JSON.stringify(argon2.options)}; hash p50 ${fmtMs(argon2.hash.p50)} ms; ${LOGIN_SAMPLES} sequential sign-ins after 3 warm-ups.`,
    '',
    signTable,
    '',
    extra,
  ].join('\n');

  console.log(`\n${md}\n`);
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(`${RESULTS_DIR}/latest.md`, md + '\n');
  writeFileSync(
    `${RESULTS_DIR}/bench-${stamp}.json`,
    JSON.stringify(
      { started, machine, connections: CONNECTIONS, duration: DURATION, hello: helloRow, argon2, servers },
      null,
      2,
    ),
  );
  console.log(`written ${RESULTS_DIR}/latest.md and ${RESULTS_DIR}/bench-${stamp}.json`);
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
