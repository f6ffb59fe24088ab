import type { JsonName } from '@peculiar/x509';
import { systemActor } from '../../platform/access.ts';
import { collectingAtCommit } from '../../platform/at-commit.ts';
import type { Db } from '../../platform/db.ts';
import { createCrl, createRootCa, derOf, exportPkcs8, issueCertificate, type Issued } from './demo-ca.ts';
import { storeSigningKey, type SigningKeyOwner } from './enrol-signing-key.ts';
import { configureSigningKeySecret } from './key-encryption.ts';
import { describeKeyMaterial, type KeyMaterial } from './key-material.ts';
import { addCrl, addTrustAnchor, setTrustAnchorOcsp } from './trust-list.ts';
import { seedDemoRemoteSigning } from './remote/seed-demo-remote-signing.ts';
import './tables.ts';

export const DEMO_ROOT_NAME = 'TinhSo Demo Root CA';
/** The demo CA's OCSP responder: the simulator this server mounts (SIMULATORS=true; ADR 0026). */
export const DEMO_OCSP_URL = '/simulators/ocsp';
const LEADER_POSITIONS = ['chu_tich', 'pho_chu_tich', 'giam_doc', 'pho_giam_doc'];

const name = (commonName: string, organisation: string): JsonName => [
  { CN: [commonName] },
  { O: [organisation] },
  { C: ['VN'] },
];

async function materialOf(issued: Issued, chain: Issued[]): Promise<KeyMaterial> {
  const material = describeKeyMaterial({
    privateKey: await exportPkcs8(issued.keys),
    certificates: [issued, ...chain].map((item) => derOf(item.certificate)),
  });
  if (typeof material === 'string') throw new Error(`demo key: ${material}`);
  return material;
}

/**
 * The demo province's signing keys (issue 4): a demo CA (root → issuing CA) whose root is in the
 * trust list with current CRLs, a seal for every agency, a personal key for every Chủ tịch, Phó Chủ
 * tịch, Giám đốc and Phó Giám đốc, the certificates of the demo timestamp authority and of its OCSP
 * responder (the demo root's OCSP is the simulator at /simulators/ocsp). ECDSA P-256:
 * about a millisecond a key. Skipped when the demo root is already in the trust list.
 */
export async function seedDemoSigning(
  db: Db,
  options: { secret: string | undefined },
): Promise<{ keys: number }> {
  const seeded = await db
    .selectFrom('trust_anchor')
    .select('id')
    .where('name', '=', DEMO_ROOT_NAME)
    .executeTakeFirst();
  if (seeded) return { keys: 0 };
  configureSigningKeySecret({ secret: options.secret, isDemo: true });
  const root = await createRootCa('CN=TinhSo Demo Root CA, O=TinhSo Demo, C=VN');
  const issuing = await issueCertificate({
    subject: 'CN=TinhSo Demo Issuing CA, O=TinhSo Demo, C=VN',
    issuer: root,
    kind: 'ecdsa',
    role: 'ca',
    notAfter: new Date(Date.now() + 3000 * 86_400_000),
  });
  const agencies = await db.selectFrom('agency').select(['id', 'name', 'parent_id']).execute();
  const today = new Date().toISOString().slice(0, 10);
  const leaders = await db
    .selectFrom('appointment')
    .innerJoin('position', 'position.id', 'appointment.position_id')
    .innerJoin('official', 'official.id', 'appointment.official_id')
    .innerJoin('agency', 'agency.id', 'position.agency_id')
    .select([
      'official.id as officialId',
      'official.full_name',
      'agency.id as agencyId',
      'agency.name as agencyName',
    ])
    .where('position.position_type', 'in', LEADER_POSITIONS)
    .where('appointment.starts_on', '<=', today)
    .where((eb) => eb.or([eb('appointment.ends_on', 'is', null), eb('appointment.ends_on', '>', today)]))
    .execute();
  const province = agencies.find((agency) => agency.parent_id === null) ?? agencies[0];

  // Generated side by side: WebCrypto's key generation and signing run on libuv's thread pool.
  const personal = [...new Map(leaders.map((leader) => [leader.officialId, leader])).values()];
  const entries: { owner: SigningKeyOwner; material: KeyMaterial }[] = await Promise.all([
    ...agencies.map(async (agency) => ({
      owner: { kind: 'seal' as const, agencyId: agency.id },
      material: await materialOf(
        await issueCertificate({
          subject: name(agency.name, agency.name),
          issuer: issuing,
          kind: 'ecdsa',
          role: 'signing',
        }),
        [issuing, root],
      ),
    })),
    ...personal.map(async (leader) => ({
      owner: { kind: 'personal' as const, officialId: leader.officialId, agencyId: leader.agencyId },
      material: await materialOf(
        await issueCertificate({
          subject: name(leader.full_name, leader.agencyName),
          issuer: issuing,
          kind: 'ecdsa',
          role: 'signing',
        }),
        [issuing, root],
      ),
    })),
  ]);
  if (province) {
    const tsa = await issueCertificate({
      subject: 'CN=TinhSo Demo Timestamp Authority, O=TinhSo Demo, C=VN',
      issuer: issuing,
      kind: 'ecdsa',
      role: 'timestamping',
    });
    entries.push({
      owner: { kind: 'tsa', agencyId: province.id },
      material: await materialOf(tsa, [issuing, root]),
    });
    // The delegated responders the OCSP simulator signs with, for the issuing CA's certificates and
    // for the issuing CA's own: the CAs' keys are not kept.
    for (const [ca, chain, commonName] of [
      [issuing, [issuing, root], 'TinhSo Demo OCSP Responder'],
      [root, [root], 'TinhSo Demo Root OCSP Responder'],
    ] as const) {
      const responder = await issueCertificate({
        subject: `CN=${commonName}, O=TinhSo Demo, C=VN`,
        issuer: ca,
        kind: 'ecdsa',
        role: 'ocsp',
      });
      entries.push({
        owner: { kind: 'ocsp', agencyId: province.id },
        material: await materialOf(responder, [...chain]),
      });
    }
  }
  const [rootCrl, issuingCrl] = await Promise.all([
    createCrl({ issuer: root, days: 365 }),
    createCrl({ issuer: issuing, days: 365 }),
  ]);
  const actor = systemActor('seed');
  // collectingAtCommit: the audit records are appended together at the end, not one lock per key.
  await db.transaction().execute((tx) =>
    collectingAtCommit(tx, async () => {
      const anchor = await addTrustAnchor(tx, {
        name: DEMO_ROOT_NAME,
        certificate: derOf(root.certificate),
        actor,
      });
      if (province) await setTrustAnchorOcsp(tx, { id: anchor.id, url: DEMO_OCSP_URL, useAia: false, actor });
      for (const crl of [rootCrl, issuingCrl]) await addCrl(tx, { crl: derOf(crl), actor });
      for (const entry of entries) await storeSigningKey(tx, { ...entry, actor });
    }),
  );
  // The demo's remote signer (ADR 0022), certified by the same demo CA.
  await seedDemoRemoteSigning(db, { issuing, root });
  return { keys: entries.length };
}
