import { createHash, webcrypto } from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../src/platform/access.ts';
import { storeSigningKey } from '../src/modules/signatures/enrol-signing-key.ts';
import { configureSigningKeySecret } from '../src/modules/signatures/key-encryption.ts';
import { describeKeyMaterial, type KeyMaterial } from '../src/modules/signatures/key-material.ts';
import type { SigningKeyView } from '../src/modules/signatures/signing-key-view.ts';
import type { TestApp } from './harness.ts';
import { createTestPki, der, type TestIdentity, type TestPki } from './signatures-pki.ts';

/**
 * Signing keys for a test app, as the other modules' tests need them: a fresh test PKI (root →
 * intermediate, signatures-pki.ts), its root in the trust list with current CRLs, a personal key
 * (RSA-2048) for an official and a seal (ECDSA P-256) for an agency, stored encrypted as an
 * enrolment stores them. `signerForOfficial` and `signerForAgencySeal` then answer for them.
 */
export interface SigningKeysFixture {
  pki: TestPki;
  officialId: string;
  agencyId: string;
  personal: SigningKeyView;
  seal: SigningKeyView;
  /** The test root as PEM, for `openssl cms -verify -CAfile` and `certutil`. */
  rootPem: string;
}

async function materialOf(identity: TestIdentity): Promise<KeyMaterial> {
  const material = describeKeyMaterial({
    privateKey: new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', identity.keys.privateKey)),
    certificates: identity.signer.certificateChain,
  });
  if (typeof material === 'string') throw new Error(`test key: ${material}`);
  return material;
}

/** The official id of a demo account, and the agency of its primary position today. */
export async function officialOf(
  t: TestApp,
  username: string,
): Promise<{ officialId: string; agencyId: string }> {
  return t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select(['o.id as officialId', 'p.agency_id as agencyId'])
    .where('a.username', '=', username)
    .where('ap.ends_on', 'is', null)
    .orderBy(sql`case when ap.kind = 'primary' then 0 else 1 end`)
    .executeTakeFirstOrThrow();
}

/**
 * Enrols a personal key for `officialUsername` (giamdoc by default: Giám đốc Sở Tư pháp) and a seal
 * for `agencyId` (by default the agency of that official's position), and trusts the test root.
 */
export async function enrolTestSigningKeys(
  t: TestApp,
  options: { officialUsername?: string; agencyId?: string; pki?: TestPki } = {},
): Promise<SigningKeysFixture> {
  // As buildApp does with SIMULATORS=true and no SIGNING_KEY_SECRET.
  configureSigningKeySecret({ secret: undefined, isDemo: true });
  const pki = options.pki ?? (await createTestPki());
  const official = await officialOf(t, options.officialUsername ?? 'giamdoc');
  const agencyId = options.agencyId ?? official.agencyId;
  const [personalMaterial, sealMaterial] = await Promise.all([
    materialOf(pki.official),
    materialOf(pki.seal),
  ]);
  const actor = systemActor('test');
  const rootDer = der(pki.root);
  const { personal, seal } = await t.database.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('trust_anchor')
      .values({
        name: 'TinhSo Test Root CA',
        certificate: rootDer,
        sha256: createHash('sha256').update(rootDer).digest('hex'),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await tx
      .insertInto('trust_crl')
      .values(
        [pki.crl, pki.rootCrl].map((crl) => ({
          issuer: crl.issuer,
          crl: der(crl),
          this_update: crl.thisUpdate,
          next_update: crl.nextUpdate ?? null,
        })),
      )
      .execute();
    return {
      personal: await storeSigningKey(tx, {
        owner: { kind: 'personal', officialId: official.officialId, agencyId: official.agencyId },
        material: personalMaterial,
        actor,
      }),
      seal: await storeSigningKey(tx, { owner: { kind: 'seal', agencyId }, material: sealMaterial, actor }),
    };
  });
  return {
    pki,
    officialId: official.officialId,
    agencyId,
    personal,
    seal,
    rootPem: pki.root.toString('pem'),
  };
}
