import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import * as pkijs from 'pkijs';

/**
 * Certificates and CRLs parsed once, by the SHA-256 of their DER: every verification reads the same
 * trust anchors and CRLs, and every package of an agency carries the same seal chain, and parsing
 * them with asn1js costs more than the checks themselves (profile in docs/benchmarks.md, "Exchange").
 * The same bytes parse to the same object, and pkijs only reads it.
 */
const certificates = new LRUCache<string, pkijs.Certificate>({ max: 512 });
const revocationLists = new LRUCache<string, pkijs.CertificateRevocationList>({ max: 256 });

export const sha256Hex = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

function parsedOnce<T extends object>(
  cache: LRUCache<string, T>,
  der: Uint8Array,
  parse: (der: Uint8Array) => T,
): T {
  const key = sha256Hex(der);
  const found = cache.get(key);
  if (found) return found;
  const value = parse(der);
  cache.set(key, value);
  return value;
}

/** A DER certificate, parsed once; throws as `pkijs.Certificate.fromBER` does. */
export const parseCertificate = (der: Uint8Array): pkijs.Certificate =>
  parsedOnce(certificates, der, (bytes) => pkijs.Certificate.fromBER(bytes));

/** A DER CRL, parsed once; throws as `pkijs.CertificateRevocationList.fromBER` does. */
export const parseCrl = (der: Uint8Array): pkijs.CertificateRevocationList =>
  parsedOnce(revocationLists, der, (bytes) => pkijs.CertificateRevocationList.fromBER(bytes));
