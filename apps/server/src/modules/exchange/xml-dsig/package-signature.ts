import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import type * as pkijs from 'pkijs';
import {
  describeName,
  nameAttribute,
  type RevocationStatus,
  type TrustStatus,
} from '../../signatures/certificate-checks.ts';
import type { TrustSettings } from '../../signatures/pades-verify.ts';
import type { PdfSigner } from '../../signatures/pdf-signer.ts';
import {
  canonicalize,
  CanonicalXmlError,
  localName,
  namespaceOf,
  parseXmlTree,
  scopeOf,
  type XmlNode,
} from './canonical-xml.ts';
import { parseCertificate } from '../../signatures/parsed-der.ts';
import { checkSealChain } from './chain-verdicts.ts';

/**
 * The XML-DSig profile of edXML packages (R-EDX-1, vn-norms §3.3; ADR 0021): one enveloped
 * `Signature` (namespace xmldsig#) as the last child of `edXMLHeader`, one `Reference URI=""` with
 * the transforms enveloped-signature and exclusive c14n, SHA-256 digests, RSA-SHA256 or
 * ECDSA-SHA256 over the exclusive-c14n `SignedInfo`, the signer's certificate chain in
 * `KeyInfo/X509Data`. Anything else (SHA-1, other transforms, several references) is refused.
 */
export const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SIGNATURE_METHODS = {
  'RSASSA-PKCS1-v1_5': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  ECDSA: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
} as const;
const HEADER_END = '</edXML:TraceHeaderList>';

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * ECDSA signatures in XML-DSig are r‖s (P-256: 64 bytes), which WebCrypto gives; a remote signer may
 * answer a DER ECDSA-Sig-Value instead. Told apart by length and a strict DER reading: an r‖s whose
 * first byte happens to be 0x30 (one signature in 256) must not be taken for DER.
 */
function toRawEcdsa(signature: Uint8Array): Uint8Array {
  if (signature.length === 64) return signature;
  const raw = readEcdsaDer(signature);
  if (!raw) throw new Error(`the ECDSA signature is neither r‖s nor DER (${signature.length} bytes)`);
  return raw;
}

/** r‖s of a DER ECDSA-Sig-Value over P-256 (SEQUENCE of two INTEGERs), or null if it is not one. */
function readEcdsaDer(signature: Uint8Array): Uint8Array | null {
  if (signature[0] !== 0x30 || signature[1] !== signature.length - 2) return null;
  const raw = new Uint8Array(64);
  let offset = 2;
  for (const at of [0, 32]) {
    const length = signature[offset + 1] ?? 0;
    if (signature[offset] !== 0x02 || length < 1 || length > 33) return null;
    let value = signature.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length) return null;
    if (value.length === 33) {
      if (value[0] !== 0) return null;
      value = value.subarray(1);
    }
    raw.set(value, at + 32 - value.length);
    offset += 2 + length;
  }
  return offset === signature.length ? raw : null;
}

/**
 * Signs a package built by `buildEdxml` (its header ends with `</edXML:TraceHeaderList>`): the
 * signature goes right after it, inside `edXMLHeader`.
 */
export async function signPackage(xml: string, signer: PdfSigner): Promise<string> {
  const at = xml.indexOf(HEADER_END);
  if (at < 0) throw new Error('not a package built by buildEdxml: no TraceHeaderList');
  const digest = sha256Base64(canonicalize(parseXmlTree(xml)));
  const signedInfo =
    `<SignedInfo><CanonicalizationMethod Algorithm="${EXC_C14N}"></CanonicalizationMethod>` +
    `<SignatureMethod Algorithm="${SIGNATURE_METHODS[signer.algorithm]}"></SignatureMethod>` +
    `<Reference URI=""><Transforms><Transform Algorithm="${ENVELOPED}"></Transform>` +
    `<Transform Algorithm="${EXC_C14N}"></Transform></Transforms>` +
    `<DigestMethod Algorithm="${SHA256}"></DigestMethod><DigestValue>${digest}</DigestValue></Reference></SignedInfo>`;
  const certificates = signer.certificateChain
    .map((der) => `<X509Certificate>${Buffer.from(der).toString('base64')}</X509Certificate>`)
    .join('');
  const placeholder = 'SIGNATURE-VALUE-PLACEHOLDER';
  const signature =
    `<Signature xmlns="${DSIG}">${signedInfo}<SignatureValue>${placeholder}</SignatureValue>` +
    `<KeyInfo><X509Data>${certificates}</X509Data></KeyInfo></Signature>`;
  const end = at + HEADER_END.length;
  const withSignature = xml.slice(0, end) + signature + xml.slice(end);
  const found = findSignature(parseXmlTree(withSignature));
  if (!found) throw new Error('the signature was not placed in edXMLHeader');
  const canonicalSignedInfo = canonicalize(found.signedInfo, { inherited: found.scope });
  let value = await signer.sign(new TextEncoder().encode(canonicalSignedInfo));
  if (signer.algorithm === 'ECDSA') value = toRawEcdsa(value);
  return withSignature.replace(placeholder, Buffer.from(value).toString('base64'));
}

interface FoundSignature {
  root: XmlNode;
  signature: XmlNode;
  signedInfo: XmlNode;
  /** The namespace scope of the Signature element (SignedInfo's parent). */
  scope: Map<string, string>;
}

const childrenOf = (node: XmlNode) => node.children.filter((child): child is XmlNode => 'name' in child);
const textOf = (node: XmlNode | undefined) =>
  (node?.children ?? []).map((child) => ('text' in child ? child.text : '')).join('');

/** The Signature in root/edXMLEnvelope/edXMLHeader, or null. Several signatures: null as well. */
function findSignature(root: XmlNode): FoundSignature | null {
  let scope = scopeOf(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  const envelope =
    localName(root.name) === 'edXMLEnvelope'
      ? root
      : childrenOf(root).find((c) => localName(c.name) === 'edXMLEnvelope');
  if (!envelope) return null;
  if (envelope !== root) scope = scopeOf(envelope, scope);
  const header = childrenOf(envelope).find((child) => localName(child.name) === 'edXMLHeader');
  if (!header) return null;
  const headerScope = scopeOf(header, scope);
  const signatures = childrenOf(header).filter(
    (child) =>
      localName(child.name) === 'Signature' && namespaceOf(child, scopeOf(child, headerScope)) === DSIG,
  );
  const [signature] = signatures;
  if (!signature || signatures.length > 1) return null;
  const signatureScope = scopeOf(signature, headerScope);
  const signedInfo = childrenOf(signature).find((child) => localName(child.name) === 'SignedInfo');
  if (!signedInfo) return null;
  return { root, signature, signedInfo, scope: signatureScope };
}

export interface PackageSignatureReport {
  /** The package carries a signature of this profile whose digest and value verify. */
  integrity: boolean;
  trust: TrustStatus | 'none';
  revocation: RevocationStatus;
  signer: { commonName: string | null; organisation: string | null; subject: string } | null;
  /** True only when integrity holds, the chain is trusted and revocation is good. */
  valid: boolean;
  problems: string[];
}

const refused = (problem: string): PackageSignatureReport => ({
  integrity: false,
  trust: 'none',
  revocation: 'unknown',
  signer: null,
  valid: false,
  problems: [problem],
});

const algorithmOf = (node: XmlNode | undefined) =>
  node?.attributes.find(([name]) => name === 'Algorithm')?.[1] ?? null;
const child = (node: XmlNode | undefined, name: string) =>
  node ? childrenOf(node).find((item) => localName(item.name) === name) : undefined;

/** Checks the package's XML-DSig against the trust list. Never throws on bad input. */
export async function verifyPackageSignature(
  xml: string,
  trust: TrustSettings,
): Promise<PackageSignatureReport> {
  let root: XmlNode;
  try {
    root = parseXmlTree(xml);
  } catch (error) {
    return refused(error instanceof CanonicalXmlError ? error.message : 'unreadable XML');
  }
  const found = findSignature(root);
  if (!found) return refused('the package has no XML-DSig Signature in edXMLHeader (or more than one)');
  const { signature, signedInfo } = found;
  const references = childrenOf(signedInfo).filter((item) => localName(item.name) === 'Reference');
  const [reference] = references;
  const transforms = childrenOf(child(reference, 'Transforms') ?? { name: '', attributes: [], children: [] });
  const method = algorithmOf(child(signedInfo, 'SignatureMethod'));
  const profileProblem =
    algorithmOf(child(signedInfo, 'CanonicalizationMethod')) !== EXC_C14N
      ? 'CanonicalizationMethod must be exclusive c14n'
      : method !== SIGNATURE_METHODS.ECDSA && method !== SIGNATURE_METHODS['RSASSA-PKCS1-v1_5']
        ? `SignatureMethod ${method ?? '(none)'} is not accepted (RSA-SHA256 or ECDSA-SHA256)`
        : references.length !== 1 || reference?.attributes.find(([n]) => n === 'URI')?.[1] !== ''
          ? 'exactly one Reference with URI="" is accepted'
          : transforms.map(algorithmOf).join(' ') !== `${ENVELOPED} ${EXC_C14N}`
            ? 'the transforms must be enveloped-signature then exclusive c14n'
            : algorithmOf(child(reference, 'DigestMethod')) !== SHA256
              ? 'DigestMethod must be SHA-256'
              : null;
  if (profileProblem) return refused(profileProblem);
  const chain: Uint8Array[] = [];
  const certificates = childrenOf(child(child(signature, 'KeyInfo'), 'X509Data') ?? signature)
    .filter((item) => localName(item.name) === 'X509Certificate')
    .map((item) => {
      try {
        const der = Buffer.from(textOf(item).replace(/\s+/g, ''), 'base64');
        chain.push(der);
        return parseCertificate(der);
      } catch {
        return null;
      }
    });
  const [certificate] = certificates;
  if (!certificate || certificates.some((item) => item === null))
    return refused('KeyInfo/X509Data must carry the signer certificate');
  const signer = {
    commonName: nameAttribute(certificate.subject, 'CN'),
    organisation: nameAttribute(certificate.subject, 'O'),
    subject: describeName(certificate.subject),
  };
  const problems: string[] = [];
  const digest = sha256Base64(canonicalize(root, { exclude: signature }));
  const digestMatches = digest === textOf(child(reference, 'DigestValue')).trim();
  if (!digestMatches) problems.push('the digest of the package does not match: it was changed after signing');
  const valueMatches = await verifyValue({
    certificate,
    method,
    data: canonicalize(signedInfo, { inherited: found.scope }),
    value: Buffer.from(textOf(child(signature, 'SignatureValue')).replace(/\s+/g, ''), 'base64'),
  });
  if (!valueMatches) problems.push('the signature value does not verify with the certificate');
  const verdict = await checkSealChain({
    chain,
    anchors: trust.anchors,
    crls: trust.crls ?? [],
    now: trust.now ?? new Date(),
    ...(trust.ocsp ? { ocsp: trust.ocsp } : {}),
  });
  problems.push(...verdict.problems);
  const integrity = digestMatches && valueMatches;
  return {
    integrity,
    trust: verdict.trust,
    revocation: verdict.revocation,
    signer,
    valid: integrity && verdict.trust === 'trusted' && verdict.revocation === 'good',
    problems,
  };
}

async function verifyValue(options: {
  certificate: pkijs.Certificate;
  method: string | null;
  data: string;
  value: Uint8Array;
}): Promise<boolean> {
  const isEcdsa = options.method === SIGNATURE_METHODS.ECDSA;
  try {
    const spki = options.certificate.subjectPublicKeyInfo.toSchema().toBER(false);
    const key = await webcrypto.subtle.importKey(
      'spki',
      spki,
      isEcdsa ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return await webcrypto.subtle.verify(
      isEcdsa ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' },
      key,
      new Uint8Array(options.value),
      new TextEncoder().encode(options.data),
    );
  } catch {
    return false;
  }
}
