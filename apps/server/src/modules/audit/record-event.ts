import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { AuditEventInput, AuditEventType } from './events.ts';
import { GENESIS_HASH, hashRecord } from './hash-chain.ts';

/** Serialises writers of the chain inside their own transactions; released at commit or rollback. */
const AUDIT_CHAIN_LOCK_KEY = 7_324_002;

/**
 * Appends one event to the audit trail inside the caller's transaction, so that the change and its
 * record commit together or not at all.
 */
export async function recordEvent<T extends AuditEventType>(
  tx: Transaction<DB>,
  actor: Actor,
  event: AuditEventInput<T>,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(tx);
  const last = await tx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date().toISOString(),
    type: event.type,
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    entityType: event.entityType,
    entityId: event.entityId,
    agencyId: event.agencyId ?? null,
    data: event.data,
    correlationId: actor.correlationId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('audit_event')
    .values({
      seq: fields.seq,
      occurred_at: fields.occurredAt as unknown as Date,
      type: fields.type,
      actor_account_id: fields.actorAccountId,
      actor_label: fields.actorLabel,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      agency_id: fields.agencyId,
      data: JSON.stringify(fields.data),
      correlation_id: fields.correlationId,
      prev_hash: fields.prevHash,
      hash: hashRecord(fields),
    })
    .execute();
}
