import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { OID } from '../src/modules/signatures/cms.ts';
import { PdfSignatureError } from '../src/modules/signatures/pdf-errors.ts';
import { createTestPki, type TestPki } from './signatures-pki.ts';
import { opensslCmsPrint, opensslCmsVerify, pdfsig, rawSignatures, samplePdf } from './signatures-tools.ts';

let pki: TestPki;
let unsigned: Uint8Array;
/** Signed by the official (RSA), then sealed by the agency (ECDSA) in an incremental update. */
let personal: Uint8Array;
let sealed: Uint8Array;
const SIGNED_AT = new Date('2026-11-27T02:30:00Z');

beforeAll(async () => {
  pki = await createTestPki();
  unsigned = await samplePdf(2);
  personal = await signPdf(unsigned, pki.official.signer, {
    reason: 'Phê duyệt',
    location: 'Thử Nghiệm',
    name: 'Nguyễn Văn An',
    signingTime: SIGNED_AT,
  });
  sealed = await signPdf(personal, pki.seal.signer, {
    reason: 'Phát hành',
    location: 'Thử Nghiệm',
    name: 'Văn phòng UBND tỉnh Thử Nghiệm',
  });
});

const flipByteAt = (pdf: Uint8Array, offset: number): Uint8Array => {
  const copy = pdf.slice();
  copy[offset] = copy[offset]! ^ 0x01;
  return copy;
};

describe('signPdf: PAdES baseline B-B', () => {
  it('writes a detached CMS with contentType, messageDigest and signing-certificate-v2, and no signingTime', () => {
    for (const { cms } of rawSignatures(sealed)) {
      const signedData = new pkijs.SignedData({
        schema: pkijs.ContentInfo.fromBER(cms).content,
      });
      expect(signedData.encapContentInfo.eContent).toBeUndefined();
      const types = signedData.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
      expect(types.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
      expect(types).not.toContain(OID.signingTime);
    }
    // OpenSSL parses the ESS attribute as a SigningCertificateV2 (not an opaque blob).
    const printed = opensslCmsPrint(rawSignatures(sealed)[0]!.cms);
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).not.toContain('signingTime');
  });

  it('is listed by pdfsig as two valid ETSI.CAdES.detached signatures, personal first, seal second', () => {
    const { output } = pdfsig(sealed);
    const blocks = output.split(/Signature #\d+:/).slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(blocks[1]).toContain('Signer Certificate Common Name: Văn phòng UBND tỉnh Thử Nghiệm');
    for (const block of blocks) {
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
      expect(block).toContain('Signing Hash Algorithm: SHA-256');
      expect(block).toContain('Signature Validation: Signature is Valid.');
    }
    // The seal covers the whole file; the personal signature its own revision.
    expect(blocks[1]).toContain('Total document signed');
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[0]).toContain('Signing Time: Nov 27 2026 02:30:00');
  });

  it('verifies with openssl cms against the test root, and not against another root', () => {
    const signatures = rawSignatures(sealed);
    expect(signatures).toHaveLength(2);
    for (const { cms, signedBytes } of signatures) {
      const trusted = opensslCmsVerify({ cms, content: signedBytes, rootPem: pki.root.toString('pem') });
      expect(trusted.output).toContain('Verification successful');
      expect(trusted.status).toBe(0);
      const other = opensslCmsVerify({ cms, content: signedBytes, rootPem: pki.otherRoot.toString('pem') });
      expect(other.status).not.toBe(0);
      expect(other.output).toContain('certificate verify error');
    }
  });

  it('keeps the first signature byte for byte when the seal is added', () => {
    expect(Buffer.from(sealed.subarray(0, personal.length)).equals(Buffer.from(personal))).toBe(true);
  });

  it('one flipped byte inside the signed range breaks it for pdfsig and openssl', () => {
    const [, seal] = rawSignatures(sealed);
    // A byte of the second signed range (after the seal's /Contents), inside the last revision.
    const tampered = flipByteAt(sealed, seal!.byteRange[2]! + 20);
    const { output } = pdfsig(tampered);
    expect(output).toContain('Digest Mismatch');
    const broken = rawSignatures(tampered)[1]!;
    const result = opensslCmsVerify({
      cms: broken.cms,
      content: broken.signedBytes,
      rootPem: pki.root.toString('pem'),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/digest failure|content verify error/i);
  });

  it('refuses what is not a PDF with a clear error', async () => {
    const attempt = signPdf(new TextEncoder().encode('hello'), pki.official.signer, {
      reason: 'x',
      location: 'y',
      name: 'z',
    });
    await expect(attempt).rejects.toBeInstanceOf(PdfSignatureError);
    await expect(attempt).rejects.toMatchObject({ code: 'not_pdf' });
  });
});
