import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import { recordEvent } from '../audit/record-event.ts';
import { SIGNING_KEY_VIEW_COLUMNS, toSigningKeyView, type SigningKeyView } from './signing-key-view.ts';
import './audit-events.ts';
import './tables.ts';

/**
 * An administrator withdraws a key (lost token, official left, certificate revoked by its CA): it
 * signs nothing more. The row stays, with who, when and why. Another agency's key answers 404.
 */
export async function revokeSigningKey(
  tx: Transaction<DB>,
  options: { id: string; reason: string; scope: AgencyScope; actor: Actor },
): Promise<SigningKeyView> {
  const { id, reason, scope, actor } = options;
  const current = await tx
    .selectFrom('signing_key')
    .select(['id', 'kind', 'official_id', 'agency_id', 'serial_number', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current || !inScope(scope, current.agency_id)) throw notFound('signing_key');
  if (current.status === 'revoked') throw conflict('status', 'signingKey.alreadyRevoked');
  const row = await tx
    .updateTable('signing_key')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: actor.accountId, revoke_reason: reason })
    .where('id', '=', id)
    .returning(SIGNING_KEY_VIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'signing_key.revoked',
    entityType: 'signing_key',
    entityId: id,
    agencyId: current.agency_id,
    data: {
      kind: current.kind,
      officialId: current.official_id,
      serialNumber: current.serial_number,
      reason,
    },
  });
  return toSigningKeyView(row);
}
