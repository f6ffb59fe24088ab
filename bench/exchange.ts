// Documents per second exchanged between two TinhSo servers (issue 4), against a ceiling measured in
// the same run:
//
//   ceiling  raw HTTPS POSTs of the same package bytes, one after the other, to a bare Node HTTPS
//            server that reads the body and answers 200 (what the transport alone costs)
//   figure   server a's outbox delivers BENCH_EXCHANGE_DOCS queued letters to server b over HTTPS:
//            build and seal each package (XML-DSig), POST, b parses it, verifies the XML-DSig and the
//            PDF's PAdES signature against its trust list and files it (status 01 queued back), a marks
//            it sent; timed from the first to the last sent_at (one delivery at a time, as the outbox
//            runs them)
//
// Two `serve` processes, each with its own database made from nothing (migrated, demo seeded): PGlite
// folders, or with DATABASE_URL two PostgreSQL databases on that server (created and dropped here).
//   npx node bench/exchange.ts                      (or `npm run bench -- --exchange [--pg]`)
//   BENCH_EXCHANGE_DOCS=100 (default) · BENCH_EXCHANGE_POLL_MS=250 (default; how often the bench reads
//   server a's outbound list to see the end, which costs server a CPU) · BENCH_CPU_PROF=dir: both
//   servers write a V8 CPU profile there (analyse with Chrome DevTools or any .cpuprofile reader)
import { createServer, request } from 'node:https';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { spawnSync, type ChildProcess } from 'node:child_process';
import {
  openPglite,
  openPostgres,
  prepareServerPair,
  queueLetters,
  seededDatabases,
  signIn,
  startServer,
} from '@tinhso/server/bench';
import { RESULTS_DIR } from './processes.ts';
import { loadAverage } from './stats.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const DOCS = Number(process.env.BENCH_EXCHANGE_DOCS ?? 100);
const DATABASE_URL = process.env.DATABASE_URL;
const PROFILE_DIR = process.env.BENCH_CPU_PROF;
const POLL_MS = Number(process.env.BENCH_EXCHANGE_POLL_MS ?? 250);

async function main() {
  const pair = await prepareServerPair({
    databases: seededDatabases({ adminUrl: DATABASE_URL, prefix: 'tinhso_bench_exchange' }),
    prepare: async ({ a }) => {
      await queueLetters(a, { from: 'a', to: 'b', first: 1, count: DOCS });
    },
  });
  const servers: ChildProcess[] = [];
  const nodeArgs = (name: string) => {
    if (!PROFILE_DIR) return [];
    mkdirSync(`${PROFILE_DIR}/${name}`, { recursive: true });
    return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}/${name}`];
  };
  try {
    const loadBefore = loadAverage();
    servers.push(await startServer(pair.b, pair.cert, { nodeArgs: nodeArgs('b') }));
    const started = performance.now();
    servers.push(await startServer(pair.a, pair.cert, { nodeArgs: nodeArgs('a') }));
    const clerk = await signIn(pair.a, pair.cert, 'vanthu');
    // Polled every POLL_MS: the list is read by server a, whose CPU the exchange also needs. The CPU
    // both servers use is counted from the first poll to the last one (load-independent, unlike
    // documents per second on a shared machine).
    let cpuFrom: { seconds: number; sent: number } | null = null;
    for (;;) {
      const answer = (await clerk.get('/api/exchange/outbound')).body as {
        items: { recipients: { sentAt: string | null }[] }[];
      };
      const sent = answer.items.filter((item) => item.recipients[0]?.sentAt).length;
      cpuFrom ??= { seconds: cpuSeconds(servers), sent };
      if (sent >= DOCS) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const cpuPerDocument = ((cpuSeconds(servers) - cpuFrom.seconds) * 1000) / (DOCS - cpuFrom.sent);
    const withStart = (performance.now() - started) / 1000;
    const loadAfter = loadAverage();
    // SIGTERM: the servers close their databases (and write their profiles) before readBack opens them.
    for (const server of servers.splice(0)) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    const { sample, seconds, sent } = await readBack(pair.a.env);
    if (sent !== DOCS) throw new Error(`${sent} of ${DOCS} documents were sent`);
    // DOCS − 1 intervals between the first and the last delivery.
    const figure = (DOCS - 1) / seconds;
    const ceiling = await rawPosts(sample, pair.cert, DOCS);
    console.log(
      [
        `Exchange a → b, ${DOCS} documents, ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, Node ${process.version}, load ${loadBefore} → ${loadAfter}`,
        '',
        `| workload | documents | seconds | per second |`,
        `| --- | ---: | ---: | ---: |`,
        `| raw HTTPS POST of the sealed package (${(sample.byteLength / 1024).toFixed(0)} KiB), ceiling | ${DOCS} | ${(DOCS / ceiling).toFixed(2)} | ${ceiling.toFixed(0)} |`,
        `| exchange a → b (seal, deliver, verify, file), first to last delivery | ${DOCS} | ${seconds.toFixed(2)} | ${figure.toFixed(1)} |`,
        '',
        `CPU of both server processes: ${cpuPerDocument.toFixed(0)} ms per document (${DOCS - cpuFrom.sent} documents after the first poll)${DATABASE_URL ? ', PostgreSQL’s own processes not counted' : ''}.`,
        `From server a's start to the last delivery: ${withStart.toFixed(1)} s. The exchange runs at ${((figure / ceiling) * 100).toFixed(1)} % of the raw transport (${(ceiling / figure).toFixed(0)}× slower).`,
      ].join('\n'),
    );
  } finally {
    for (const server of servers) server.kill('SIGKILL');
    // The servers' logs (warnings: failed deliveries and their retries) outlive the pair's folder.
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const spec of [pair.a, pair.b])
      copyFileSync(spec.logFile, `${RESULTS_DIR}/exchange-server-${spec.name}.log`);
    await pair.cleanup();
  }
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** User and system CPU seconds the processes have used so far (Linux /proc). */
function cpuSeconds(processes: ChildProcess[]): number {
  let ticks = 0;
  for (const child of processes) {
    // The fields after the command name (which may hold spaces) start at "state"; utime and stime are
    // the 14th and 15th fields of the line.
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * A sealed package server a sent, how many it sent and the span of its deliveries (first to last
 * sent_at, so the server's start is not counted), read from its database once its process is gone.
 */
async function readBack(
  env: Record<string, string>,
): Promise<{ sample: Uint8Array; seconds: number; sent: number }> {
  const database = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, 1)
    : await openPglite(env.PGLITE_DATA_DIR ?? '');
  try {
    const row = await database.db
      .selectFrom('exchange_package')
      .select('signed_xml')
      .where('signed_xml', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const span = await database.db
      .selectFrom('exchange_outbound')
      .select((eb) => [
        eb.fn.min('sent_at').as('first'),
        eb.fn.max('sent_at').as('last'),
        eb.fn.count<number>('sent_at').as('sent'),
      ])
      .executeTakeFirstOrThrow();
    const seconds = (new Date(span.last ?? 0).getTime() - new Date(span.first ?? 0).getTime()) / 1000;
    return { sample: new Uint8Array(row.signed_xml ?? new Uint8Array()), seconds, sent: Number(span.sent) };
  } finally {
    await database.close();
  }
}

/** Sequential HTTPS POSTs of `body` to a bare server; answers requests per second. */
async function rawPosts(body: Uint8Array, certFile: string, count: number): Promise<number> {
  const keyFile = certFile.replace(/cert\.pem$/, 'key.pem');
  const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.end('{"outcome":"accepted"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const ca = readFileSync(certFile, 'utf8');
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const call = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/exchange/inbound',
          ca,
          headers: { 'content-type': 'application/xml' },
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', resolve);
        },
      );
      call.on('error', reject);
      call.end(body);
    });
  for (let i = 0; i < 5; i++) await post();
  const started = performance.now();
  for (let i = 0; i < count; i++) await post();
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return count / seconds;
}

await main();
