// PAdES signing and verification (issue 4) against their ceiling, in this process:
//
//   ceiling  the raw WebCrypto signature of ~200 bytes (what a signer signs: the CMS signed attributes)
//   figure   signPdf (load the PDF, placeholder, ByteRange, SHA-256 over it, CMS, the same signature)
//            and verifyPdf (parse, digest, signature, chain to the root, CRLs), for 1 and 50 pages
//
// RSA-2048 (an official's key) and ECDSA P-256 (an agency seal), BENCH_SIGN_RUNS runs each after a
// warm-up. Run: npx node apps/server/test/signatures-bench.ts (not a vitest file: it only measures)
import { webcrypto } from 'node:crypto';
import { createTestPki, der, type TestIdentity } from './signatures-pki.ts';
import { samplePdf } from './signatures-tools.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

// bench/stats.ts is another TypeScript project: the few helpers needed are here.
const fmtMs = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toPrecision(2)}×`;
const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

const RUNS = Number(process.env.BENCH_SIGN_RUNS ?? 20);

async function samples(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const pki = await createTestPki();
const trust = { anchors: [der(pki.root)], crls: [der(pki.crl), der(pki.rootCrl)] };
const attributes = webcrypto.getRandomValues(new Uint8Array(200));
const rows: string[][] = [];
for (const pages of [1, 50]) {
  const pdf = await samplePdf(pages);
  for (const [label, identity] of [
    ['RSA-2048', pki.official],
    ['ECDSA P-256', pki.seal],
  ] as [string, TestIdentity][]) {
    const options = { reason: 'Phê duyệt', location: 'Thử Nghiệm', name: 'bench' };
    const signed = await signPdf(pdf, identity.signer, options);
    const raw = await samples(() => identity.signer.sign(attributes));
    const sign = await samples(() => signPdf(pdf, identity.signer, options));
    const verify = await samples(() => verifyPdf(signed, trust));
    rows.push([
      `${pages} p (${Math.round(pdf.length / 1024)} KiB)`,
      label,
      fmtMs(raw),
      fmtMs(sign),
      ratio(raw, sign),
      fmtMs(verify),
    ]);
  }
}
console.log(
  `PAdES sign/verify, p50 of ${RUNS} runs, ms (load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})\n`,
);
console.log(
  table(['document', 'key', 'raw WebCrypto sign', 'signPdf', 'ratio raw/signPdf', 'verifyPdf'], rows),
);
