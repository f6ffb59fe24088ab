import 'reflect-metadata';
import { webcrypto } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
type EcKeyGenParams = webcrypto.EcKeyGenParams;
import * as x509 from '@peculiar/x509';
import { createWebCryptoSigner, type PdfSigner } from '../src/modules/signatures/pdf-signer.ts';

/**
 * A throw-away PKI for the signature tests, generated at test time over WebCrypto: a root CA, an
 * intermediate CA, and end-entity certificates for an official's personal key (RSA-2048) and an
 * agency seal (ECDSA P-256), as Ban Cơ yếu issues them (ký số cá nhân, ký số cơ quan: vn-norms §3.2).
 * Also a CRL from the intermediate that revokes one certificate, and an expired one.
 */
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export interface TestIdentity {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  signer: PdfSigner;
}

export interface TestPki {
  root: x509.X509Certificate;
  intermediate: x509.X509Certificate;
  /** An official's personal certificate (RSA-2048). */
  official: TestIdentity;
  /** The agency seal (ECDSA P-256). */
  seal: TestIdentity;
  /** An official whose certificate the intermediate has revoked (listed in `crl`). */
  revokedOfficial: TestIdentity;
  /** An official whose certificate expired yesterday. */
  expiredOfficial: TestIdentity;
  /** The intermediate's CRL, revoking `revokedOfficial`. */
  crl: x509.X509Crl;
  /** A CRL from the intermediate that revokes nothing. */
  emptyCrl: x509.X509Crl;
  /** The root's CRL (revokes nothing): the intermediate's revocation status. */
  rootCrl: x509.X509Crl;
  /** Another root, which signed none of the above. */
  otherRoot: x509.X509Certificate;
}

const DAY = 86_400_000;
let serial = 0x1000;
const nextSerial = () => (serial++).toString(16).padStart(8, '0');

async function generate(params: RsaHashedKeyGenParams | EcKeyGenParams): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(params, true, ['sign', 'verify']);
}

async function selfSignedRoot(
  name: string,
): Promise<{ certificate: x509.X509Certificate; keys: CryptoKeyPair }> {
  const keys = await generate(EC);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name,
    notBefore: new Date(Date.now() - 1000 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
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

async function issue(options: {
  subject: string;
  issuer: { certificate: x509.X509Certificate; keys: CryptoKeyPair };
  keyParams: RsaHashedKeyGenParams | EcKeyGenParams;
  isCa: boolean;
  notBefore?: Date;
  notAfter?: Date;
}): Promise<{ certificate: x509.X509Certificate; keys: CryptoKeyPair }> {
  const keys = await generate(options.keyParams);
  const usage = options.isCa
    ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
    : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: options.subject,
    issuer: options.issuer.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: options.issuer.keys.privateKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(options.isCa, options.isCa ? 0 : undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate),
    ],
  });
  return { certificate, keys };
}

async function endEntity(
  subject: string,
  intermediate: { certificate: x509.X509Certificate; keys: CryptoKeyPair },
  root: x509.X509Certificate,
  kind: 'rsa' | 'ecdsa',
  validity: { notBefore?: Date; notAfter?: Date } = {},
): Promise<TestIdentity> {
  const { certificate, keys } = await issue({
    subject,
    issuer: intermediate,
    keyParams: kind === 'rsa' ? RSA : EC,
    isCa: false,
    ...validity,
  });
  const signer = createWebCryptoSigner({
    privateKey: keys.privateKey,
    certificateChain: [certificate, intermediate.certificate, root].map((c) => new Uint8Array(c.rawData)),
  });
  return { certificate, keys, signer };
}

/** Builds a fresh PKI (about a second: three RSA-2048 keys). */
export async function createTestPki(): Promise<TestPki> {
  const root = await selfSignedRoot('CN=TinhSo Test Root CA, O=TinhSo Test, C=VN');
  const intermediate = await issue({
    subject: 'CN=TinhSo Test Issuing CA, O=TinhSo Test, C=VN',
    issuer: root,
    keyParams: EC,
    isCa: true,
    notBefore: new Date(Date.now() - 1000 * DAY),
    notAfter: new Date(Date.now() + 3000 * DAY),
  });
  const official = await endEntity(
    'CN=Nguyễn Văn An, O=UBND tỉnh Thử Nghiệm, C=VN',
    intermediate,
    root.certificate,
    'rsa',
  );
  const seal = await endEntity(
    'CN=Văn phòng UBND tỉnh Thử Nghiệm, O=UBND tỉnh Thử Nghiệm, C=VN',
    intermediate,
    root.certificate,
    'ecdsa',
  );
  const revokedOfficial = await endEntity(
    'CN=Trần Thị Bình, O=UBND tỉnh Thử Nghiệm, C=VN',
    intermediate,
    root.certificate,
    'rsa',
  );
  const expiredOfficial = await endEntity(
    'CN=Lê Văn Cũ, O=UBND tỉnh Thử Nghiệm, C=VN',
    intermediate,
    root.certificate,
    'ecdsa',
    {
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    },
  );
  const crlParams = {
    issuer: intermediate.certificate.subject,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + 7 * DAY),
    signingAlgorithm: EC,
    signingKey: intermediate.keys.privateKey,
  };
  const crl = await x509.X509CrlGenerator.create({
    ...crlParams,
    entries: [
      {
        serialNumber: revokedOfficial.certificate.serialNumber,
        revocationDate: new Date(Date.now() - 3_600_000),
        reason: x509.X509CrlReason.keyCompromise,
      },
    ],
  });
  const emptyCrl = await x509.X509CrlGenerator.create({ ...crlParams, entries: [] });
  const rootCrl = await x509.X509CrlGenerator.create({
    ...crlParams,
    issuer: root.certificate.subject,
    signingKey: root.keys.privateKey,
    entries: [],
  });
  const otherRoot = await selfSignedRoot('CN=Some Other Root CA, O=Elsewhere, C=VN');
  return {
    root: root.certificate,
    intermediate: intermediate.certificate,
    official,
    seal,
    revokedOfficial,
    expiredOfficial,
    crl,
    emptyCrl,
    rootCrl,
    otherRoot: otherRoot.certificate,
  };
}

/** DER bytes of a certificate or CRL, as the verifier takes them. */
export const der = (item: { rawData: ArrayBuffer }): Uint8Array => new Uint8Array(item.rawData);
