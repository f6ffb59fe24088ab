import { webcrypto } from 'node:crypto';

/** The signature algorithms a PAdES signature of TinhSo uses, always over SHA-256. */
export type PdfSignatureAlgorithm = 'RSASSA-PKCS1-v1_5' | 'ECDSA';

/**
 * Whatever holds a signing key: a WebCrypto key (from a PKCS#12 file), a remote-signing service, an
 * HSM or a USB token behind a bridge. The PDF and CMS work is done by `signPdf`; a signer only
 * signs the DER of the signed attributes, so it never sees the document.
 */
export interface PdfSigner {
  /** DER certificates: the signer's first, then its issuers up to (optionally) the root. */
  certificateChain: Uint8Array[];
  algorithm: PdfSignatureAlgorithm;
  /**
   * Signs `data` (the DER of the CMS signed attributes) with SHA-256. RSA: the PKCS#1 v1.5
   * signature. ECDSA: either r‖s (IEEE P1363, what WebCrypto returns) or a DER ECDSA-Sig-Value.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A signer over a WebCrypto private key (RSASSA-PKCS1-v1_5 or ECDSA, non-extractable is fine). */
export function createWebCryptoSigner(options: {
  privateKey: webcrypto.CryptoKey;
  certificateChain: Uint8Array[];
}): PdfSigner {
  const { privateKey, certificateChain } = options;
  const name = privateKey.algorithm.name;
  if (name !== 'RSASSA-PKCS1-v1_5' && name !== 'ECDSA') {
    throw new Error(`unsupported key algorithm ${name}: expected RSASSA-PKCS1-v1_5 or ECDSA`);
  }
  const hash = (privateKey.algorithm as webcrypto.RsaHashedKeyAlgorithm).hash as
    webcrypto.KeyAlgorithm | undefined;
  if (name === 'RSASSA-PKCS1-v1_5' && hash?.name !== 'SHA-256') {
    throw new Error(`an RSA key for PAdES must be bound to SHA-256, not ${hash?.name ?? 'nothing'}`);
  }
  const params = name === 'ECDSA' ? { name, hash: 'SHA-256' } : { name };
  return {
    certificateChain,
    algorithm: name,
    async sign(data) {
      return new Uint8Array(await webcrypto.subtle.sign(params, privateKey, data));
    },
  };
}
