import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { encryptPrivateKey } from './key-encryption.ts';
import { describeKeyMaterial, type KeyMaterial } from './key-material.ts';
import { Pkcs12Error, readPkcs12 } from './pkcs12.ts';
import { SIGNING_KEY_VIEW_COLUMNS, toSigningKeyView, type SigningKeyView } from './signing-key-view.ts';
import './audit-events.ts';
import './tables.ts';

/**
 * Whose key: an official's personal key under the agency of their position, an agency's seal, or the
 * timestamp authority's (kept under the province's agency).
 */
export type SigningKeyOwner =
  | { kind: 'personal'; officialId: string; agencyId: string }
  | { kind: 'seal'; agencyId: string }
  | { kind: 'tsa' | 'ocsp'; agencyId: string };

/**
 * Opens a PKCS#12 file with its password and matches its key with its certificate. Pure CPU: done
 * before the transaction. A wrong password names `password`; anything else wrong with the file, `file`.
 */
export function readSigningKeyFile(file: Uint8Array, password: string, now = new Date()): KeyMaterial {
  let material: ReturnType<typeof describeKeyMaterial>;
  try {
    material = describeKeyMaterial(readPkcs12(file, password));
  } catch (error) {
    if (!(error instanceof Pkcs12Error)) throw error;
    if (error.code === 'bad_password') throw invalid('password', 'wrong_password');
    throw new AppError('validation', {
      detail: error.message,
      issues: [{ field: 'file', key: `pkcs12.${error.code}` }],
    });
  }
  if (typeof material === 'string') throw invalid('file', `pkcs12.${material}`);
  if (material.notAfter <= now)
    throw invalid('file', 'signingKey.expired', { date: material.notAfter.toISOString() });
  return material;
}

/**
 * Stores a key for its owner, the private key encrypted, with its audit record. A certificate
 * already enrolled (for anyone) is refused: one certificate, one row.
 */
export async function storeSigningKey(
  tx: Transaction<DB>,
  options: { owner: SigningKeyOwner; material: KeyMaterial; actor: Actor },
): Promise<SigningKeyView> {
  const { owner, material, actor } = options;
  const existing = await tx
    .selectFrom('signing_key')
    .select('id')
    .where('certificate_sha256', '=', material.certificateSha256)
    .executeTakeFirst();
  if (existing) throw conflict('file', 'signingKey.duplicate');
  const id = randomUUID();
  const { ciphertext, kekId } = encryptPrivateKey(material.privateKey, id);
  const row = await tx
    .insertInto('signing_key')
    .values({
      id,
      kind: owner.kind,
      official_id: owner.kind === 'personal' ? owner.officialId : null,
      agency_id: owner.agencyId,
      subject: material.subject,
      common_name: material.commonName,
      issuer: material.issuer,
      serial_number: material.serialNumber,
      not_before: material.notBefore,
      not_after: material.notAfter,
      algorithm: material.algorithm,
      certificate_sha256: material.certificateSha256,
      certificate_chain: JSON.stringify(material.chain.map((der) => Buffer.from(der).toString('base64'))),
      private_key_ciphertext: ciphertext,
      kek_id: kekId,
      enrolled_by: actor.accountId,
    })
    .returning(SIGNING_KEY_VIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'signing_key.enrolled',
    entityType: 'signing_key',
    entityId: id,
    agencyId: owner.agencyId,
    data: {
      kind: owner.kind,
      officialId: row.official_id,
      subject: material.subject,
      serialNumber: material.serialNumber,
      issuer: material.issuer,
      notAfter: material.notAfter.toISOString(),
      certificateSha256: material.certificateSha256,
    },
  });
  return toSigningKeyView(row);
}
