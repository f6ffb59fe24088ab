// What OCSP costs a verification (ADR 0026), against the ceiling of the same check with CRLs only,
// in the same run: one signature (ECDSA leaf ← issuing CA ← root) checked with CRLs only, with OCSP
// on a cold cache (two requests to a local responder: the signer and the CA), with the answers
// cached, and with the responder down (falling back to the CRL); each as a ratio to CRLs only.
// Run: npx node bench/signatures-ocsp.ts (the machine's load is printed, as the figures move with it).
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import {
  createCrl,
  createRootCa,
  createWebCryptoSigner,
  derOf,
  issueCertificate,
  signPdf,
  verifyPdf,
} from '@tinhso/server';
import { clearOcspCache, ocspSimulator } from '@tinhso/server/bench';

type Issued = Awaited<ReturnType<typeof createRootCa>>;

const signerOf = (issued: Issued, chain: Issued[]) =>
  createWebCryptoSigner({
    privateKey: issued.keys.privateKey,
    certificateChain: [issued, ...chain].map((i) => derOf(i.certificate)),
  });
const root = await createRootCa('CN=M Root, C=VN');
const ca = await issueCertificate({ subject: 'CN=M CA, C=VN', issuer: root, kind: 'ecdsa', role: 'ca' });
const responder = await issueCertificate({
  subject: 'CN=M OCSP, C=VN',
  issuer: ca,
  kind: 'ecdsa',
  role: 'ocsp',
});
const leaf = await issueCertificate({
  subject: 'CN=M Leaf, C=VN',
  issuer: ca,
  kind: 'ecdsa',
  role: 'signing',
});
const server = Fastify();
await server.register(ocspSimulator, {
  keys: async () => [
    {
      issuer: pkijs.Certificate.fromBER(new Uint8Array(derOf(ca.certificate))),
      signer: signerOf(responder, [ca]),
    },
    {
      issuer: pkijs.Certificate.fromBER(new Uint8Array(derOf(root.certificate))),
      signer: signerOf(root, []),
    },
  ],
  stateOf: async () => ({ status: 'good' }),
});
await server.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
const doc = await PDFDocument.create();
doc.addPage();
const pdf = await signPdf(await doc.save(), signerOf(leaf, [ca, root]), {
  reason: 'r',
  location: 'l',
  name: 'n',
});
const crls = [derOf(await createCrl({ issuer: ca })), derOf(await createCrl({ issuer: root }))];
const anchors = [derOf(root.certificate)];
const ocsp = [{ anchor: anchors[0]!, url, useAia: false }];
let ceiling = 0;
async function time(label: string, run: () => Promise<unknown>, n = 60) {
  for (let i = 0; i < 5; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const p50 = ms[Math.floor(n / 2)]!;
  ceiling ||= p50;
  console.log(
    `${label}: p50 ${p50.toFixed(1)} ms, p95 ${ms[Math.floor(n * 0.95)]!.toFixed(1)} ms, ${(p50 / ceiling).toFixed(2)}× CRLs only`,
  );
}
const check = async (settings: Parameters<typeof verifyPdf>[1]) => {
  const [r] = await verifyPdf(pdf, settings);
  if (!r!.valid) throw new Error(JSON.stringify(r!.problems));
};
await time('CRL only', () => check({ anchors, crls }));
await time('OCSP cold (2 requests: signer + CA)', async () => {
  clearOcspCache();
  await check({ anchors, ocsp });
});
await time('OCSP cached', () => check({ anchors, ocsp }));
await time('OCSP down -> CRL', async () => {
  clearOcspCache();
  await check({ anchors, crls, ocsp: [{ ...ocsp[0]!, url: 'http://127.0.0.1:9/' }] });
});
console.log(
  'load',
  (await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' '),
);
await server.close();
