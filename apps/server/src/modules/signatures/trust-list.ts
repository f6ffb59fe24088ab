import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import * as pkijs from 'pkijs';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { describeName } from './certificate-checks.ts';
import './audit-events.ts';
import './tables.ts';

/**
 * The trust list held as data (migration 0017): root certificates signatures must chain to, and
 * the CRLs of the CAs under them. Each change is audited.
 */

export interface TrustAnchorView {
  id: string;
  name: string;
  subject: string;
  sha256: string;
  notAfter: string;
  addedAt: string;
  removedAt: string | null;
  /** The OCSP responder asked for certificates chaining to this root, or null (ADR 0026). */
  ocspUrl: string | null;
  /** Without ocspUrl, ask the responder a certificate's Authority Information Access names. */
  ocspUseAia: boolean;
}

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(der);
  } catch {
    throw invalid('file', 'trust.notCertificate');
  }
}

export const toTrustAnchorView = (row: {
  id: string;
  name: string;
  certificate: Uint8Array;
  sha256: string;
  added_at: Date;
  removed_at: Date | null;
  ocsp_url: string | null;
  ocsp_use_aia: boolean;
}): TrustAnchorView => {
  const certificate = pkijs.Certificate.fromBER(row.certificate);
  return {
    id: row.id,
    name: row.name,
    subject: describeName(certificate.subject),
    sha256: row.sha256,
    notAfter: certificate.notAfter.value.toISOString(),
    addedAt: new Date(row.added_at).toISOString(),
    removedAt: row.removed_at ? new Date(row.removed_at).toISOString() : null,
    ocspUrl: row.ocsp_url,
    ocspUseAia: row.ocsp_use_aia,
  };
};

/** Adds a root (DER) to the trust list; the same certificate twice is refused (409 naming `file`). */
export async function addTrustAnchor(
  tx: Transaction<DB>,
  options: { name: string; certificate: Uint8Array; actor: Actor },
): Promise<TrustAnchorView> {
  const certificate = parseCertificate(options.certificate);
  const sha256 = createHash('sha256').update(options.certificate).digest('hex');
  const existing = await tx
    .selectFrom('trust_anchor')
    .select('id')
    .where('sha256', '=', sha256)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw conflict('file', 'trust.duplicate');
  // A removed anchor added again gets its row back (the sha256 is unique).
  const row = await tx
    .insertInto('trust_anchor')
    .values({ name: options.name, certificate: options.certificate, sha256 })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ removed_at: null, name: options.name }))
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, options.actor, {
    type: 'trust_anchor.added',
    entityType: 'trust_anchor',
    entityId: row.id,
    data: { name: options.name, subject: describeName(certificate.subject), sha256 },
  });
  return toTrustAnchorView(row);
}

/** Adds a CRL (DER) to the list; the verifier picks those current at the time of a check. */
export async function addCrl(
  tx: Transaction<DB>,
  options: { crl: Uint8Array; actor: Actor },
): Promise<{ id: string; issuer: string; thisUpdate: string; nextUpdate: string | null; revoked: number }> {
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(options.crl);
  } catch {
    throw invalid('file', 'trust.notCrl');
  }
  const issuer = describeName(crl.issuer);
  const thisUpdate = crl.thisUpdate.value;
  const nextUpdate = crl.nextUpdate?.value ?? null;
  const row = await tx
    .insertInto('trust_crl')
    .values({ issuer, crl: options.crl, this_update: thisUpdate, next_update: nextUpdate })
    .returning('id')
    .executeTakeFirstOrThrow();
  const data = {
    issuer,
    thisUpdate: thisUpdate.toISOString(),
    nextUpdate: nextUpdate?.toISOString() ?? null,
    revoked: crl.revokedCertificates?.length ?? 0,
  };
  await recordEvent(tx, options.actor, {
    type: 'trust_crl.added',
    entityType: 'trust_crl',
    entityId: row.id,
    data,
  });
  return { id: row.id, ...data };
}

/** Takes a removed anchor off the list (its row stays, with removed_at); 404 when not on it. */
export async function removeTrustAnchor(
  tx: Transaction<DB>,
  options: { id: string; actor: Actor },
): Promise<void> {
  const row = await tx
    .updateTable('trust_anchor')
    .set({ removed_at: new Date() })
    .where('id', '=', options.id)
    .where('removed_at', 'is', null)
    .returning(['id', 'name', 'sha256'])
    .executeTakeFirst();
  if (!row) throw notFound('trust_anchor');
  await recordEvent(tx, options.actor, {
    type: 'trust_anchor.removed',
    entityType: 'trust_anchor',
    entityId: row.id,
    data: { name: row.name, sha256: row.sha256 },
  });
}

/**
 * Sets or clears the OCSP responder of a trusted root (`url` null: none) and whether a certificate's
 * AIA may name one. Audited with the values it replaced; 404 when the root is not trusted.
 */
export async function setTrustAnchorOcsp(
  tx: Transaction<DB>,
  options: { id: string; url: string | null; useAia: boolean; actor: Actor },
): Promise<TrustAnchorView> {
  const { id, url, useAia, actor } = options;
  const current = await tx
    .selectFrom('trust_anchor')
    .select(['ocsp_url', 'ocsp_use_aia'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound('trust_anchor');
  const row = await tx
    .updateTable('trust_anchor')
    .set({ ocsp_url: url, ocsp_use_aia: useAia })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'trust_anchor.ocsp_configured',
    entityType: 'trust_anchor',
    entityId: id,
    data: {
      name: row.name,
      url,
      useAia,
      previousUrl: current.ocsp_url,
      previousUseAia: current.ocsp_use_aia,
    },
  });
  return toTrustAnchorView(row);
}

/** DER from a DER or PEM upload (the two forms CAs publish roots and CRLs in). */
export function derFromUpload(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!text.includes('-----BEGIN ')) return bytes;
  const body = Buffer.from(bytes)
    .toString('latin1')
    .replace(/-----(BEGIN|END) [^-]+-----/g, '')
    .replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}
