// Documents per second exchanged between two TinhSo servers (issue 4), against a ceiling measured in
// the same run:
//
//   ceiling  raw HTTPS POSTs of the same package bytes, one after the other, to a bare Node HTTPS
//            server that reads the body and answers 200 (what the transport alone costs)
//   figure   server a's outbox delivers BENCH_EXCHANGE_DOCS queued letters to server b over HTTPS:
//            build and seal each package (XML-DSig), POST, b parses it, verifies the XML-DSig and the
//            PDF's PAdES signature against its trust list and files it, a marks it sent; timed from a
//            listening to the last one sent (one delivery at a time, as the outbox runs them)
//
// Two processes, each with its own database (PGlite folders; TEST_DB=postgres for PostgreSQL), as in
// exchange-two-servers.test.ts. Run (the PGlite fixture is built if missing):
//   TEST_FIXTURE_DIR=.tmp/fixture-exchange npx node apps/server/test/exchange-bench.ts
// It sits beside the tests because it uses their two-server helper (bench/ cannot import test code).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres } from '../src/platform/db.ts';
import { buildFixture, FIXTURE_DIR, PGLITE_DUMP, testDatabaseKind } from './fixture-database.ts';
import { preparePair, queueLetters, signIn, startServer } from './exchange-servers.ts';

const DOCS = Number(process.env.BENCH_EXCHANGE_DOCS ?? 40);

async function main() {
  if (testDatabaseKind() === 'pglite' && !existsSync(PGLITE_DUMP)) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    await buildFixture();
  }
  const pair = await preparePair(async ({ a }) => {
    await queueLetters(a, { from: 'a', to: 'b', first: 1, count: DOCS });
  });
  const servers = [];
  try {
    servers.push(await startServer(pair.b, pair.cert));
    const started = performance.now();
    servers.push(await startServer(pair.a, pair.cert));
    const clerk = await signIn(pair.a, pair.cert, 'vanthu');
    for (;;) {
      const answer = (await clerk.get('/api/exchange/outbound')).body as {
        items: { recipients: { sentAt: string | null }[] }[];
      };
      if (answer.items.filter((item) => item.recipients[0]?.sentAt).length >= DOCS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const withStart = (performance.now() - started) / 1000;
    for (const server of servers.splice(0)) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    const { sample, seconds } = await readBack(pair.a.env);
    // DOCS − 1 intervals between the first and the last delivery.
    const figure = (DOCS - 1) / seconds;
    const ceiling = await rawPosts(sample, pair.cert, DOCS);
    console.log(
      [
        `machine: ${os.cpus().length} cores, ${testDatabaseKind()}, Node ${process.version}`,
        `| workload | documents | seconds | per second |`,
        `| --- | --- | --- | --- |`,
        `| raw HTTPS POST of the package (${(sample.byteLength / 1024).toFixed(0)} KiB), ceiling | ${DOCS} | ${(DOCS / ceiling).toFixed(2)} | ${ceiling.toFixed(0)} |`,
        `| exchange a → b (seal, deliver, verify, file), first to last delivery | ${DOCS} | ${seconds.toFixed(2)} | ${figure.toFixed(1)} |`,
        `(from server a's start to the last delivery: ${withStart.toFixed(1)} s)`,
        `ratio: the exchange runs at ${((figure / ceiling) * 100).toFixed(1)}% of the raw transport (${(ceiling / figure).toFixed(0)}× slower)`,
      ].join('\n'),
    );
  } finally {
    for (const server of servers) server.kill('SIGKILL');
    await pair.cleanup();
  }
}

/**
 * A sealed package server a sent and the span of its deliveries (first to last sent_at, so the
 * server's start is not counted), read from its database once its process is gone.
 */
async function readBack(env: Record<string, string>): Promise<{ sample: Uint8Array; seconds: number }> {
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
      .select((eb) => [eb.fn.min('sent_at').as('first'), eb.fn.max('sent_at').as('last')])
      .executeTakeFirstOrThrow();
    const seconds = (new Date(span.last ?? 0).getTime() - new Date(span.first ?? 0).getTime()) / 1000;
    return { sample: new Uint8Array(row.signed_xml ?? new Uint8Array()), seconds };
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
