import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { systemActor } from '../platform/access.ts';
import type { Database } from '../platform/db.ts';
import { queueOutbound, type OutboundDocument } from '../modules/exchange/queue-outbound.ts';
import { DEMO_PASSWORD } from '../modules/organisation/seed-demo.ts';
import { configureSigningKeySecret } from '../modules/signatures/key-encryption.ts';
import { signerForAgencySeal } from '../modules/signatures/key-store.ts';
import { signPdf } from '../modules/signatures/pades-sign.ts';
import { seedDemoSigning } from '../modules/signatures/seed-demo-signing.ts';

/**
 * Two TinhSo servers as separate processes (`node apps/cli/src/main.ts serve`), each with its own
 * database (a PGlite folder or a PostgreSQL database, made by the caller's `databases`), over HTTPS
 * with a self-signed certificate made by openssl, configured as each other's peer. Server "b" is
 * another province: its agency codes end in H21 instead of H20. Each trusts the other's demo root CA.
 * Tooling, not part of the running server: used by exchange-two-servers.test.ts (through
 * test/exchange-servers.ts, on the test fixture) and by bench/exchange.ts (`@tinhso/server/bench`).
 */
export const REPO = join(import.meta.dirname, '../../../..');
const SECRET = 'two-servers-shared-secret-0123456789abcdef';

export interface ServerSpec {
  name: 'a' | 'b';
  port: number;
  env: Record<string, string>;
  logFile: string;
}

export interface Pair {
  dir: string;
  cert: string;
  a: ServerSpec;
  b: ServerSpec;
  /** Drops the databases (PostgreSQL) and removes the folder (PGlite data, certificate, logs). */
  cleanup(): Promise<void>;
}

/** A server's database, opened in this process to be prepared, then handed to the server's process. */
export interface ServerDatabase {
  database: Database;
  /** DATABASE_URL or PGLITE_DATA_DIR for the server's process. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** Makes the database of server `name`, already migrated and holding the demo province; `dir` is the pair's folder. */
export type ServerDatabases = (dir: string, name: 'a' | 'b') => Promise<ServerDatabase>;

/** A free TCP port on 127.0.0.1 (closed again at once). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The Công văn number `number` from Sở Tư pháp. */
export function letterOf(number: number): OutboundDocument {
  return {
    codeNumber: String(number).padStart(2, '0'),
    codeNotation: 'STP-VP',
    typeCode: 'cong_van',
    subject: `Về việc phối hợp rà soát thủ tục hành chính (đợt ${number})`,
    promulgationDate: '2026-11-20',
    promulgationPlace: 'Đồng Tháp',
    signer: { fullName: 'Huỳnh Thị Ngọc Hân', position: 'Giám đốc' },
    urgency: 'khan',
    confidentiality: 'thuong',
  };
}

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Quyet dinh so 12/QD-UBND, trang 1', { x: 50, y: 750, size: 12, font });
  return doc.save();
}

const codeOf = (name: 'a' | 'b', group: number) =>
  `000.00.${String(group).padStart(2, '0')}.${name === 'a' ? 'H20' : 'H21'}`;
export const TU_PHAP = 5;
export const VP_UBND = 1;
export const agencyCode = codeOf;

async function agencyId(database: Database, code: string): Promise<string> {
  return (
    await database.db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

/** The clerk (văn thư) of an agency, by username. */
export async function clerkOf(database: Database, code: string): Promise<string> {
  const row = await database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('agency as g', 'g.id', 'p.agency_id')
    .select('a.username')
    .where('p.position_type', '=', 'van_thu')
    .where('g.code', '=', code)
    .executeTakeFirstOrThrow();
  return row.username;
}

/** Queues `count` letters from Sở Tư pháp of `from` to Văn phòng UBND of `to`, numbered from `first`. */
export async function queueLetters(
  database: Database,
  options: { from: 'a' | 'b'; to: 'a' | 'b'; first: number; count: number },
) {
  const senderId = await agencyId(database, codeOf(options.from, TU_PHAP));
  const seal = await signerForAgencySeal(database.db, senderId);
  if (!seal) throw new Error('no seal for Sở Tư pháp');
  const pdf = await signPdf(await onePagePdf(), seal, {
    reason: 'Phát hành',
    location: 'Đồng Tháp',
    name: 'Sở Tư pháp',
  });
  const documentIds: string[] = [];
  for (let number = options.first; number < options.first + options.count; number++) {
    const queued = await database.db.transaction().execute((tx) =>
      queueOutbound(tx, {
        agencyId: senderId,
        recipientCodes: [codeOf(options.to, VP_UBND)],
        document: letterOf(number),
        files: [{ name: `cong-van-${number}.pdf`, mediaType: 'application/pdf', bytes: pdf }],
        source: { kind: 'outgoing', id: crypto.randomUUID() },
        actor: systemActor('two-servers'),
      }),
    );
    documentIds.push(queued.documentId);
  }
  return documentIds;
}

/**
 * Prepares both databases (signing keys, cross trust, directories), lets `prepare` queue documents
 * while they are open in this process, then closes them: the servers are started afterwards.
 */
export async function prepareServerPair(options: {
  databases: ServerDatabases;
  prepare: (databases: { a: Database; b: Database }) => Promise<void>;
}): Promise<Pair> {
  const { databases, prepare } = options;
  const dir = mkdtempSync(join(tmpdir(), 'tinhso-two-servers-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0)
    throw new Error(`openssl could not make the test certificate: ${made.error?.message ?? made.stderr}`);
  configureSigningKeySecret({ secret: undefined, isDemo: true });
  // Side by side: loading a database and seeding its keys take seconds each.
  const [a, b] = await Promise.all([databases(dir, 'a'), databases(dir, 'b')]);
  await b.database.db
    .updateTable('agency')
    .set((eb) => ({ code: eb.fn('replace', ['code', eb.val('.H20'), eb.val('.H21')]) }))
    .execute();
  await Promise.all([a, b].map((side) => seedDemoSigning(side.database.db, { secret: undefined })));
  await trustEachOther(a.database, b.database);
  await routeThroughPeer(a.database, b.database, 'b');
  await routeThroughPeer(b.database, a.database, 'a');
  await prepare({ a: a.database, b: b.database });
  await a.database.close();
  await b.database.close();
  const [portA, portB] = [await freePort(), await freePort()];
  const spec = (
    name: 'a' | 'b',
    port: number,
    env: Record<string, string>,
    peer: { name: string; port: number },
  ): ServerSpec => ({
    name,
    port,
    logFile: join(dir, `server-${name}.log`),
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SIMULATORS: 'true',
      COOKIE_SECURE: 'false',
      WEB_DIST_DIR: '/nonexistent',
      OUTBOX_POLL_MS: '100',
      // A message claimed by a server that is killed waits out its lease before another attempt.
      OUTBOX_LEASE_SECONDS: '15',
      ALERT_SCAN_MINUTES: '0',
      TLS_CERT_FILE: cert,
      TLS_KEY_FILE: key,
      EXCHANGE_PEER_CA_FILE: cert,
      EXCHANGE_PEERS: JSON.stringify([
        { name: peer.name, url: `https://127.0.0.1:${peer.port}`, secret: SECRET },
      ]),
    },
  });
  return {
    dir,
    cert,
    a: spec('a', portA, a.env, { name: 'b', port: portB }),
    b: spec('b', portB, b.env, { name: 'a', port: portA }),
    async cleanup() {
      await a.drop();
      await b.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function trustEachOther(a: Database, b: Database) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const anchors = await from.db
      .selectFrom('trust_anchor')
      .select(['name', 'certificate', 'sha256'])
      .execute();
    await to.db
      .insertInto('trust_anchor')
      .values(anchors)
      .onConflict((c) => c.column('sha256').doNothing())
      .execute();
    const crls = await from.db
      .selectFrom('trust_crl')
      .select(['issuer', 'crl', 'this_update', 'next_update'])
      .execute();
    if (crls.length > 0) await to.db.insertInto('trust_crl').values(crls).execute();
  }
}

/** Every agency of `other` in `database`'s directory, reached through the peer `peer`. */
async function routeThroughPeer(database: Database, other: Database, peer: string) {
  const agencies = await other.db.selectFrom('agency').select(['code', 'name']).execute();
  await database.db
    .insertInto('exchange_directory')
    .values(
      agencies.map((agency) => ({
        code: agency.code,
        name: agency.name,
        transport: 'peer' as const,
        peer,
        source: 'import' as const,
      })),
    )
    .execute();
}

/**
 * Starts a server process and waits until it answers over HTTPS. `nodeArgs` go to its Node (e.g.
 * `--cpu-prof`, written when it is stopped with SIGTERM).
 */
export async function startServer(
  spec: ServerSpec,
  cert: string,
  options: { nodeArgs?: string[] } = {},
): Promise<ChildProcess> {
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'apps/cli/src/main.ts', 'serve'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server ${spec.name} exited: ${readFileSync(spec.logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await https(spec, cert, 'GET', '/api/health')).status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > until)
      throw new Error(
        `server ${spec.name} did not start: ${readFileSync(spec.logFile, 'utf8').slice(-2000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One HTTPS request trusting the test certificate. */
export function https(
  spec: { port: number },
  cert: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Record<string, string | string[] | undefined> }> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: spec.port,
        method,
        path,
        ca: readFileSync(cert, 'utf8'),
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            body:
              response.headers['content-type']?.includes('json') && text
                ? (JSON.parse(text) as unknown)
                : text,
            headers: response.headers,
          });
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

/** A signed-in session on a server (the clerk roles need no MFA). */
export async function signIn(spec: { port: number }, cert: string, username: string) {
  const login = await https(spec, cert, 'POST', '/api/auth/login', {
    body: { username, password: DEMO_PASSWORD },
  });
  const setCookie = login.headers['set-cookie'];
  const cookie = ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0] ?? '';
  const csrf = (login.body as { session?: { csrfToken: string } }).session?.csrfToken ?? '';
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(login.body)}`);
  return {
    get: (path: string) => https(spec, cert, 'GET', path, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      https(spec, cert, 'POST', path, { body, headers: { cookie, 'x-csrf-token': csrf } }),
  };
}
