import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml } from '../src/modules/exchange/edxml/index.ts';
import { signPackage, verifyPackageSignature } from '../src/modules/exchange/xml-dsig/package-signature.ts';
import { congVanEnvelope } from './fixtures/edxml/envelopes.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';

// The seal chain's verdict is remembered across packages (xml-dsig/chain-verdicts.ts): these check
// that a remembered "trusted, not revoked" never answers for another trust list or another time.

const DAY = 86_400_000;
let pki: TestPki;
let sealed: string;
let byRevokedOfficial: string;

beforeAll(async () => {
  pki = await createTestPki();
  const unsigned = buildEdxml(congVanEnvelope());
  sealed = await signPackage(unsigned, pki.seal.signer);
  byRevokedOfficial = await signPackage(unsigned, pki.revokedOfficial.signer);
});

const trust = (options: { crls?: 'empty' | 'revoking'; now?: Date; root?: 'test' | 'other' } = {}) => ({
  anchors: [der(options.root === 'other' ? pki.otherRoot : pki.root)],
  crls: [der(options.crls === 'revoking' ? pki.crl : pki.emptyCrl), der(pki.rootCrl)],
  ...(options.now ? { now: options.now } : {}),
});

describe('the seal chain verdict kept across packages', () => {
  it('a new CRL that revokes the signer is heeded at the next package', async () => {
    for (let i = 0; i < 2; i++)
      expect(await verifyPackageSignature(byRevokedOfficial, trust())).toMatchObject({
        revocation: 'good',
        valid: true,
      });
    const report = await verifyPackageSignature(byRevokedOfficial, trust({ crls: 'revoking' }));
    expect(report).toMatchObject({ integrity: true, trust: 'trusted', revocation: 'revoked', valid: false });
    expect(report.problems.join(' ')).toMatch(/revoked since/);
  });

  it('another trust list is judged afresh: a root that signed nothing trusts nothing', async () => {
    expect((await verifyPackageSignature(sealed, trust())).valid).toBe(true);
    expect(await verifyPackageSignature(sealed, trust({ root: 'other' }))).toMatchObject({
      integrity: true,
      trust: 'untrusted',
      valid: false,
    });
  });

  it('a check after the CRL’s next update, or before the certificate was valid, is not answered from the verdict', async () => {
    expect((await verifyPackageSignature(sealed, trust())).valid).toBe(true);
    // The intermediate's CRLs are current for 7 days: after that, no current CRL says the seal is good.
    expect(
      await verifyPackageSignature(sealed, trust({ now: new Date(Date.now() + 8 * DAY) })),
    ).toMatchObject({ trust: 'trusted', revocation: 'unknown', valid: false });
    // Before the seal's certificate existed (and before the CRLs): not trusted at all.
    expect(
      await verifyPackageSignature(sealed, trust({ now: new Date(Date.now() - 3 * 365 * DAY) })),
    ).toMatchObject({ trust: 'untrusted', valid: false });
    expect((await verifyPackageSignature(sealed, trust())).valid).toBe(true);
  });

  it('a tampered package is refused although its chain’s verdict is kept', async () => {
    expect((await verifyPackageSignature(sealed, trust())).valid).toBe(true);
    const tampered = sealed.replace('chuyển đổi số', 'chuyển đổi sổ');
    expect(tampered).not.toBe(sealed);
    expect(await verifyPackageSignature(tampered, trust())).toMatchObject({
      integrity: false,
      trust: 'trusted',
      valid: false,
    });
  });
});
