import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import type { TrustSettings } from './pades-verify.ts';
import { SIGNING_KEY_VIEW_COLUMNS, toSigningKeyView, type SigningKeyView } from './signing-key-view.ts';
import './tables.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** The anchors in the trust list with their OCSP settings and the CRLs current at `now`, as the verifier takes them. */
export async function readTrustSettings(db: Reader, now: Date): Promise<TrustSettings> {
  const [anchors, crls] = await Promise.all([
    db
      .selectFrom('trust_anchor')
      .select(['certificate', 'ocsp_url', 'ocsp_use_aia'])
      .where('removed_at', 'is', null)
      .execute(),
    db
      .selectFrom('trust_crl')
      .select('crl')
      .where('this_update', '<=', now)
      .where((eb) => eb.or([eb('next_update', 'is', null), eb('next_update', '>=', now)]))
      .execute(),
  ]);
  return {
    anchors: anchors.map((row) => new Uint8Array(row.certificate)),
    crls: crls.map((row) => new Uint8Array(row.crl)),
    now,
    ocsp: anchors
      .filter((row) => row.ocsp_url !== null || row.ocsp_use_aia)
      .map((row) => ({
        anchor: new Uint8Array(row.certificate),
        url: row.ocsp_url,
        useAia: row.ocsp_use_aia,
      })),
  };
}

/** The signing keys in reach, newest first: no private key, no ciphertext. */
export async function listSigningKeys(
  db: Reader,
  options: {
    scope: AgencyScope;
    kind?: 'personal' | 'seal' | 'tsa' | 'ocsp';
    officialId?: string;
    agencyId?: string;
  },
): Promise<SigningKeyView[]> {
  const { scope, kind, officialId, agencyId } = options;
  if (!scope.all && scope.agencyIds.length === 0) return [];
  let query = db.selectFrom('signing_key').select(SIGNING_KEY_VIEW_COLUMNS);
  if (!scope.all) query = query.where('agency_id', 'in', scope.agencyIds);
  if (kind) query = query.where('kind', '=', kind);
  if (officialId) query = query.where('official_id', '=', officialId);
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  const rows = await query.orderBy('enrolled_at', 'desc').orderBy('id').limit(500).execute();
  return rows.map(toSigningKeyView);
}
