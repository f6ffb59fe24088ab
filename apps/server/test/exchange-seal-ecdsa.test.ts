import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml } from '../src/modules/exchange/edxml/index.ts';
import { signPackage, verifyPackageSignature } from '../src/modules/exchange/xml-dsig/package-signature.ts';
import type { PdfSigner } from '../src/modules/signatures/pdf-signer.ts';
import { congVanEnvelope } from './fixtures/edxml/envelopes.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';

// The seal's ECDSA signature value in both forms a signer may give (r‖s from WebCrypto, DER from a
// remote signer). An r‖s that starts with the byte 0x30 (one in 256) was once read as DER: the
// package was refused by its own verifier, or the delivery failed and waited for its retry.

let pki: TestPki;
let unsigned: string;

beforeAll(async () => {
  pki = await createTestPki();
  unsigned = buildEdxml(congVanEnvelope());
});

const trust = () => ({ anchors: [der(pki.root)], crls: [der(pki.emptyCrl), der(pki.rootCrl)] });

/** The seal, answering only signatures whose r‖s satisfies `accept` (it signs again until one does). */
const sealAnswering = (accept: (raw: Uint8Array) => boolean, form: (raw: Uint8Array) => Uint8Array) => {
  const seal = pki.seal.signer;
  const signer: PdfSigner = {
    ...seal,
    async sign(data) {
      for (;;) {
        const raw = await seal.sign(data);
        if (accept(raw)) return form(raw);
      }
    },
  };
  return signer;
};

/** DER ECDSA-Sig-Value of r‖s (an INTEGER gets a leading zero when its first bit is set). */
function derOfRaw(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const value = bytes.subarray(start);
    const padded = (value[0] ?? 0) & 0x80 ? [0, ...value] : [...value];
    return [0x02, padded.length, ...padded];
  };
  const body = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

describe('the ECDSA value of the seal', () => {
  it('an r‖s that begins with 0x30 is kept as r‖s, and the package verifies', async () => {
    const signer = sealAnswering(
      (raw) => raw[0] === 0x30,
      (raw) => raw,
    );
    const signed = await signPackage(unsigned, signer);
    expect(await verifyPackageSignature(signed, trust())).toMatchObject({ integrity: true, valid: true });
  });

  it('a DER value, with a 33-byte INTEGER, becomes r‖s, and the package verifies', async () => {
    const signer = sealAnswering((raw) => ((raw[0] ?? 0) & 0x80) !== 0, derOfRaw);
    const signed = await signPackage(unsigned, signer);
    expect(await verifyPackageSignature(signed, trust())).toMatchObject({ integrity: true, valid: true });
  });

  it('a value that is neither fails the sealing instead of sending a package nobody can verify', async () => {
    const signer: PdfSigner = { ...pki.seal.signer, sign: () => Promise.resolve(new Uint8Array(70)) };
    await expect(signPackage(unsigned, signer)).rejects.toThrow(/neither r‖s nor DER/);
  });
});
