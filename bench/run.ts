// TinhSo HTTP benchmarks. Every figure is measured next to its ceiling in the same run, because
// the figures drift with whatever else the machine does (see docs/benchmarks.md):
//
//   1. a bare Fastify 5 hello-world (own process, no logger)   the HTTP ceiling, re-measured
//                                                               right before each figure
//   2. GET /api/health of the real server                       (select 1 + migration status)
//   3. GET /api/org/agencies?limit=20, signed in as chuyenvien  an authenticated read
//      2 and 3 with autocannon, 50 connections, 10 s after a 3 s warm-up: req/s, p50, p99 and
//      the ratio to the hello-world;
//   4. one sign-in: argon2id verify with the server's ARGON2_OPTIONS (the ceiling), alternated
//      with POST /api/auth/login one at a time; then verifications/s and sign-ins/s with one in
//      flight per core.
//
// The server is started here: `node apps/cli/src/main.ts demo` on the embedded PGlite (fresh
// .tmp/bench-pglite, demo data seeded) and, when DATABASE_URL is set, a second time on that
// PostgreSQL. Servers run in processes of their own; autocannon runs in this one. All traffic
// goes to 127.0.0.1 and every load run is bounded in time.
//
// Environment: DATABASE_URL (also bench PostgreSQL), BENCH_DURATION (s, default 10),
// BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVEL (server LOG_LEVEL, default warn).
import { hash, verify, type Options as Argon2Options } from '@node-rs/argon2';
import autocannon, { type Result } from 'autocannon';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RESULTS_DIR, rssMiB, startProcess, stopAll, stopProcess, waitReady } from './processes.ts';
import { fmtInt, fmtMs, loadAverage, ratio, summarize, table, time, type Timing } from './stats.ts';

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
const SIGN_IN_SAMPLES = 30;

mkdirSync(RESULTS_DIR, { recursive: true });

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

async function loadArgon2Options(): Promise<Argon2Options> {
  // Loaded at run time (not a static import) so that this file type-checks on its own project.
  const file = new URL('../apps/server/src/modules/identity/password.ts', import.meta.url);
  const mod = (await import(pathToFileURL(fileURLToPath(file)).href)) as { ARGON2_OPTIONS?: Argon2Options };
  if (!mod.ARGON2_OPTIONS) throw new Error(`${fileURLToPath(file)} does not export ARGON2_OPTIONS`);
  return mod.ARGON2_OPTIONS;
}

interface SignInFigures {
  /** argon2id verify with the server's parameters, sampled alternately with the sign-ins */
  verify: Timing;
  login: Timing;
  /** verifications per second with one verification in flight per core */
  verifyPerSec: number;
  /** POST /api/auth/login with one connection per core */
  loginParallel: HttpRow;
}

async function measureSignIn(base: string, database: string, options: Argon2Options): Promise<SignInFigures> {
  const stored = await hash(PASSWORD, options);
  const verifyOnce = async () => {
    if (!(await verify(stored, PASSWORD))) throw new Error('argon2 verify failed');
  };
  for (let i = 0; i < 3; i++) {
    await verifyOnce();
    await signIn(base);
  }
  // Alternate the two so that both see the same machine (other processes come and go).
  const verifies: number[] = [];
  const logins: number[] = [];
  for (let i = 0; i < SIGN_IN_SAMPLES; i++) {
    verifies.push(await time(verifyOnce));
    logins.push((await signIn(base)).ms);
  }
  const verifyTiming = summarize(verifies);
  const login = summarize(logins);
  console.log(
    `  argon2id verify p50 ${fmtMs(verifyTiming.p50)} ms; POST /api/auth/login one at a time p50 ${fmtMs(login.p50)} ms (n=${login.n})`,
  );

  const perCore = 10;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CORES }, async () => {
      for (let i = 0; i < perCore; i++) await verifyOnce();
    }),
  );
  const verifyPerSec = (CORES * perCore) / ((performance.now() - t0) / 1000);
  console.log(`  argon2id ${verifyPerSec.toFixed(1)} verify/s with ${CORES} in flight`);
  const loginParallel = await cannon('POST /api/auth/login', database, `${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    connections: CORES,
  });
  return { verify: verifyTiming, login, verifyPerSec, loginParallel };
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

interface PairedRow {
  row: HttpRow;
  /** the bare hello-world, measured just before this row */
  ceiling: HttpRow;
}

interface ServerFigures {
  database: string;
  readySeconds: number;
  http: PairedRow[];
  signIn: SignInFigures;
  rssMiB: number | null;
}

async function benchServer(
  database: string,
  port: number,
  env: NodeJS.ProcessEnv,
  helloUrl: string,
  argon2: Argon2Options,
): Promise<ServerFigures> {
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

    // Each figure right after its own hello-world ceiling, so both share the machine's state.
    const http: PairedRow[] = [];
    for (const [target, url, headers] of [
      ['GET /api/health', `${base}/api/health`, {}],
      ['GET /api/org/agencies?limit=20 (auth)', agenciesUrl, { cookie }],
    ] as const) {
      const ceiling = await cannon('GET / (bare Fastify hello-world)', '-', helloUrl);
      const row = await cannon(target, database, url, { headers });
      http.push({ row, ceiling });
    }
    const signInFigures = await measureSignIn(base, database, argon2);
    return { database, readySeconds, http, signIn: signInFigures, rssMiB: rssMiB(child.pid) };
  } finally {
    await stopProcess(child);
  }
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

  // The ceiling: a bare hello-world in a process of its own, kept running and measured again
  // right before each figure.
  const helloPort = 3301;
  const helloUrl = `http://127.0.0.1:${helloPort}/`;
  const hello = startProcess('hello', ['bench/hello-server.ts'], {
    ...process.env,
    HELLO_PORT: String(helloPort),
  });
  await waitReady(hello, 'hello', helloUrl, 30_000);

  const argon2 = await loadArgon2Options();
  const hashSamples: number[] = [];
  for (let i = 0; i < 5; i++) hashSamples.push(await time(() => hash(PASSWORD, argon2)));
  const hashMs = summarize(hashSamples);
  console.log(`argon2id options ${JSON.stringify(argon2)}`);

  const servers: ServerFigures[] = [];
  const pgliteDir = '.tmp/bench-pglite';
  rmSync(pgliteDir, { recursive: true, force: true });
  const { DATABASE_URL, ...envWithoutDb } = process.env;
  servers.push(
    await benchServer('pglite', 3300, { ...envWithoutDb, PGLITE_DATA_DIR: pgliteDir }, helloUrl, argon2),
  );
  if (DATABASE_URL) {
    servers.push(await benchServer('postgres', 3302, { ...envWithoutDb, DATABASE_URL }, helloUrl, argon2));
  }
  await stopProcess(hello);

  // report
  const dbLabel = (d: string) =>
    d === 'pglite' ? 'PGlite (embedded)' : d === 'postgres' ? 'PostgreSQL 15' : d;
  const httpRows = servers.flatMap((s) =>
    s.http.map(({ row: r, ceiling: c }) => [
      r.target,
      dbLabel(r.database),
      fmtInt(r.reqPerSec),
      String(r.p50),
      String(r.p99),
      `${fmtInt(c.reqPerSec)} (p99 ${c.p99})`,
      ratio(r.reqPerSec, c.reqPerSec),
      r.non2xx + r.errors + c.non2xx + c.errors > 0 ? `${r.non2xx} non-2xx, ${r.errors} errors` : '',
    ]),
  );
  const httpTable = table(
    [
      'request',
      'database',
      'req/s',
      'p50 ms',
      'p99 ms',
      'hello-world req/s just before',
      'vs hello-world',
      'problems',
    ],
    httpRows,
  );

  const signRows: string[][] = servers.map((s) => [
    dbLabel(s.database),
    fmtMs(s.signIn.verify.p50),
    fmtMs(s.signIn.login.p50),
    ratio(s.signIn.login.p50, s.signIn.verify.p50),
    s.signIn.verifyPerSec.toFixed(1),
    `${s.signIn.loginParallel.reqPerSec.toFixed(1)} (p99 ${s.signIn.loginParallel.p99} ms)`,
    ratio(s.signIn.loginParallel.reqPerSec, s.signIn.verifyPerSec),
  ]);
  const signTable = table(
    [
      'database',
      'argon2id verify p50 ms',
      'POST /api/auth/login p50 ms',
      'login / verify',
      `verify/s (${CORES} in flight)`,
      `logins/s (${CORES} connections)`,
      'logins / verifies',
    ],
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
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}.`,
    '',
    httpTable,
    '',
    `Sign-in: argon2id ${JSON.stringify(argon2)} (hash p50 ${fmtMs(hashMs.p50)} ms); ${SIGN_IN_SAMPLES} sign-ins one at a time, each after one argon2id verify in this process, after 3 warm-ups.`,
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
      { started, machine, connections: CONNECTIONS, duration: DURATION, argon2, servers },
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
