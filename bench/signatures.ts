// PAdES signing and verification (issue 4) against their ceiling, in this process:
//
//   ceiling  the raw WebCrypto signature of ~200 bytes (what a signer signs: the CMS signed attributes)
//   figures  signPdf B-B (load the PDF, placeholder, ByteRange, SHA-256 over it, CMS, the signature),
//            signPdf B-T (the same, then an RFC 3161 timestamp from a local TSA over loopback HTTP,
//            the tsaSimulator the demo mounts at /simulators/tsa) and verifyPdf of the B-T file
//            (parse, digest, signature, chain, CRLs, the timestamp token and its TSA chain)
//
// RSA-2048 (an official's key) and ECDSA P-256 (an agency seal), for 1 and 50 pages, BENCH_SIGN_RUNS
// runs each (20) after a warm-up, the median. Run: npx node bench/signatures.ts
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { webcrypto } from 'node:crypto';
import Fastify from 'fastify';
import {
  createCrl,
  createRootCa,
  createWebCryptoSigner,
  derOf,
  issueCertificate,
  signPdf,
  tsaSimulator,
  verifyPdf,
  type PdfSigner,
} from '@tinhso/server';
import { samplePdf } from './sample-pdf.ts';
import { percentile } from './stats.ts';

const RUNS = Number(process.env.BENCH_SIGN_RUNS ?? 20);
const fmtMs = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toPrecision(2)}×`;
const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

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

// A root, an official (RSA-2048), a seal (ECDSA P-256) and a TSA (ECDSA P-256), as the demo CA makes them.
const root = await createRootCa('CN=TinhSo Bench Root, O=TinhSo Bench, C=VN');
const signerOf = async (kind: 'rsa' | 'ecdsa', role: 'signing' | 'timestamping'): Promise<PdfSigner> => {
  const issued = await issueCertificate({
    subject: `CN=Bench ${kind} ${role}, C=VN`,
    issuer: root,
    kind,
    role,
  });
  return createWebCryptoSigner({
    privateKey: issued.keys.privateKey,
    certificateChain: [derOf(issued.certificate), derOf(root.certificate)],
  });
};
const tsa = await signerOf('ecdsa', 'timestamping');
const server = Fastify();
await server.register(tsaSimulator, { prefix: '/tsa', signer: () => Promise.resolve(tsa) });
await server.listen({ port: 0, host: '127.0.0.1' });
const timestampUrl = `http://127.0.0.1:${String((server.server.address() as AddressInfo).port)}/tsa`;
const trust = { anchors: [derOf(root.certificate)], crls: [derOf(await createCrl({ issuer: root }))] };

const attributes = webcrypto.getRandomValues(new Uint8Array(200));
const rows: string[][] = [];
for (const pages of [1, 50]) {
  const pdf = await samplePdf(pages);
  for (const [label, signer] of [
    ['RSA-2048', await signerOf('rsa', 'signing')],
    ['ECDSA P-256', await signerOf('ecdsa', 'signing')],
  ] as [string, PdfSigner][]) {
    const options = { reason: 'Phê duyệt', location: 'Thử Nghiệm', name: 'bench' };
    const stamped = await signPdf(pdf, signer, { ...options, timestampUrl });
    const [report] = await verifyPdf(stamped, trust);
    if (!report?.valid || report.validityTimeSource !== 'timestamp')
      throw new Error('the B-T signature does not verify');
    const raw = await median(() => signer.sign(attributes));
    const bb = await median(() => signPdf(pdf, signer, options));
    const bt = await median(() => signPdf(pdf, signer, { ...options, timestampUrl }));
    const verify = await median(() => verifyPdf(stamped, trust));
    rows.push([
      `${String(pages)} p (${String(Math.round(pdf.length / 1024))} KiB)`,
      label,
      fmtMs(raw),
      fmtMs(bb),
      ratio(raw, bb),
      fmtMs(bt),
      fmtMs(bt - bb),
      fmtMs(verify),
    ]);
  }
}
await server.close();
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(`PAdES sign/verify, median of ${String(RUNS)} runs, ms (load ${load})\n`);
console.log(
  table(
    [
      'document',
      'key',
      'raw WebCrypto sign',
      'signPdf B-B',
      'raw / B-B',
      'signPdf B-T',
      'timestamp cost',
      'verifyPdf B-T',
    ],
    rows,
  ),
);
