import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { decryptPrivateKey, isKeyStoreOpen } from './key-encryption.ts';
import { signerFromPkcs8 } from './key-material.ts';
import type { PdfSigner } from './pdf-signer.ts';
import './tables.ts';

/**
 * The signers other modules use (documents, dossiers): the official's personal key and the
 * agency's seal, each the most recently enrolled active key whose certificate is valid now. Null
 * when there is none, or when the key store is closed (no SIGNING_KEY_SECRET outside the demo).
 */

type Reader = Db | Transaction<DB>;

async function activeSigner(
  db: Reader,
  where: { kind: 'personal'; officialId: string } | { kind: 'seal'; agencyId: string } | { kind: 'tsa' },
): Promise<PdfSigner | null> {
  if (!isKeyStoreOpen()) return null;
  const now = new Date();
  let query = db
    .selectFrom('signing_key')
    .select(['id', 'algorithm', 'certificate_chain', 'private_key_ciphertext', 'kek_id'])
    .where('kind', '=', where.kind)
    .where('status', '=', 'active')
    .where('not_before', '<=', now)
    .where('not_after', '>', now);
  if (where.kind === 'personal') query = query.where('official_id', '=', where.officialId);
  if (where.kind === 'seal') query = query.where('agency_id', '=', where.agencyId);
  const row = await query.orderBy('enrolled_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
  return row ? signerOfRow(row) : null;
}

async function signerOfRow(row: {
  id: string;
  algorithm: 'RSASSA-PKCS1-v1_5' | 'ECDSA';
  certificate_chain: string[];
  private_key_ciphertext: Uint8Array;
  kek_id: string;
}): Promise<PdfSigner> {
  const privateKey = decryptPrivateKey({
    ciphertext: row.private_key_ciphertext,
    kekId: row.kek_id,
    rowId: row.id,
  });
  try {
    return await signerFromPkcs8({
      privateKey,
      algorithm: row.algorithm,
      chain: row.certificate_chain.map((base64) => new Uint8Array(Buffer.from(base64, 'base64'))),
    });
  } finally {
    privateKey.fill(0);
  }
}

/** The official's personal signing key (ký số cá nhân), or null. */
export function signerForOfficial(db: Db | Transaction<DB>, officialId: string): Promise<PdfSigner | null> {
  return activeSigner(db, { kind: 'personal', officialId });
}

/** The agency's seal key (ký số cơ quan), or null. */
export function signerForAgencySeal(db: Db | Transaction<DB>, agencyId: string): Promise<PdfSigner | null> {
  return activeSigner(db, { kind: 'seal', agencyId });
}

/**
 * The key of the province's own timestamp authority (the demo's `tsa` key, served by the TSA
 * simulator), or null. A production deployment asks an accredited TSA at TSA_URL instead.
 */
export function signerForTimestamps(db: Db | Transaction<DB>): Promise<PdfSigner | null> {
  return activeSigner(db, { kind: 'tsa' });
}

/**
 * The demo CA's delegated OCSP responder keys (id-kp-OCSPSigning, one per CA of its hierarchy, served
 * by the OCSP simulator). Production asks the CAs' own responders (ADR 0026).
 */
export async function signersForOcspResponses(db: Db | Transaction<DB>): Promise<PdfSigner[]> {
  if (!isKeyStoreOpen()) return [];
  const now = new Date();
  const rows = await db
    .selectFrom('signing_key')
    .select(['id', 'algorithm', 'certificate_chain', 'private_key_ciphertext', 'kek_id'])
    .where('kind', '=', 'ocsp')
    .where('status', '=', 'active')
    .where('not_before', '<=', now)
    .where('not_after', '>', now)
    .orderBy('enrolled_at')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map(signerOfRow));
}
