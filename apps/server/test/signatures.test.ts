import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { OID, toArrayBuffer } from '../src/modules/signatures/cms.ts';
import type { PdfSigner } from '../src/modules/signatures/pdf-signer.ts';
import { PdfSignatureError } from '../src/modules/signatures/pdf-errors.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
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

/** A hex digit of the seal's /Location text (signed, after its /Contents): '0' becomes '1'. */
const sealLocationDigit = (pdf: Uint8Array): number =>
  Buffer.from(pdf).lastIndexOf('/Location <FEFF') + '/Location <FEFF'.length;

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
    const tampered = flipByteAt(sealed, sealLocationDigit(sealed));
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

  it('takes an ECDSA value in DER from a signer (as remote signers answer), not only r‖s', async () => {
    const remote: PdfSigner = {
      ...pki.seal.signer,
      async sign(data) {
        const raw = await pki.seal.signer.sign(data);
        return new Uint8Array(pkijs.createCMSECDSASignature(toArrayBuffer(raw)));
      },
    };
    const pdf = await signPdf(unsigned, remote, { reason: 'Phát hành', location: 'l', name: 'n' });
    expect(pdfsig(pdf).output).toContain('Signature Validation: Signature is Valid.');
    const [report] = await verifyPdf(pdf, {
      anchors: [der(pki.root)],
      crls: [der(pki.crl), der(pki.rootCrl)],
    });
    expect(report).toMatchObject({ integrity: true, valid: true });
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

describe('verifyPdf', () => {
  const trust = () => ({ anchors: [der(pki.root)], crls: [der(pki.crl), der(pki.rootCrl)] });

  it('reports the personal signature and the seal as valid, with signer, time and coverage', async () => {
    const [first, second] = await verifyPdf(sealed, trust());
    expect(first).toMatchObject({
      fieldName: 'Signature1',
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Phê duyệt',
      signer: {
        commonName: 'Nguyễn Văn An',
        organisation: 'UBND tỉnh Thử Nghiệm',
        serialNumber: pki.official.certificate.serialNumber,
        issuer: 'CN=TinhSo Test Issuing CA, O=TinhSo Test, C=VN',
      },
      signingTime: '2026-11-27T09:30:00+07:00',
      coversWholeDocument: false,
      integrity: true,
      trust: 'trusted',
      revocation: 'good',
      valid: true,
      problems: [],
    });
    expect(second).toMatchObject({
      fieldName: 'Signature2',
      signer: { commonName: 'Văn phòng UBND tỉnh Thử Nghiệm' },
      coversWholeDocument: true,
      valid: true,
    });
  });

  it('a third signature (an e-copy certified later) is a third revision: Signature3, all three valid', async () => {
    const copy = await signPdf(sealed, pki.seal.signer, { reason: 'Sao y', location: 'l', name: 'n' });
    const reports = await verifyPdf(copy, trust());
    expect(reports.map((r) => [r.fieldName, r.valid, r.coversWholeDocument])).toEqual([
      ['Signature1', true, false],
      ['Signature2', true, false],
      ['Signature3', true, true],
    ]);
    expect(pdfsig(copy).output.match(/Signature is Valid\./g)).toHaveLength(3);
  });

  it('is not valid without revocation data: revocation unknown', async () => {
    const reports = await verifyPdf(sealed, { anchors: [der(pki.root)] });
    for (const report of reports) {
      expect(report).toMatchObject({
        integrity: true,
        trust: 'trusted',
        revocation: 'unknown',
        valid: false,
      });
    }
    // The intermediate's CRL alone leaves the intermediate itself unchecked.
    const [partly] = await verifyPdf(personal, { anchors: [der(pki.root)], crls: [der(pki.crl)] });
    expect(partly).toMatchObject({ revocation: 'unknown', valid: false });
  });

  it('one flipped byte inside the signed range: integrity false, never valid', async () => {
    const [first, second] = await verifyPdf(flipByteAt(sealed, sealLocationDigit(sealed)), trust());
    expect(first).toMatchObject({ integrity: true, valid: true });
    expect(second).toMatchObject({ integrity: false, trust: 'trusted', valid: false });
    expect(second!.problems.join()).toContain('digest over the ByteRange does not match');

    // A byte of the page content, signed by both.
    const contentOffset = Buffer.from(sealed).indexOf('stream') + 10;
    for (const report of await verifyPdf(flipByteAt(sealed, contentOffset), trust())) {
      expect(report).toMatchObject({ integrity: false, valid: false });
    }
  });

  it('a signature value that does not match its attributes: integrity false', async () => {
    // The last hex digit of the CMS is inside the signature value (the SignerInfo ends with it).
    const [{ byteRange, cms }] = rawSignatures(personal) as [ReturnType<typeof rawSignatures>[number]];
    const lastDigit = byteRange[1]! + 1 + cms.length * 2 - 1;
    const tampered = personal.slice();
    tampered[lastDigit] = tampered[lastDigit] === 0x30 ? 0x31 : 0x30;
    const [report] = await verifyPdf(tampered, trust());
    expect(report).toMatchObject({ integrity: false, valid: false });
    expect(report!.problems.join()).toContain('does not verify');
  });

  it('with another root as the only anchor: untrusted', async () => {
    const reports = await verifyPdf(sealed, { anchors: [der(pki.otherRoot)], crls: trust().crls });
    for (const report of reports) {
      expect(report).toMatchObject({ integrity: true, trust: 'untrusted', valid: false });
      expect(report.problems.join()).toContain('chain:');
    }
    const [none] = await verifyPdf(sealed, { anchors: [] });
    expect(none).toMatchObject({ trust: 'untrusted', valid: false });
  });

  it('a certificate revoked by the CRL: revoked; the same with a CRL revoking nothing: good', async () => {
    const pdf = await signPdf(unsigned, pki.revokedOfficial.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
    });
    const [revoked] = await verifyPdf(pdf, trust());
    expect(revoked).toMatchObject({ integrity: true, trust: 'trusted', revocation: 'revoked', valid: false });
    const [before] = await verifyPdf(pdf, {
      anchors: [der(pki.root)],
      crls: [der(pki.emptyCrl), der(pki.rootCrl)],
    });
    expect(before).toMatchObject({ revocation: 'good', valid: true });
  });

  it('a certificate expired since the claimed signing time: expired, not valid', async () => {
    const pdf = await signPdf(unsigned, pki.expiredOfficial.signer, {
      reason: 'r',
      location: 'l',
      name: 'n',
      signingTime: new Date(Date.now() - 30 * 86_400_000),
    });
    const [report] = await verifyPdf(pdf, trust());
    expect(report).toMatchObject({ integrity: true, trust: 'expired', valid: false });
  });

  it('refuses with a clear error: not a PDF, no signature, truncated, empty', async () => {
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('GIF89a not a pdf'), 'not_pdf'],
      [unsigned, 'no_signature'],
      [sealed.subarray(0, sealed.length - 100), 'malformed_pdf'],
      [new TextEncoder().encode('%PDF-1.7\nnothing here\n%%EOF\n'), 'no_signature'],
    ];
    for (const [bytes, code] of cases) {
      const error = await verifyPdf(bytes, trust()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, code).toBeInstanceOf(PdfSignatureError);
      expect(error).toMatchObject({ code });
    }
  });

  it('reports a ByteRange that reaches past the end of the file, without throwing', async () => {
    const text = Buffer.from(personal).toString('latin1');
    const [{ byteRange }] = rawSignatures(personal) as [ReturnType<typeof rawSignatures>[number]];
    const written = `[0 ${byteRange[1]} ${byteRange[2]} ${byteRange[3]}]`;
    const longer = `[0 ${byteRange[1]} ${byteRange[2]} ${byteRange[3]! + 999}]`.slice(0, written.length + 3);
    const forged = Buffer.from(text.replace(written + '   ', longer.padEnd(written.length + 3)), 'latin1');
    const [report] = await verifyPdf(forged, trust());
    expect(report).toMatchObject({ integrity: false, valid: false });
    expect(report!.problems.join()).toContain('does not fit');
  });
});
