import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml } from '../src/modules/exchange/edxml/index.ts';
import { canonicalize, parseXmlTree } from '../src/modules/exchange/xml-dsig/canonical-xml.ts';
import { signPackage, verifyPackageSignature } from '../src/modules/exchange/xml-dsig/package-signature.ts';
import { congVanEnvelope } from './fixtures/edxml/envelopes.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
import { writeTemp } from './signatures-tools.ts';

// The XML-DSig profile of edXML packages (R-EDX-1, ADR 0021): enveloped, exclusive c14n, SHA-256,
// checked by our verifier and independently by xmlsec1 (Debian `xmlsec1`, over libxml2).

let pki: TestPki;
let unsigned: string;

beforeAll(async () => {
  pki = await createTestPki();
  unsigned = buildEdxml(congVanEnvelope());
});

const trustOf = (root = pki.root) => ({
  anchors: [der(root)],
  crls: [der(pki.emptyCrl), der(pki.rootCrl)],
});

/** xmlsec1's verdict on a signed package, trusting the test root and intermediate. */
function xmlsec(xml: string): { status: number; output: string } {
  const pem = (item: { toString(format: 'pem'): string }) => item.toString('pem');
  const result = spawnSync(
    'xmlsec1',
    [
      '--verify',
      '--enabled-reference-uris',
      'empty',
      '--trusted-pem',
      writeTemp('root.pem', pem(pki.root)),
      '--untrusted-pem',
      writeTemp('intermediate.pem', pem(pki.intermediate)),
      writeTemp('package.xml', xml),
    ],
    { encoding: 'utf8' },
  );
  if (result.error)
    throw new Error(`xmlsec1 could not run (${result.error.message}): apt-get install xmlsec1`);
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('exclusive c14n', () => {
  it('renders namespaces where used, sorts attributes, escapes and drops comments, as the recommendation’s examples', () => {
    const xml =
      '<?xml version="1.0"?>\r\n<!-- outside --><a:root xmlns:a="urn:a" xmlns:b="urn:b" xmlns="urn:d">' +
      '<b:x z="1" a:y="2" b="&quot;q&quot;&#xA;" ><![CDATA[<&>]]><!-- c --></b:x><plain/>\r\n</a:root>';
    // The prefix a is rendered once, on the root; b where it is first used; the default namespace on
    // the first element in it; attributes without a namespace first, then by namespace URI.
    expect(canonicalize(parseXmlTree(xml))).toBe(
      '<a:root xmlns:a="urn:a"><b:x xmlns:b="urn:b" b="&quot;q&quot;&#xA;" z="1" a:y="2">&lt;&amp;&gt;</b:x>' +
        '<plain xmlns="urn:d"></plain>\n</a:root>',
    );
  });
});

describe('signing and verifying an edXML package', () => {
  it('signs with the agency seal (ECDSA); our verifier and xmlsec1 both accept it, and the edXML parser still reads it', async () => {
    const signed = await signPackage(unsigned, pki.seal.signer);
    const report = await verifyPackageSignature(signed, trustOf());
    expect(report, JSON.stringify(report)).toMatchObject({
      integrity: true,
      trust: 'trusted',
      revocation: 'good',
      valid: true,
    });
    expect(report.signer?.commonName).toBe(pki.seal.certificate.subjectName.getField('CN')[0]);
    const independent = xmlsec(signed);
    expect(independent.output).toMatch(/^OK/m);
    expect(independent.status).toBe(0);
    expect(parseEdxml(signed).ok).toBe(true);
  });

  it('signs with an RSA key as well, accepted by both', async () => {
    const signed = await signPackage(unsigned, pki.official.signer);
    expect((await verifyPackageSignature(signed, trustOf())).valid).toBe(true);
    expect(xmlsec(signed).status).toBe(0);
  });

  it('finds one changed character of the subject, and so does xmlsec1', async () => {
    const signed = await signPackage(unsigned, pki.seal.signer);
    const tampered = signed.replace('<edXML:Subject>', '<edXML:Subject>X');
    const report = await verifyPackageSignature(tampered, trustOf());
    expect(report.integrity).toBe(false);
    expect(report.valid).toBe(false);
    expect(report.problems.join(' ')).toMatch(/digest/);
    expect(xmlsec(tampered).status).not.toBe(0);
  });

  it('refuses an unsigned package, a SHA-1 reference, an untrusted root and a revoked signer', async () => {
    expect(await verifyPackageSignature(unsigned, trustOf())).toMatchObject({
      valid: false,
      integrity: false,
      problems: [expect.stringMatching(/no XML-DSig Signature/)],
    });
    const signed = await signPackage(unsigned, pki.seal.signer);
    const sha1 = signed.replace(
      'http://www.w3.org/2001/04/xmlenc#sha256',
      'http://www.w3.org/2000/09/xmldsig#sha1',
    );
    expect((await verifyPackageSignature(sha1, trustOf())).problems).toEqual([
      'DigestMethod must be SHA-256',
    ]);
    const untrusted = await verifyPackageSignature(signed, trustOf(pki.otherRoot));
    expect(untrusted).toMatchObject({ integrity: true, trust: 'untrusted', valid: false });
    const byRevoked = await signPackage(unsigned, pki.revokedOfficial.signer);
    const revoked = await verifyPackageSignature(byRevoked, {
      anchors: [der(pki.root)],
      crls: [der(pki.crl), der(pki.rootCrl)],
    });
    expect(revoked).toMatchObject({ integrity: true, trust: 'trusted', revocation: 'revoked', valid: false });
  });
});
