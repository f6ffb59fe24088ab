import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCrl,
  createRootCa,
  derOf,
  issueCertificate,
  type Issued,
} from '../src/modules/signatures/demo-ca.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { verifyPdf, type SignatureReport } from '../src/modules/signatures/pades-verify.ts';
import { createWebCryptoSigner, type PdfSigner } from '../src/modules/signatures/pdf-signer.ts';
import { tsaSimulator } from '../src/modules/signatures/tsa-simulator.ts';
import { samplePdf } from './signatures-tools.ts';

// A trusted timestamp is the time at which the signer's certificate is judged (ADR 0024): a
// certificate that expired or was revoked after it leaves the signature valid; before it, not. Without
// a trusted timestamp the certificate is judged now.

const SECOND = 1000;
let root: Issued;
let otherRoot: Issued;
let server: FastifyInstance;
let url: string;
let tsa: PdfSigner;

async function signerOf(certificate: Issued): Promise<PdfSigner> {
  return createWebCryptoSigner({
    privateKey: certificate.keys.privateKey,
    certificateChain: [derOf(certificate.certificate), derOf(root.certificate)],
  });
}

/** A signing certificate of the test root, valid from yesterday until `notAfter`. */
const official = (notAfter = new Date(Date.now() + 730 * 86_400_000)) =>
  issueCertificate({
    subject: 'CN=Nguyễn Văn An, O=UBND tỉnh, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'signing',
    notAfter,
  });

async function sign(certificate: Issued, options: { stamped: boolean }): Promise<Uint8Array> {
  return signPdf(await samplePdf(), await signerOf(certificate), {
    reason: 'Phê duyệt',
    location: 'Đồng Tháp',
    name: 'Nguyễn Văn An',
    ...(options.stamped ? { timestampUrl: url } : {}),
  });
}

async function verifyAt(
  pdf: Uint8Array,
  options: { at: Date; revoked?: { serialNumber: string; at: Date }[]; anchors?: Issued[] },
): Promise<SignatureReport> {
  const crl = await createCrl({ issuer: root, revoked: options.revoked ?? [] });
  const [report] = await verifyPdf(pdf, {
    anchors: (options.anchors ?? [root]).map((anchor) => derOf(anchor.certificate)),
    crls: [derOf(crl)],
    now: options.at,
  });
  return report!;
}

beforeAll(async () => {
  root = await createRootCa('CN=TinhSo Validity Test Root, O=TinhSo Test, C=VN');
  otherRoot = await createRootCa('CN=TinhSo Other Root, O=TinhSo Test, C=VN');
  const tsaCertificate = await issueCertificate({
    subject: 'CN=TinhSo Test Timestamp Authority, O=TinhSo Test, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'timestamping',
  });
  tsa = createWebCryptoSigner({
    privateKey: tsaCertificate.keys.privateKey,
    certificateChain: [derOf(tsaCertificate.certificate), derOf(root.certificate)],
  });
  server = Fastify();
  await server.register(tsaSimulator, { prefix: '/tsa', signer: async () => tsa });
  await server.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/tsa`;
});
afterAll(() => server.close());

describe('the validity time of a signature', () => {
  it('a certificate that expired after the trusted timestamp leaves the signature valid; without a timestamp it is expired', async () => {
    const shortLived = await official(new Date(Date.now() + 20 * SECOND));
    const stamped = await sign(shortLived, { stamped: true });
    const plain = await sign(shortLived, { stamped: false });
    const later = new Date(Date.now() + 60 * SECOND);

    const judgedAtTimestamp = await verifyAt(stamped, { at: later });
    expect(judgedAtTimestamp).toMatchObject({
      valid: true,
      trust: 'trusted',
      revocation: 'good',
      validityTimeSource: 'timestamp',
      timestamp: { trusted: true },
    });
    expect(judgedAtTimestamp.validityTime).toBe(judgedAtTimestamp.timestamp!.time);
    expect(new Date(judgedAtTimestamp.validityTime).getTime()).toBeLessThan(later.getTime() - 30 * SECOND);

    const judgedNow = await verifyAt(plain, { at: later });
    expect(judgedNow).toMatchObject({ valid: false, trust: 'expired', validityTimeSource: 'now' });
    expect(new Date(judgedNow.validityTime).getTime()).toBe(Math.floor(later.getTime() / SECOND) * SECOND);
  });

  it('a certificate revoked after the trusted timestamp leaves the signature valid; revoked before it, not', async () => {
    const certificate = await official();
    const serialNumber = certificate.certificate.serialNumber;
    const stamped = await sign(certificate, { stamped: true });
    const later = new Date(Date.now() + 60 * SECOND);

    const revokedAfter = await verifyAt(stamped, {
      at: later,
      revoked: [{ serialNumber, at: new Date(Date.now() + 30 * SECOND) }],
    });
    expect(revokedAfter).toMatchObject({ valid: true, revocation: 'good', validityTimeSource: 'timestamp' });

    const revokedBefore = await verifyAt(stamped, {
      at: later,
      revoked: [{ serialNumber, at: new Date(Date.now() - 3600 * SECOND) }],
    });
    expect(revokedBefore).toMatchObject({
      valid: false,
      revocation: 'revoked',
      validityTimeSource: 'timestamp',
    });
    expect(revokedBefore.problems.join(' ')).toMatch(/is revoked since/);

    // Without a timestamp the revocation after signing counts: nothing proves the signature came first.
    const plain = await sign(certificate, { stamped: false });
    const plainRevokedAfter = await verifyAt(plain, {
      at: later,
      revoked: [{ serialNumber, at: new Date(Date.now() + 30 * SECOND) }],
    });
    expect(plainRevokedAfter).toMatchObject({
      valid: false,
      revocation: 'revoked',
      validityTimeSource: 'now',
    });
  });

  it('a timestamp from a TSA outside the trust list proves no time: the expired certificate is judged now', async () => {
    const shortLived = await official(new Date(Date.now() + 20 * SECOND));
    const stamped = await sign(shortLived, { stamped: true });
    const later = new Date(Date.now() + 60 * SECOND);
    // The signer's root trusted, the TSA's not: the TSA is checked against another anchor only.
    const savedTsa = tsa;
    const otherTsa = await issueCertificate({
      subject: 'CN=Untrusted TSA, O=Elsewhere, C=VN',
      issuer: otherRoot,
      kind: 'ecdsa',
      role: 'timestamping',
    });
    tsa = createWebCryptoSigner({
      privateKey: otherTsa.keys.privateKey,
      certificateChain: [derOf(otherTsa.certificate), derOf(otherRoot.certificate)],
    });
    const byUntrustedTsa = await sign(shortLived, { stamped: true });
    tsa = savedTsa;

    const untrusted = await verifyAt(byUntrustedTsa, { at: later });
    expect(untrusted).toMatchObject({
      valid: false,
      trust: 'expired',
      validityTimeSource: 'now',
      timestamp: { trusted: false },
    });
    // The same signature stamped by the trusted TSA, as a control: the only difference is the TSA.
    expect(await verifyAt(stamped, { at: later })).toMatchObject({
      valid: true,
      validityTimeSource: 'timestamp',
    });
  });

  it('a current certificate with a trusted timestamp is judged at the timestamp, written in Vietnam time', async () => {
    const stamped = await sign(await official(), { stamped: true });
    const report = await verifyAt(stamped, { at: new Date() });
    expect(report).toMatchObject({ valid: true, validityTimeSource: 'timestamp' });
    expect(report.validityTime).toMatch(/\+07:00$/);
  });
});
