import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';

/**
 * The key-encryption key (KEK) of the signing keys (ADR 0020). Private keys are stored encrypted
 * with AES-256-GCM under a key derived with HKDF-SHA256 from SIGNING_KEY_SECRET; each row has its own
 * random nonce and is bound to its id (the GCM additional data), so a ciphertext copied to another
 * row does not open. The database alone never yields a key.
 */

/** Used when SIGNING_KEY_SECRET is unset and the simulators run (demo, development, tests), with a warning. */
export const DEMO_SIGNING_KEY_SECRET = 'tinhso-demo-signing-key-secret:not-for-production';

interface Kek {
  key: Buffer;
  /** A fingerprint of the KEK kept beside each ciphertext: a wrong secret is named, not a GCM failure. */
  id: string;
}

let kek: Kek | null = null;

function deriveKek(secret: string): Kek {
  const key = Buffer.from(hkdfSync('sha256', secret, 'tinhso/signing-keys', 'kek v1', 32));
  const id = createHash('sha256').update('tinhso/kek-id').update(key).digest('hex').slice(0, 16);
  return { key, id };
}

/**
 * Sets the KEK for this process from the configuration. Returns what to warn about: the demo secret
 * in use, or no secret at all (outside the demo the key store is then closed: nothing is enrolled and
 * no stored key signs).
 */
export function configureSigningKeySecret(options: {
  secret: string | undefined;
  isDemo: boolean;
}): string | null {
  if (options.secret) {
    kek = deriveKek(options.secret);
    return null;
  }
  if (options.isDemo) {
    kek = deriveKek(DEMO_SIGNING_KEY_SECRET);
    return 'SIGNING_KEY_SECRET is unset: the stored signing keys are encrypted with the public demo secret. Set it in production.';
  }
  kek = null;
  return 'SIGNING_KEY_SECRET is unset: the signing key store is closed (no key can be enrolled or used).';
}

function currentKek(): Kek {
  if (!kek) {
    throw new AppError('unavailable', {
      detail: 'SIGNING_KEY_SECRET is not configured: the key store is closed',
    });
  }
  return kek;
}

/** Whether a KEK is configured (the store is open). */
export const isKeyStoreOpen = (): boolean => kek !== null;

/** nonce (12) ‖ ciphertext ‖ tag (16), under the current KEK, bound to `rowId`. */
export function encryptPrivateKey(pkcs8: Uint8Array, rowId: string): { ciphertext: Buffer; kekId: string } {
  const { key, id } = currentKek();
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(rowId, 'utf8'));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return { ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]), kekId: id };
}

/** The PKCS#8 DER of a stored key; throws when the KEK is another one or the bytes were altered. */
export function decryptPrivateKey(options: { ciphertext: Uint8Array; kekId: string; rowId: string }): Buffer {
  const { key, id } = currentKek();
  if (options.kekId !== id) {
    throw new Error(`signing key ${options.rowId} was encrypted under KEK ${options.kekId}, not ${id}`);
  }
  const bytes = Buffer.from(options.ciphertext);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(options.rowId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
}
