import * as pkijs from 'pkijs';
import type { OcspLookup } from './certificate-checks.ts';
import { askOcsp, ocspUrlFromAia, resolveResponderUrl } from './ocsp-client.ts';

/** OCSP as configured on one trust anchor (trust_anchor.ocsp_url, ocsp_use_aia; ADR 0026). */
export interface OcspAnchorSettings {
  /** DER of the anchor (root) the configuration belongs to. */
  anchor: Uint8Array;
  /** The responder for every certificate chaining to it; `/simulators/…` is this server's. */
  url: string | null;
  /** Without `url`: ask the responder a certificate's Authority Information Access names. */
  useAia: boolean;
}

const sameCertificate = (a: pkijs.Certificate, b: pkijs.Certificate) =>
  a.subject.isEqual(b.subject) &&
  Buffer.from(a.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).equals(
    Buffer.from(b.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
  );

/**
 * The verifier's OCSP: which responder a certificate of a chain is asked (the anchor's configured
 * URL first, then its AIA when the anchor allows it), and the question over HTTP. An AIA URL is only
 * ever read from a certificate that already chains to a trusted anchor.
 */
export function createOcspLookup(settings: OcspAnchorSettings[]): OcspLookup {
  const parsed = settings
    .filter((setting) => setting.url !== null || setting.useAia)
    .map((setting) => ({ ...setting, certificate: pkijs.Certificate.fromBER(setting.anchor) }));
  return {
    urlFor: ({ certificate, anchor }) => {
      const setting = parsed.find((candidate) => sameCertificate(candidate.certificate, anchor));
      if (!setting) return null;
      return setting.url ?? (setting.useAia ? ocspUrlFromAia(certificate) : null);
    },
    ask: async ({ url, certificate, issuer, now }) => {
      const resolved = resolveResponderUrl(url);
      if (!resolved) return { status: 'unusable', problem: `OCSP responder ${url}: the simulators are off` };
      const answer = await askOcsp({ url: resolved, certificate, issuer, now });
      if (answer.status === 'revoked') return { status: 'revoked', revokedAt: answer.revokedAt };
      return answer.status === 'good' ? { status: 'good' } : answer;
    },
  };
}
