import { createHash, randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { RemoteSigningAccount } from '@tinhso/contracts';
import * as pkijs from 'pkijs';
import type { Actor } from '../../../platform/access.ts';
import type { DB } from '../../../platform/db-types.ts';
import type { Db } from '../../../platform/db.ts';
import { invalid, notFound } from '../../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../../platform/scope.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { describeName, serialHex } from '../certificate-checks.ts';
import type { RemoteCredential } from './remote-client.ts';
import type { RemoteSigningAccountTable } from './tables.ts';
import './audit-events.ts';
import './tables.ts';

/**
 * Which official signs through the remote-signing service: one current account per official, with the
 * certificate the service answered at enrolment (so signing needs no extra request). Enrolling again
 * replaces the current account; removing it returns the official to their PKCS#12 key, if any.
 */
const COLUMNS = [
  'id',
  'official_id',
  'agency_id',
  'provider_user_id',
  'subject',
  'serial_number',
  'not_before',
  'not_after',
  'algorithm',
  'certificate_sha256',
  'enrolled_at',
  'removed_at',
] as const;
type Row = Pick<Selectable<RemoteSigningAccountTable>, (typeof COLUMNS)[number]> & { full_name: string };

const toView = (row: Row): RemoteSigningAccount => ({
  id: row.id,
  officialId: row.official_id,
  officialName: row.full_name,
  agencyId: row.agency_id,
  providerUserId: row.provider_user_id,
  subject: row.subject,
  serialNumber: row.serial_number,
  notBefore: row.not_before.toISOString(),
  notAfter: row.not_after.toISOString(),
  algorithm: row.algorithm,
  certificateSha256: row.certificate_sha256,
  enrolledAt: row.enrolled_at.toISOString(),
  removedAt: row.removed_at ? row.removed_at.toISOString() : null,
});

/** Stores the account with its audit record; the official's previous account, if any, is removed. */
export async function enrolRemoteAccount(
  tx: Transaction<DB>,
  options: {
    owner: { officialId: string; agencyId: string };
    credential: RemoteCredential;
    actor: Actor;
    now?: Date;
  },
): Promise<RemoteSigningAccount> {
  const { owner, credential, actor } = options;
  const now = options.now ?? new Date();
  const certificateDer = credential.certificateChain[0]!;
  const certificate = pkijs.Certificate.fromBER(certificateDer);
  if (certificate.notAfter.value <= now) {
    throw invalid('providerUserId', 'signingKey.expired', { date: certificate.notAfter.value.toISOString() });
  }
  const previous = await tx
    .selectFrom('remote_signing_account')
    .select('id')
    .where('official_id', '=', owner.officialId)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (previous) {
    await tx
      .updateTable('remote_signing_account')
      .set({ removed_at: now, removed_by: actor.accountId })
      .where('id', '=', previous.id)
      .execute();
  }
  const id = randomUUID();
  const certificateSha256 = createHash('sha256').update(certificateDer).digest('hex');
  const row = await tx
    .insertInto('remote_signing_account')
    .values({
      id,
      official_id: owner.officialId,
      agency_id: owner.agencyId,
      provider_user_id: credential.userId,
      credential_id: credential.credentialId,
      subject: describeName(certificate.subject),
      serial_number: serialHex(certificate),
      not_before: certificate.notBefore.value,
      not_after: certificate.notAfter.value,
      algorithm: credential.algorithm,
      certificate_sha256: certificateSha256,
      certificate_chain: JSON.stringify(
        credential.certificateChain.map((der) => Buffer.from(der).toString('base64')),
      ),
      enrolled_by: actor.accountId,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const { full_name } = await tx
    .selectFrom('official')
    .select('full_name')
    .where('id', '=', owner.officialId)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'remote_signing_account.enrolled',
    entityType: 'remote_signing_account',
    entityId: id,
    agencyId: owner.agencyId,
    data: {
      officialId: owner.officialId,
      providerUserId: credential.userId,
      subject: row.subject,
      serialNumber: row.serial_number,
      certificateSha256,
      replaced: previous?.id ?? null,
    },
  });
  return toView({ ...row, full_name });
}

/** Ends an account: the official signs remotely no more. 404 out of reach or already removed. */
export async function removeRemoteAccount(
  tx: Transaction<DB>,
  options: { id: string; scope: AgencyScope; actor: Actor },
): Promise<void> {
  const { id, scope, actor } = options;
  const current = await tx
    .selectFrom('remote_signing_account')
    .select(['id', 'official_id', 'agency_id', 'provider_user_id'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!current || !inScope(scope, current.agency_id)) throw notFound('remote_signing_account');
  await tx
    .updateTable('remote_signing_account')
    .set({ removed_at: new Date(), removed_by: actor.accountId })
    .where('id', '=', id)
    .execute();
  await recordEvent(tx, actor, {
    type: 'remote_signing_account.removed',
    entityType: 'remote_signing_account',
    entityId: id,
    agencyId: current.agency_id,
    data: { officialId: current.official_id, providerUserId: current.provider_user_id },
  });
}

/** The accounts in reach, current first then newest; `officialId` narrows to one official. */
export async function listRemoteAccounts(
  db: Db,
  options: { scope: AgencyScope; officialId?: string; includeRemoved?: boolean },
): Promise<RemoteSigningAccount[]> {
  const { scope } = options;
  if (!scope.all && scope.agencyIds.length === 0) return [];
  let query = db
    .selectFrom('remote_signing_account as r')
    .innerJoin('official as o', 'o.id', 'r.official_id')
    .select(COLUMNS.map((column) => `r.${column}` as const))
    .select('o.full_name');
  if (!scope.all) query = query.where('r.agency_id', 'in', scope.agencyIds);
  if (options.officialId) query = query.where('r.official_id', '=', options.officialId);
  if (!options.includeRemoved) query = query.where('r.removed_at', 'is', null);
  const rows = await query.orderBy('r.enrolled_at', 'desc').orderBy('r.id').limit(500).execute();
  return rows.map(toView);
}
