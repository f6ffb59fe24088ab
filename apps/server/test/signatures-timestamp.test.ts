import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, derOf, issueCertificate } from '../src/modules/signatures/demo-ca.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import { createWebCryptoSigner, type PdfSigner } from '../src/modules/signatures/pdf-signer.ts';
import { tsaSimulator } from '../src/modules/signatures/tsa-simulator.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
import { opensslCmsVerify, pdfsig, rawSignatures, samplePdf } from './signatures-tools.ts';

let pki: TestPki;
let tsaRoot: Uint8Array;
let server: FastifyInstance;
let url: string;
let tsaSigner: PdfSigner | null;

beforeAll(async () => {
  pki = await createTestPki();
  const root = await createRootCa('CN=TinhSo Test TSA Root, O=TinhSo Test, C=VN');
  const tsa = await issueCertificate({
    subject: 'CN=TinhSo Test Timestamp Authority, O=TinhSo Test, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'timestamping',
  });
  tsaRoot = derOf(root.certificate);
  tsaSigner = createWebCryptoSigner({
    privateKey: tsa.keys.privateKey,
    certificateChain: [derOf(tsa.certificate), tsaRoot],
  });
  const signer = tsaSigner;
  server = Fastify();
  await server.register(tsaSimulator, { prefix: '/simulators/tsa', signer: async () => tsaSigner });
  await server.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/simulators/tsa`;
  tsaSigner = signer;
});
afterAll(() => server.close());

const trust = (anchors: Uint8Array[]) => ({ anchors, crls: [der(pki.crl), der(pki.rootCrl)] });

describe('RFC 3161 timestamps (PAdES B-T)', () => {
  it('a signature stamped by the local TSA reports the time and a trusted timestamp; pdfsig and openssl cms still verify it', async () => {
    const before = Date.now();
    const signed = await signPdf(await samplePdf(), pki.official.signer, {
      reason: 'Phê duyệt',
      location: 'x',
      name: 'y',
      timestampUrl: url,
    });
    const [report] = await verifyPdf(signed, trust([der(pki.root), tsaRoot]));
    expect(report).toMatchObject({ valid: true, timestamp: { trusted: true } });
    const stamped = new Date(report!.timestamp!.time).getTime();
    expect(stamped).toBeGreaterThanOrEqual(before - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);
    expect(report!.timestamp!.time).toMatch(/\+07:00$/);
    expect(pdfsig(signed).output).toContain('Signature is Valid');
    const [raw] = rawSignatures(signed);
    expect(
      opensslCmsVerify({ cms: raw!.cms, content: raw!.signedBytes, rootPem: pki.root.toString('pem') })
        .output,
    ).toContain('Verification successful');
  });

  it('a TSA outside the trust list, or without the timeStamping usage, gives an untrusted timestamp; no TSA, none', async () => {
    const stamped = await signPdf(await samplePdf(), pki.official.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
      timestampUrl: url,
    });
    const [untrusted] = await verifyPdf(stamped, trust([der(pki.root)]));
    expect(untrusted!.timestamp).toMatchObject({ trusted: false });
    expect(untrusted!.problems.join(' ')).toMatch(/timestamp: TSA chain/);
    const wrongUsage = tsaSigner;
    tsaSigner = pki.seal.signer;
    const byASeal = await signPdf(await samplePdf(), pki.official.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
      timestampUrl: url,
    });
    tsaSigner = wrongUsage;
    const [sealStamped] = await verifyPdf(byASeal, trust([der(pki.root), tsaRoot]));
    expect(sealStamped!.timestamp).toMatchObject({ trusted: false });
    expect(sealStamped!.problems.join(' ')).toMatch(/not for time stamping/);
    const plain = await signPdf(await samplePdf(), pki.official.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
    });
    expect((await verifyPdf(plain, trust([der(pki.root)])))[0]!.timestamp).toBeNull();
  });

  it('a TSA that cannot answer makes signing fail rather than silently drop the timestamp', async () => {
    const saved = tsaSigner;
    tsaSigner = null;
    await expect(
      signPdf(await samplePdf(), pki.official.signer, {
        reason: 'r',
        location: 'l',
        name: 'n',
        timestampUrl: url,
      }),
    ).rejects.toThrow(/HTTP 503/);
    tsaSigner = saved;
  });
});
