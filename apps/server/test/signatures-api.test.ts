import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import type { VerifyPdfAnswer } from '../src/modules/signatures/schemas.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
import { samplePdf } from './signatures-tools.ts';

type ErrorAnswer = { issues?: { field: string; message: string }[] };

let t: TestApp;
let pki: TestPki;
let unsigned: Uint8Array;
let sealed: Uint8Array;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  [t, pki] = await Promise.all([startTestApp(), createTestPki()]);
  unsigned = await samplePdf(1);
  const personal = await signPdf(unsigned, pki.official.signer, {
    reason: 'Phê duyệt',
    location: 'Thử Nghiệm',
    name: 'Nguyễn Văn An',
  });
  sealed = await signPdf(personal, pki.seal.signer, {
    reason: 'Phát hành',
    location: 'Thử Nghiệm',
    name: 'UBND',
  });
  // The trust list as data: the test root, and current CRLs of the root and the intermediate.
  await t.database.db
    .insertInto('trust_anchor')
    .values({ name: 'TinhSo Test Root CA', certificate: der(pki.root), sha256: sha256(der(pki.root)) })
    .execute();
  await t.database.db
    .insertInto('trust_crl')
    .values(
      [pki.crl, pki.rootCrl].map((crl) => ({
        issuer: crl.issuer,
        crl: der(crl),
        this_update: crl.thisUpdate,
        next_update: crl.nextUpdate ?? null,
      })),
    )
    .execute();
});
afterAll(() => t.close());

const verify = (bytes: Uint8Array, name = 'van-ban.pdf', type = 'application/pdf') =>
  t.client().upload<VerifyPdfAnswer & ErrorAnswer>('/api/public/verify-pdf', { bytes, name, type });

describe('POST /api/public/verify-pdf', () => {
  it('anyone, signed in or not, gets a report per signature: personal and seal valid against the trust list', async () => {
    const answer = await verify(sealed);
    expect(answer.status).toBe(200);
    expect(answer.body.signatures).toHaveLength(2);
    expect(answer.body.signatures.map((s) => [s.signer?.commonName, s.valid, s.trust, s.revocation])).toEqual(
      [
        ['Nguyễn Văn An', true, 'trusted', 'good'],
        ['Văn phòng UBND tỉnh Thử Nghiệm', true, 'trusted', 'good'],
      ],
    );
    const official = await t.signedIn('quantri');
    const asOfficial = await official.upload<VerifyPdfAnswer>('/api/public/verify-pdf', {
      bytes: sealed,
      name: 'a.pdf',
      type: 'application/pdf',
    });
    expect(asOfficial.status).toBe(200);
  });

  it('a signer revoked by a CRL of the trust list, and a removed anchor, are never valid', async () => {
    const revoked = await signPdf(unsigned, pki.revokedOfficial.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
    });
    const answer = await verify(revoked);
    expect(answer.body.signatures[0]).toMatchObject({ integrity: true, revocation: 'revoked', valid: false });

    await t.database.db.updateTable('trust_anchor').set({ removed_at: new Date() }).execute();
    try {
      const untrusted = await verify(sealed);
      expect(untrusted.body.signatures.map((s) => [s.trust, s.valid])).toEqual([
        ['untrusted', false],
        ['untrusted', false],
      ]);
    } finally {
      await t.database.db.updateTable('trust_anchor').set({ removed_at: null }).execute();
    }
  });

  it('a changed byte answers 200 with integrity false', async () => {
    const tampered = sealed.slice();
    // A hex digit of the document's /Producer, in the first revision: signed by both.
    const offset = Buffer.from(tampered).indexOf('/Producer <FEFF00') + '/Producer <FEFF00'.length;
    expect(offset).toBeGreaterThan(20);
    tampered[offset] = tampered[offset]! ^ 0x01;
    const answer = await verify(tampered);
    expect(answer.status).toBe(200);
    expect(answer.body.signatures.map((s) => [s.integrity, s.valid])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('refuses what is not a signed PDF, naming the field file: 415, 422, 400', async () => {
    const notPdf = await verify(new TextEncoder().encode('just text'), 'a.txt', 'text/plain');
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.issues?.[0]?.field).toBe('file');

    const noSignature = await verify(unsigned);
    expect(noSignature.status).toBe(422);
    expect(noSignature.body.issues?.[0]?.field).toBe('file');
    expect(noSignature.body.issues?.[0]?.message).toContain('không có chữ ký số');

    const truncated = await verify(sealed.subarray(0, sealed.length - 200));
    expect(truncated.status).toBe(400);
    expect(truncated.body.issues?.[0]?.field).toBe('file');
    expect(truncated.body.issues?.[0]?.message).toContain('không đọc được tệp PDF');

    const noFile = await t.client().post<ErrorAnswer>('/api/public/verify-pdf', {});
    expect(noFile.status).toBe(400);
    expect(noFile.body.issues?.[0]?.field).toBe('file');
  });

  it('refuses more than 20 MB with 413', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const answer = await verify(big);
    expect(answer.status).toBe(413);
    expect(answer.body.issues?.[0]?.field).toBe('file');
  });
});
