import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { rc2CbcDecrypt } from './rc2.ts';

/**
 * Reads a PKCS#12 file (RFC 7292: .p12/.pfx, what a CA or a token export hands an official) with its
 * password: the private key (PKCS#8 DER) and the certificates. pkijs parses the structures; the
 * decryption is done here, because pkijs knows PBES2 only and the files officials receive are often
 * written with the legacy profile (3DES key bag, RC2-40 certificate bag, SHA-1 MAC).
 */

export type Pkcs12ErrorCode = 'malformed' | 'bad_password' | 'unsupported' | 'no_key';

export class Pkcs12Error extends Error {
  readonly code: Pkcs12ErrorCode;
  constructor(code: Pkcs12ErrorCode, message: string) {
    super(message);
    this.name = 'Pkcs12Error';
    this.code = code;
  }
}

export interface Pkcs12Contents {
  /** PKCS#8 PrivateKeyInfo, DER. */
  privateKey: Uint8Array;
  /** Every certificate of the file, DER, in the order of the file. */
  certificates: Uint8Array[];
}

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** The PKCS#12 password-based encryptions (RFC 7292 Appendix C) that are still met. */
const LEGACY_PBE: Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyBytes: number; rc2Bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyBytes: 24 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyBytes: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyBytes: 5, rc2Bits: 40 },
};

const HASHES: Record<string, { name: string; bytes: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', bytes: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', bytes: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', bytes: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', bytes: 64 },
};

const PBKDF2_PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHERS: Record<string, { name: string; keyBytes: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyBytes: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyBytes: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyBytes: 24 },
};

/** The bytes of an OCTET STRING, also when BER wrote it in pieces (constructed). */
function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView);
  const pieces = value.valueBlock.value as asn1js.OctetString[];
  return new Uint8Array(Buffer.concat(pieces.map((piece) => octets(piece))));
}

function parse<T>(bytes: Uint8Array, what: string, make: (schema: asn1js.AsnType) => T): T {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1) throw new Pkcs12Error('malformed', `${what}: ${parsed.result.error}`);
  try {
    return make(parsed.result);
  } catch (error) {
    throw new Pkcs12Error('malformed', `${what}: ${(error as Error).message}`);
  }
}

/** The password as PKCS#12 wants it for its own KDF: BMPString (UTF-16BE) with a final 0x0000. */
function bmpPassword(password: string): Buffer {
  const bytes = Buffer.alloc((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) bytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  return bytes;
}

/** The PKCS#12 key derivation (RFC 7292 Appendix B.2); id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(options: {
  hash: string;
  password: Buffer;
  salt: Uint8Array;
  iterations: number;
  id: 1 | 2 | 3;
  bytes: number;
}): Buffer {
  const { hash, password, salt, iterations, id, bytes } = options;
  const v = 64;
  const u = createHash(hash).digest().length;
  const stretch = (input: Uint8Array) => {
    if (input.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(input.length / v));
    for (let i = 0; i < out.length; i++) out[i] = input[i % input.length]!;
    return out;
  };
  const d = Buffer.alloc(v, id);
  const i = Buffer.concat([stretch(salt), stretch(password)]);
  const result = Buffer.alloc(Math.ceil(bytes / u) * u);
  for (let block = 0; block * u < bytes; block++) {
    let a = createHash(hash).update(d).update(i).digest();
    for (let n = 1; n < iterations; n++) a = createHash(hash).update(a).digest();
    a.copy(result, block * u);
    const b = stretch(a);
    for (let offset = 0; offset < i.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        carry += i[offset + k]! + b[k]!;
        i[offset + k] = carry & 0xff;
        carry >>>= 8;
      }
    }
  }
  return result.subarray(0, bytes);
}

/** Checks the file's MAC (password integrity mode); a file without one is read on trust. */
function checkMac(pfx: pkijs.PFX, content: Uint8Array, password: string): void {
  const macData = pfx.macData;
  if (!macData) return;
  const hash = HASHES[macData.mac.digestAlgorithm.algorithmId];
  if (!hash) throw new Pkcs12Error('unsupported', `MAC digest ${macData.mac.digestAlgorithm.algorithmId}`);
  const key = pkcs12Kdf({
    hash: hash.name,
    password: bmpPassword(password),
    salt: octets(macData.macSalt),
    iterations: macData.iterations ?? 1,
    id: 3,
    bytes: hash.bytes,
  });
  const expected = createHmac(hash.name, key).update(content).digest();
  const given = Buffer.from(octets(macData.mac.digest));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Pkcs12Error('bad_password', 'the MAC does not verify: wrong password or damaged file');
  }
}

/** Decrypts data under a password-based encryption: PBES2 (PBKDF2 + AES/3DES) or a legacy PKCS#12 PBE. */
function decrypt(algorithm: pkijs.AlgorithmIdentifier, data: Uint8Array, password: string): Uint8Array {
  const legacy = LEGACY_PBE[algorithm.algorithmId];
  try {
    if (legacy) return decryptLegacy(legacy, algorithm, data, password);
    if (algorithm.algorithmId === OIDS.pbes2) return decryptPbes2(algorithm, data, password);
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error('bad_password', `decryption failed: ${(error as Error).message}`);
  }
  throw new Pkcs12Error('unsupported', `encryption ${algorithm.algorithmId}`);
}

function decryptLegacy(
  pbe: (typeof LEGACY_PBE)[string],
  algorithm: pkijs.AlgorithmIdentifier,
  data: Uint8Array,
  password: string,
): Uint8Array {
  // pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
  const params = algorithm.algorithmParams as asn1js.Sequence;
  const [salt, iterations] = params.valueBlock.value as [asn1js.OctetString, asn1js.Integer];
  const common = {
    hash: 'sha1',
    password: bmpPassword(password),
    salt: octets(salt),
    iterations: iterations.valueBlock.valueDec,
  };
  const key = pkcs12Kdf({ ...common, id: 1, bytes: pbe.keyBytes });
  const iv = pkcs12Kdf({ ...common, id: 2, bytes: 8 });
  if (pbe.cipher === 'rc2') return rc2CbcDecrypt({ key, effectiveBits: pbe.rc2Bits!, iv, data });
  const decipher = createDecipheriv(pbe.cipher, key, iv);
  return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
}

function decryptPbes2(algorithm: pkijs.AlgorithmIdentifier, data: Uint8Array, password: string): Uint8Array {
  const params = new pkijs.PBES2Params({ schema: algorithm.algorithmParams });
  if (params.keyDerivationFunc.algorithmId !== OIDS.pbkdf2) {
    throw new Pkcs12Error('unsupported', `key derivation ${params.keyDerivationFunc.algorithmId}`);
  }
  const kdf = new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
  const prf = kdf.prf ? PBKDF2_PRF[kdf.prf.algorithmId] : 'sha1';
  const cipher = PBES2_CIPHERS[params.encryptionScheme.algorithmId];
  if (!prf || !cipher) throw new Pkcs12Error('unsupported', 'PBES2 with an unknown PRF or cipher');
  const salt = octets(kdf.salt as asn1js.OctetString);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, kdf.iterationCount, cipher.keyBytes, prf);
  const iv = octets(params.encryptionScheme.algorithmParams as asn1js.OctetString);
  const decipher = createDecipheriv(cipher.name, key, iv);
  return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
}

function readBags(bags: pkijs.SafeBag[], password: string, found: Pkcs12Contents): void {
  for (const bag of bags) {
    if (bag.bagId === OIDS.shroudedKeyBag) {
      const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      found.privateKey = decrypt(shrouded.encryptionAlgorithm, octets(shrouded.encryptedData), password);
    } else if (bag.bagId === OIDS.keyBag) {
      found.privateKey = new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER());
    } else if (bag.bagId === OIDS.certBag) {
      const certBag = bag.bagValue as pkijs.CertBag;
      if (certBag.certId !== OIDS.x509Certificate) continue;
      const value = certBag.certValue;
      found.certificates.push(
        value instanceof pkijs.Certificate
          ? new Uint8Array(value.toSchema().toBER())
          : octets(value as asn1js.OctetString),
      );
    }
  }
}

/** The key and certificates of a PKCS#12 file. Throws Pkcs12Error (malformed, bad_password, unsupported, no_key). */
export function readPkcs12(file: Uint8Array, password: string): Pkcs12Contents {
  const pfx = parse(file, 'PFX', (schema) => new pkijs.PFX({ schema }));
  if (pfx.authSafe.contentType !== OIDS.data) {
    throw new Pkcs12Error('unsupported', 'only password integrity (authSafe of type data) is read');
  }
  const authSafeBytes = octets(pfx.authSafe.content as asn1js.OctetString);
  checkMac(pfx, authSafeBytes, password);
  const authSafe = parse(
    authSafeBytes,
    'AuthenticatedSafe',
    (schema) => new pkijs.AuthenticatedSafe({ schema }),
  );
  const found: Pkcs12Contents = { privateKey: new Uint8Array(), certificates: [] };
  for (const info of authSafe.safeContents) {
    let contentBytes: Uint8Array;
    if (info.contentType === OIDS.data) {
      contentBytes = octets(info.content as asn1js.OctetString);
    } else if (info.contentType === OIDS.encryptedData) {
      const encrypted = new pkijs.EncryptedData({ schema: info.content });
      const eci = encrypted.encryptedContentInfo;
      if (!eci.encryptedContent) throw new Pkcs12Error('malformed', 'encrypted data without content');
      contentBytes = decrypt(eci.contentEncryptionAlgorithm, octets(eci.encryptedContent), password);
    } else {
      throw new Pkcs12Error('unsupported', `safe contents of type ${info.contentType}`);
    }
    const contents = parse(contentBytes, 'SafeContents', (schema) => new pkijs.SafeContents({ schema }));
    readBags(contents.safeBags, password, found);
  }
  if (found.privateKey.length === 0) throw new Pkcs12Error('no_key', 'the file holds no private key');
  if (found.certificates.length === 0) throw new Pkcs12Error('no_key', 'the file holds no certificate');
  return found;
}
