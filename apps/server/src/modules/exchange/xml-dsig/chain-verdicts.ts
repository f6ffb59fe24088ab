import { LRUCache } from 'lru-cache';
import type * as pkijs from 'pkijs';
import {
  checkChain,
  checkRevocation,
  type RevocationStatus,
  type TrustStatus,
} from '../../signatures/certificate-checks.ts';
import { createOcspLookup, type OcspAnchorSettings } from '../../signatures/ocsp-lookup.ts';
import { parseCertificate, parseCrl, sha256Hex } from '../../signatures/parsed-der.ts';

/**
 * The certificate checks of a package's seal, remembered across packages. Every package of an agency
 * carries the same seal chain and is checked against the same trust list, and parsing a certificate
 * or a CRL with asn1js then building the chain with pkijs cost more than the rest of the XML-DSig
 * check (profile in docs/benchmarks.md, "Exchange"). Certificates and CRLs are parsed once
 * (`signatures/parsed-der.ts`), and a verdict "trusted, not revoked" is kept by the SHA-256 of the
 * chain, the anchors, the CRLs and the OCSP settings, with the time up to which it holds: the first
 * notAfter of the path, the first nextUpdate of a CRL of a path issuer, a CRL of such an issuer that
 * is not current yet, a revocation dated later, and at most a minute. Only that verdict is kept: any
 * other answer, any change of the trust list or a check at an earlier time runs the full checks
 * again. Where a root is configured for OCSP (ADR 0026) the seal's certificates are asked like a
 * PDF's; a verdict holds at most a minute, so a revocation the responder reports is seen within it.
 */
const VERDICT_MAX_MS = 60_000;
const verdicts = new LRUCache<string, { from: number; until: number }>({ max: 1024 });

export interface ChainVerdict {
  trust: TrustStatus;
  revocation: RevocationStatus;
  problems: string[];
}

/**
 * The trust and revocation of `chain` (signer first, as DER) against `anchors` and `crls` at `now`:
 * what checkChain and checkRevocation answer, from the cache when a good verdict holds at `now`.
 */
export async function checkSealChain(options: {
  chain: Uint8Array[];
  anchors: Uint8Array[];
  crls: Uint8Array[];
  now: Date;
  ocsp?: OcspAnchorSettings[];
}): Promise<ChainVerdict> {
  const { chain, anchors, crls, now } = options;
  const ocsp = (options.ocsp ?? []).filter((setting) => setting.url !== null || setting.useAia);
  const key = [
    ...[chain, anchors, crls].map((list) => list.map(sha256Hex).join(',')),
    ocsp.map((setting) => `${sha256Hex(setting.anchor)}=${setting.url ?? ''}:${setting.useAia}`).join(','),
  ].join('|');
  const known = verdicts.get(key);
  if (known && known.from <= now.getTime() && now.getTime() < known.until)
    return { trust: 'trusted', revocation: 'good', problems: [] };
  const [signer, ...others] = chain.map(parseCertificate);
  if (!signer) return { trust: 'untrusted', revocation: 'unknown', problems: ['no signer certificate'] };
  const parsedCrls = crls.map(parseCrl);
  const checked = await checkChain({
    signer,
    others,
    anchors: anchors.map(parseCertificate),
    now,
    claimedSigningTime: null,
  });
  const problems: string[] = [];
  if (checked.problem) problems.push(`certificate chain: ${checked.problem}`);
  if (checked.trust !== 'trusted') return { trust: checked.trust, revocation: 'unknown', problems };
  const revocation = await checkRevocation({
    path: checked.path,
    crls: parsedCrls,
    now,
    ...(ocsp.length > 0 ? { ocsp: createOcspLookup(ocsp) } : {}),
  });
  if (revocation.problem) problems.push(revocation.problem);
  if (revocation.revocation === 'good')
    verdicts.set(key, { from: now.getTime(), until: goodUntil(checked.path, parsedCrls, now) });
  return { trust: checked.trust, revocation: revocation.revocation, problems };
}

/** The first time after `now` at which the checks of `path` could answer otherwise. */
function goodUntil(path: pkijs.Certificate[], crls: pkijs.CertificateRevocationList[], now: Date): number {
  const times = [
    now.getTime() + VERDICT_MAX_MS,
    ...path.map((certificate) => certificate.notAfter.value.getTime()),
  ];
  for (let i = 0; i < path.length - 1; i++) {
    const certificate = path[i]!;
    const issuer = path[i + 1]!;
    for (const crl of crls.filter((item) => item.issuer.isEqual(issuer.subject))) {
      const thisUpdate = crl.thisUpdate.value.getTime();
      // A CRL not current yet may become the one that counts; a current one stops counting.
      if (thisUpdate > now.getTime()) times.push(thisUpdate);
      else if (crl.nextUpdate) times.push(crl.nextUpdate.value.getTime());
      for (const entry of crl.revokedCertificates ?? []) {
        if (entry.userCertificate.isEqual(certificate.serialNumber))
          times.push(entry.revocationDate.value.getTime());
      }
    }
  }
  return Math.min(...times);
}
