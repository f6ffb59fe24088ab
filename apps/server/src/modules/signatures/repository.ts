import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { TrustSettings } from './pades-verify.ts';
import './tables.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** The anchors in the trust list and the CRLs current at `now`, as the verifier takes them. */
export async function readTrustSettings(db: Reader, now: Date): Promise<TrustSettings> {
  const [anchors, crls] = await Promise.all([
    db.selectFrom('trust_anchor').select('certificate').where('removed_at', 'is', null).execute(),
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
  };
}
