import { createPrivateKey, privateEncrypt, constants, type KeyObject } from 'node:crypto';
import type { Db } from '../../../platform/db.ts';
import { decryptPrivateKey, encryptPrivateKey } from '../key-encryption.ts';
import './tables.ts';

/**
 * The users of the remote-signing simulator and their keys (table remote_signing_simulator_user):
 * RSA keys only, as the Vietnamese services issue RSA-2048 certificates, signed over a digest the way
 * their HSMs do it (PKCS#1 v1.5 over the SHA-256 DigestInfo). The key never leaves the simulator.
 */
export interface SimulatorUser {
  userId: string;
  displayName: string;
  certificateChain: Uint8Array[];
  isAutoConfirm: boolean;
  privateKey: KeyObject;
}

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** The PKCS#1 v1.5 signature of a SHA-256 digest, as `verify('sha256', data, …)` accepts it. */
export function signDigest(privateKey: KeyObject, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  return new Uint8Array(
    privateEncrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, digest]),
    ),
  );
}

/** Adds (or replaces) a simulator user: the demo seed, the tests, the benchmark. */
export async function storeSimulatorUser(
  db: Db,
  user: {
    userId: string;
    displayName: string;
    pkcs8: Uint8Array;
    certificateChain: Uint8Array[];
    isAutoConfirm?: boolean;
  },
): Promise<void> {
  const key = createPrivateKey({ key: Buffer.from(user.pkcs8), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the remote-signing simulator holds RSA keys only');
  const { ciphertext, kekId } = encryptPrivateKey(user.pkcs8, `remote-simulator:${user.userId}`);
  const values = {
    display_name: user.displayName,
    algorithm: 'RSASSA-PKCS1-v1_5' as const,
    certificate_chain: JSON.stringify(
      user.certificateChain.map((der) => Buffer.from(der).toString('base64')),
    ),
    private_key_ciphertext: ciphertext,
    kek_id: kekId,
    auto_confirm: user.isAutoConfirm ?? false,
  };
  await db.deleteFrom('remote_signing_simulator_user').where('user_id', '=', user.userId).execute();
  await db
    .insertInto('remote_signing_simulator_user')
    .values({ user_id: user.userId, ...values })
    .execute();
}

export async function findSimulatorUser(db: Db, userId: string): Promise<SimulatorUser | null> {
  const row = await db
    .selectFrom('remote_signing_simulator_user')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const pkcs8 = decryptPrivateKey({
    ciphertext: row.private_key_ciphertext,
    kekId: row.kek_id,
    rowId: `remote-simulator:${row.user_id}`,
  });
  try {
    return {
      userId: row.user_id,
      displayName: row.display_name,
      certificateChain: row.certificate_chain.map((base64) => new Uint8Array(Buffer.from(base64, 'base64'))),
      isAutoConfirm: row.auto_confirm,
      privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    };
  } finally {
    pkcs8.fill(0);
  }
}
