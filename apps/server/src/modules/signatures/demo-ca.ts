import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * A small certification authority over WebCrypto: the demo province's CA (root → issuing CA →
 * officials' and agencies' certificates, a timestamping certificate) and the tests' PKI. Ban Cơ yếu
 * Chính phủ issues the real ones (vn-norms §3.1); nothing this file makes is trusted outside a
 * TinhSo whose trust list holds its root.
 */
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const RSA: webcrypto.RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC: webcrypto.EcKeyGenParams & { hash: string } = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
};
const DAY = 86_400_000;
/** id-kp-timeStamping (RFC 3161 §2.3). */
export const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
/** id-kp-OCSPSigning and id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2, §4.2.2.2.1). */
export const OCSP_SIGNING_EKU = '1.3.6.1.5.5.7.3.9';
const OCSP_NO_CHECK = '1.3.6.1.5.5.7.48.1.5';

export interface Issued {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export type CertificateRole = 'ca' | 'signing' | 'timestamping' | 'ocsp';

/** A random positive serial of 16 bytes, as CAs are asked to use (CA/B BR §7.1). */
const randomSerial = () => {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
};

const generate = (kind: 'rsa' | 'ecdsa'): Promise<CryptoKeyPair> =>
  webcrypto.subtle.generateKey(kind === 'rsa' ? RSA : EC, true, ['sign', 'verify']);

/** A self-signed root (ECDSA P-256), valid from `notBefore` (1000 days ago) for ten years. */
export async function createRootCa(name: string, validity: { notBefore?: Date } = {}): Promise<Issued> {
  const keys = await generate('ecdsa');
  const notBefore = validity.notBefore ?? new Date(Date.now() - 1000 * DAY);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 3650 * DAY + 1000 * DAY),
    keys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys };
}

const USAGES: Record<CertificateRole, number> = {
  ca: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
  signing: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
  timestamping: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
  ocsp: x509.KeyUsageFlags.digitalSignature,
};

/**
 * A certificate issued by `issuer`: a sub-CA, a signing certificate, a TSA's (critical EKU
 * timeStamping) or a delegated OCSP responder's (EKU OCSPSigning, ocsp-nocheck). `ocspUrl` puts an
 * Authority Information Access naming that responder in it.
 */
export async function issueCertificate(options: {
  /** "CN=…, O=…, C=VN", or as JSON when a value holds a comma. */
  subject: string | x509.JsonName;
  issuer: Issued;
  kind: 'rsa' | 'ecdsa';
  role: CertificateRole;
  notBefore?: Date;
  notAfter?: Date;
  ocspUrl?: string;
}): Promise<Issued> {
  const keys = await generate(options.kind);
  const isCa = options.role === 'ca';
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(isCa, isCa ? 0 : undefined, true),
    new x509.KeyUsagesExtension(USAGES[options.role], true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate),
  ];
  if (options.role === 'timestamping') {
    extensions.push(new x509.ExtendedKeyUsageExtension([TIME_STAMPING_EKU], true));
  }
  if (options.role === 'ocsp') {
    extensions.push(new x509.ExtendedKeyUsageExtension([OCSP_SIGNING_EKU], false));
    extensions.push(new x509.Extension(OCSP_NO_CHECK, false, new Uint8Array([0x05, 0x00])));
  }
  if (options.ocspUrl) {
    extensions.push(
      new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', options.ocspUrl)] }),
    );
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: options.subject,
    issuer: options.issuer.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 730 * DAY),
    publicKey: keys.publicKey,
    signingKey: options.issuer.keys.privateKey,
    signingAlgorithm: EC,
    extensions,
  });
  return { certificate, keys };
}

/** A CRL from `issuer`, current from a minute ago for `days` days, revoking `revoked`. */
export function createCrl(options: {
  issuer: Issued;
  revoked?: { serialNumber: string; at: Date }[];
  days?: number;
}): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: options.issuer.certificate.subject,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + (options.days ?? 7) * DAY),
    signingAlgorithm: EC,
    signingKey: options.issuer.keys.privateKey,
    entries: (options.revoked ?? []).map((entry) => ({
      serialNumber: entry.serialNumber,
      revocationDate: entry.at,
      reason: x509.X509CrlReason.keyCompromise,
    })),
  });
}

/** The PKCS#8 DER of a generated key pair's private key. */
export async function exportPkcs8(keys: CryptoKeyPair): Promise<Uint8Array> {
  return new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
}

/** DER bytes of a certificate or CRL. */
export const derOf = (item: { rawData: ArrayBuffer }): Uint8Array => new Uint8Array(item.rawData);
