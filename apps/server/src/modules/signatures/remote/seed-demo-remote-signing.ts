import { systemActor } from '../../../platform/access.ts';
import type { Db } from '../../../platform/db.ts';
import { AGENCY } from '../../organisation/demo/agencies.ts';
import { derOf, exportPkcs8, issueCertificate, type Issued } from '../demo-ca.ts';
import { enrolRemoteAccount } from './remote-accounts.ts';
import { storeSimulatorUser } from './simulator-users.ts';

/**
 * The demo's remote signer: the Phó Giám đốc of Sở Tư pháp (not giamdoc, whose PKCS#12 key the
 * documents journey and its Playwright test use) gets an RSA-2048 certificate from the demo CA, held
 * by the remote-signing simulator under their username, and an account linking them to it. Their
 * phone is /simulators/remote-signing/phone?user=<username>.
 */
export async function seedDemoRemoteSigning(
  db: Db,
  options: { issuing: Issued; root: Issued },
): Promise<{ officialId: string; username: string } | null> {
  const today = new Date().toISOString().slice(0, 10);
  const deputy = await db
    .selectFrom('appointment as ap')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('agency as ag', 'ag.id', 'p.agency_id')
    .innerJoin('official as o', 'o.id', 'ap.official_id')
    .innerJoin('account as a', 'a.id', 'o.account_id')
    .select(['o.id as officialId', 'o.full_name', 'a.username', 'ag.id as agencyId', 'ag.name as agencyName'])
    .where('ag.code', '=', AGENCY.tuPhap)
    .where('p.position_type', '=', 'pho_giam_doc')
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .orderBy('a.username')
    .executeTakeFirst();
  if (!deputy) return null;
  const issued = await issueCertificate({
    subject: [{ CN: [deputy.full_name] }, { O: [deputy.agencyName] }, { C: ['VN'] }],
    issuer: options.issuing,
    kind: 'rsa',
    role: 'signing',
  });
  const certificateChain = [issued, options.issuing, options.root].map((item) => derOf(item.certificate));
  await storeSimulatorUser(db, {
    userId: deputy.username,
    displayName: deputy.full_name,
    pkcs8: await exportPkcs8(issued.keys),
    certificateChain,
  });
  await db.transaction().execute((tx) =>
    enrolRemoteAccount(tx, {
      owner: { officialId: deputy.officialId, agencyId: deputy.agencyId },
      credential: {
        userId: deputy.username,
        credentialId: `sim-${deputy.username}`,
        algorithm: 'RSASSA-PKCS1-v1_5',
        certificateChain,
      },
      actor: systemActor('seed'),
    }),
  );
  return { officialId: deputy.officialId, username: deputy.username };
}
