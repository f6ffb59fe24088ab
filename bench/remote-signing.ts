// Remote signing (issue 4, ADR 0022) against its ceiling, in this process:
//
//   ceiling  signPdf of a 1-page PDF with the local PKCS#12 signer (the same RSA-2048 key, imported
//            into WebCrypto as the key store does)
//   figure   signPdf of the same PDF with the remote signer: sign-hash to the simulator over HTTP
//            (loopback), the simulated phone confirming at once (auto-confirm, benchmarks only), the
//            callback waking the waiter, the signature checked against the certificate
//
// What a person adds (picking up the phone, some seconds) is not measured: this is the machinery's
// cost. BENCH_REMOTE_RUNS runs each (20) after a warm-up, the median; an in-memory PGlite holds the
// simulator's user. Run: npx node bench/remote-signing.ts (or `npm run bench -- --exchange`)
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import {
  createRootCa,
  derOf,
  issueCertificate,
  openDatabase,
  runMigrations,
  signPdf,
  verifyPdf,
} from '@tinhso/server';
import {
  configureSigningKeySecret,
  createRemoteSigner,
  createRemoteSigningClient,
  exportPkcs8,
  parseTransaction,
  RemoteWaiters,
  remoteSigningSimulator,
  signerFromPkcs8,
  storeSimulatorUser,
} from '@tinhso/server/bench';
import { samplePdf } from './sample-pdf.ts';
import { loadAverage, percentile } from './stats.ts';

const RUNS = Number(process.env.BENCH_REMOTE_RUNS ?? 20);
const fmtMs = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return percentile(
    runs.sort((a, b) => a - b),
    50,
  );
}

configureSigningKeySecret({ secret: undefined, isDemo: true });
const database = await openDatabase({ pgliteDataDir: 'memory://', poolMax: 1 });
await runMigrations(database.db);
const root = await createRootCa('CN=Bench Root, O=TinhSo Bench, C=VN');
const issued = await issueCertificate({
  subject: 'CN=Bench Signer, O=TinhSo Bench, C=VN',
  issuer: root,
  kind: 'rsa',
  role: 'signing',
});
const pkcs8 = await exportPkcs8(issued.keys);
const chain = [derOf(issued.certificate), derOf(root.certificate)];
await storeSimulatorUser(database.db, {
  userId: 'bench',
  displayName: 'Bench',
  pkcs8,
  certificateChain: chain,
  isAutoConfirm: true,
});

const waiters = new RemoteWaiters();
const app = Fastify({ logger: false });
await app.register(remoteSigningSimulator, {
  prefix: '/sim',
  db: database.db,
  clientId: 'bench',
  clientSecret: 'bench-secret-0123456789',
});
app.post('/callback', async (request, reply) => {
  const transaction = parseTransaction(request.body as Record<string, unknown>);
  return reply
    .status(waiters.deliver(transaction.transactionId, transaction.signature) === 'delivered' ? 204 : 400)
    .send();
});
const origin = await app.listen({ port: 0, host: '127.0.0.1' });
const client = createRemoteSigningClient({
  baseUrl: `${origin}/sim`,
  clientId: 'bench',
  clientSecret: 'bench-secret-0123456789',
});
const credential = await client.getCredential('bench');
const remote = createRemoteSigner({
  client,
  waiters,
  account: {
    providerUserId: 'bench',
    credentialId: credential.credentialId,
    algorithm: credential.algorithm,
    certificateChain: credential.certificateChain,
  },
  officialId: 'bench',
  description: 'Ký văn bản: đo hiệu năng',
  callbackUrl: `${origin}/callback`,
  timeoutMs: 30_000,
  // Far apart: the callback is what ends each wait, as in production.
  pollMs: 10_000,
});
const local = await signerFromPkcs8({ privateKey: pkcs8, algorithm: 'RSASSA-PKCS1-v1_5', chain });

const pdf = await samplePdf(1);
const options = { reason: 'Phê duyệt', location: 'Thử Nghiệm', name: 'bench' };
const signed = await signPdf(pdf, remote, options);
const [report] = await verifyPdf(signed, { anchors: [derOf(root.certificate)], crls: [] });
if (!report?.integrity || report.trust !== 'trusted') throw new Error('the remote signature does not verify');

const localMs = await median(() => signPdf(pdf, local, options));
const remoteMs = await median(() => signPdf(pdf, remote, options));
console.log(`Remote signing, p50 of ${String(RUNS)} runs, 1-page PDF, RSA-2048 (load ${loadAverage()})\n`);
console.log('| signer | signPdf ms | local / remote |');
console.log('| --- | ---: | ---: |');
console.log(`| local PKCS#12 (ceiling) | ${fmtMs(localMs)} | 1× |`);
console.log(
  `| remote, simulator auto-confirm, callback | ${fmtMs(remoteMs)} | ${(localMs / remoteMs).toPrecision(2)}× |`,
);
await app.close();
await database.close();
