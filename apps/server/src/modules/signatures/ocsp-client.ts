import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describeName } from './certificate-checks.ts';
import { toArrayBuffer } from './cms.ts';

/**
 * An OCSP client (RFC 6960): the status of one certificate from its CA's responder, over HTTP
 * (`application/ocsp-request`, RFC 6960 appendix A.1). The answer counts only when it is signed by
 * the issuer or by a responder certificate the issuer gave id-kp-OCSPSigning, names our certID,
 * echoes our nonce when it carries one, and is current. Anything else is `unusable`, and the caller
 * falls back to a CRL (ADR 0026). Never call it inside a database transaction.
 */

export const OCSP_OID = {
  nonce: '1.3.6.1.5.5.7.48.1.2',
  basic: '1.3.6.1.5.5.7.48.1.1',
  accessMethod: '1.3.6.1.5.5.7.48.1',
  signingEku: '1.3.6.1.5.5.7.3.9',
  noCheck: '1.3.6.1.5.5.7.48.1.5',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  extKeyUsage: '2.5.29.37',
} as const;

export type OcspAnswer =
  | { status: 'good'; thisUpdate: Date; nextUpdate: Date | null }
  | { status: 'revoked'; revokedAt: Date; thisUpdate: Date; nextUpdate: Date | null }
  | { status: 'unusable'; problem: string };

/** How long we wait for a responder: a verification someone waits for falls back to the CRL instead. */
export const OCSP_TIMEOUT_MS = 3_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Clocks differ: a thisUpdate up to five minutes ahead of ours is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A response without nextUpdate is accepted only this fresh, and never cached. */
const MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 60 * 60_000;
const CACHE_LIMIT = 10_000;
const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
};

let simulatorOrigin: () => string | null = () => null;

/** Set by the composition root when SIMULATORS=true: `/simulators/…` URLs are this server's. */
export function configureOcspSimulatorOrigin(origin: () => string | null): void {
  simulatorOrigin = origin;
}

/** An absolute URL for a configured one; a `/simulators/…` path only while the simulators run. */
export function resolveResponderUrl(url: string): string | null {
  if (!url.startsWith('/')) return url;
  const origin = simulatorOrigin();
  return origin ? `${origin}${url}` : null;
}

/** The first http(s) OCSP responder the certificate's Authority Information Access names, or null. */
export function ocspUrlFromAia(certificate: pkijs.Certificate): string | null {
  const extension = certificate.extensions?.find((e) => e.extnID === OCSP_OID.authorityInfoAccess);
  const access = extension?.parsedValue as pkijs.InfoAccess | undefined;
  const location = access?.accessDescriptions.find(
    (d) => d.accessMethod === OCSP_OID.accessMethod && d.accessLocation.type === 6,
  )?.accessLocation.value as unknown;
  return typeof location === 'string' && /^https?:\/\//.test(location) ? location : null;
}

/**
 * Good and revoked answers, kept in this process's memory until their nextUpdate (lost at restart,
 * not shared between servers; ADR 0026). Keyed by responder and certID.
 */
const cache = new Map<string, Exclude<OcspAnswer, { status: 'unusable' }>>();

/** Forgets every cached answer (tests). */
export function clearOcspCache(): void {
  cache.clear();
}

const hex = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(new Uint8Array(bytes)).toString('hex');
const certIdKey = (url: string, id: pkijs.CertID) =>
  `${url}|${hex(id.issuerKeyHash.valueBlock.valueHexView)}|${hex(id.serialNumber.valueBlock.valueHexView)}`;

/** The status of `certificate` issued by `issuer`, from the responder at `url`. */
export async function askOcsp(options: {
  url: string;
  certificate: pkijs.Certificate;
  issuer: pkijs.Certificate;
  now: Date;
}): Promise<OcspAnswer> {
  const { url, certificate, issuer, now } = options;
  const certId = await pkijs.CertID.create(certificate, {
    hashAlgorithm: 'SHA-256',
    issuerCertificate: issuer,
  });
  const key = certIdKey(url, certId);
  const cached = cache.get(key);
  if (cached?.nextUpdate && cached.nextUpdate > now && cached.thisUpdate <= now) return cached;
  cache.delete(key);
  const nonce = randomBytes(16);
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({
      extnID: OCSP_OID.nonce,
      extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(nonce) }).toBER(),
    }),
  ];
  let body: Uint8Array;
  try {
    body = await post(url, new Uint8Array(request.toSchema(true).toBER()));
  } catch (error) {
    return { status: 'unusable', problem: `OCSP responder ${url} not reached: ${(error as Error).message}` };
  }
  const answer = await readOcspResponse(body, { certificate, issuer, nonce, now });
  if (answer.status !== 'unusable' && answer.nextUpdate) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, answer);
  }
  return answer;
}

async function post(url: string, body: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
    body,
    signal: AbortSignal.timeout(OCSP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_RESPONSE_BYTES)
    throw new Error('the response is too large');
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_RESPONSE_BYTES) throw new Error('the response is too large');
  return bytes;
}

/** Reads and checks an OCSPResponse (DER) for `certificate`: any flaw makes it `unusable`. */
async function readOcspResponse(
  der: Uint8Array,
  expected: { certificate: pkijs.Certificate; issuer: pkijs.Certificate; nonce: Uint8Array; now: Date },
): Promise<OcspAnswer> {
  try {
    return await checkResponse(der, expected);
  } catch (error) {
    return { status: 'unusable', problem: `OCSP response unusable: ${(error as Error).message}` };
  }
}

async function checkResponse(
  der: Uint8Array,
  expected: { certificate: pkijs.Certificate; issuer: pkijs.Certificate; nonce: Uint8Array; now: Date },
): Promise<OcspAnswer> {
  const { certificate, issuer, nonce, now } = expected;
  const response = pkijs.OCSPResponse.fromBER(der);
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0) throw new Error(`the responder answered status ${status} (not successful)`);
  if (response.responseBytes?.responseType !== OCSP_OID.basic) throw new Error('not a basic OCSP response');
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
  const signer = await findResponderSigner(basic, issuer, now);
  if (!signer)
    throw new Error(`not signed by ${describeName(issuer.subject)} nor by a responder it delegated`);
  const data = basic.tbsResponseData;
  const echoed = data.responseExtensions?.find((e) => e.extnID === OCSP_OID.nonce);
  if (echoed) {
    const value = asn1js.fromBER(echoed.extnValue.valueBlock.valueHexView).result;
    const bytes = value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : new Uint8Array();
    if (!Buffer.from(bytes).equals(nonce)) throw new Error('the nonce is not the one we sent');
  }
  const single = await findSingleResponse(data.responses, certificate, issuer);
  if (!single) throw new Error('no answer for this certificate (certID)');
  const thisUpdate = single.thisUpdate;
  const nextUpdate = single.nextUpdate ?? null;
  if (thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new Error(`thisUpdate ${thisUpdate.toISOString()} is in the future`);
  if (nextUpdate ? nextUpdate < now : now.getTime() - thisUpdate.getTime() > MAX_AGE_WITHOUT_NEXT_UPDATE_MS)
    throw new Error(
      `stale: thisUpdate ${thisUpdate.toISOString()}, nextUpdate ${nextUpdate?.toISOString() ?? 'none'}`,
    );
  const certStatus = single.certStatus as asn1js.BaseBlock;
  switch (certStatus.idBlock.tagNumber) {
    case 0:
      return { status: 'good', thisUpdate, nextUpdate };
    case 1: {
      const revokedInfo = certStatus as asn1js.Constructed;
      const time = revokedInfo.valueBlock.value[0] as asn1js.GeneralizedTime | undefined;
      if (!time) throw new Error('revoked without a revocation time');
      return { status: 'revoked', revokedAt: time.toDate(), thisUpdate, nextUpdate };
    }
    default:
      throw new Error('the responder does not know this certificate (unknown)');
  }
}

/** The answer about our certificate, recomputing the certID with the hash the responder used. */
async function findSingleResponse(
  responses: pkijs.SingleResponse[],
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
): Promise<pkijs.SingleResponse | undefined> {
  for (const single of responses) {
    const hashAlgorithm = HASH_NAMES[single.certID.hashAlgorithm.algorithmId];
    if (!hashAlgorithm) continue;
    const ours = await pkijs.CertID.create(certificate, { hashAlgorithm, issuerCertificate: issuer });
    if (single.certID.isEqual(ours)) return single;
  }
  return undefined;
}

const hasOcspSigning = (certificate: pkijs.Certificate): boolean => {
  const extension = certificate.extensions?.find((e) => e.extnID === OCSP_OID.extKeyUsage);
  const usage = extension?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return usage?.keyPurposes.includes(OCSP_OID.signingEku) ?? false;
};

/**
 * The certificate whose key signed the response: the issuer itself, or a delegated responder
 * (RFC 6960 §4.2.2.2) carried in the response, issued and signed by the issuer, valid now, with
 * id-kp-OCSPSigning. Its own revocation is not asked (the id-pkix-ocsp-nocheck convention).
 */
async function findResponderSigner(
  basic: pkijs.BasicOCSPResponse,
  issuer: pkijs.Certificate,
  now: Date,
): Promise<pkijs.Certificate | null> {
  const crypto = pkijs.getCrypto(true);
  const delegated = [];
  for (const candidate of basic.certs ?? []) {
    if (!candidate.issuer.isEqual(issuer.subject) || !hasOcspSigning(candidate)) continue;
    if (candidate.notBefore.value > now || candidate.notAfter.value < now) continue;
    if (await candidate.verify(issuer).catch(() => false)) delegated.push(candidate);
  }
  for (const candidate of [issuer, ...delegated]) {
    const verified = await crypto
      .verifyWithPublicKey(
        basic.tbsResponseData.tbsView,
        basic.signature,
        candidate.subjectPublicKeyInfo,
        basic.signatureAlgorithm,
      )
      .catch(() => false);
    if (verified) return candidate;
  }
  return null;
}
