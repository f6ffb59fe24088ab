import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { describeName, nameAttribute, serialHex } from './certificate-checks.ts';
import { createWebCryptoSigner, type PdfSigner, type PdfSignatureAlgorithm } from './pdf-signer.ts';

/** What the key store keeps of a PKCS#12 file once its key and certificate are matched. */
export interface KeyMaterial {
  algorithm: PdfSignatureAlgorithm;
  /** PKCS#8 DER of the private key. */
  privateKey: Uint8Array;
  /** DER, the signer's certificate first, then its issuers found in the file. */
  chain: Uint8Array[];
  subject: string;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  certificateSha256: string;
}

export type KeyMaterialProblem = 'key_mismatch' | 'unsupported_key';

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function spkiOf(certificate: pkijs.Certificate): Buffer {
  return Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER());
}

/** The signer's certificate (the one holding the key's public half) followed by its issuers in the file. */
function orderChain(privateKey: Uint8Array, certificates: Uint8Array[]): Uint8Array[] | null {
  const parsed = certificates.map((der) => ({ der, certificate: pkijs.Certificate.fromBER(der) }));
  const publicKey = createPublicKey(
    createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' }),
  ).export({ format: 'der', type: 'spki' });
  type Entry = (typeof parsed)[number];
  const signer = parsed.find((entry) => spkiOf(entry.certificate).equals(publicKey));
  if (!signer) return null;
  const chain: Entry[] = [signer];
  for (let last: Entry = signer; !last.certificate.issuer.isEqual(last.certificate.subject);) {
    const issuer: Entry | undefined = parsed.find(
      (entry) => !chain.includes(entry) && entry.certificate.subject.isEqual(last.certificate.issuer),
    );
    if (!issuer) break;
    chain.push(issuer);
    last = issuer;
  }
  return chain.map((entry) => entry.der);
}

/** The algorithm a PAdES signature with this key uses; null for a key it cannot use. */
function algorithmOf(privateKey: Uint8Array): PdfSignatureAlgorithm | null {
  const key = createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType === 'rsa') return 'RSASSA-PKCS1-v1_5';
  if (key.asymmetricKeyType === 'ec' && CURVES[key.asymmetricKeyDetails?.namedCurve ?? '']) return 'ECDSA';
  return null;
}

/** Matches the key of a PKCS#12 file with its certificate and describes it. */
export function describeKeyMaterial(contents: {
  privateKey: Uint8Array;
  certificates: Uint8Array[];
}): KeyMaterial | KeyMaterialProblem {
  const algorithm = algorithmOf(contents.privateKey);
  if (!algorithm) return 'unsupported_key';
  const chain = orderChain(contents.privateKey, contents.certificates);
  if (!chain) return 'key_mismatch';
  const certificate = pkijs.Certificate.fromBER(chain[0]!);
  return {
    algorithm,
    privateKey: contents.privateKey,
    chain,
    subject: describeName(certificate.subject),
    commonName: nameAttribute(certificate.subject, 'CN'),
    issuer: describeName(certificate.issuer),
    serialNumber: serialHex(certificate),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    certificateSha256: createHash('sha256').update(chain[0]!).digest('hex'),
  };
}

/** A PdfSigner over a PKCS#8 key imported into WebCrypto as non-extractable. */
export async function signerFromPkcs8(options: {
  privateKey: Uint8Array;
  algorithm: PdfSignatureAlgorithm;
  chain: Uint8Array[];
}): Promise<PdfSigner> {
  const { privateKey, algorithm, chain } = options;
  const params =
    algorithm === 'ECDSA'
      ? {
          name: 'ECDSA',
          namedCurve:
            CURVES[
              createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' })
                .asymmetricKeyDetails?.namedCurve ?? ''
            ] ?? 'P-256',
        }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await webcrypto.subtle.importKey('pkcs8', privateKey, params, false, ['sign']);
  return createWebCryptoSigner({ privateKey: key, certificateChain: chain });
}
