import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import { atCommit } from '../../platform/at-commit.ts';
import type { DB } from '../../platform/db-types.ts';
import type { AuditEventInput, AuditEventType } from './events.ts';
import { GENESIS_HASH, hashRecord, type ChainedFields } from './hash-chain.ts';

/** Serialises writers of the chain inside their own transactions; released at commit or rollback. */
const AUDIT_CHAIN_LOCK_KEY = 7_324_002;

type Pending = Omit<ChainedFields, 'seq' | 'occurredAt' | 'prevHash'>;

/** The events a transaction has recorded and not yet appended (see `atCommit`). */
const pendingOf = new WeakMap<Transaction<DB>, Pending[]>();

/** After the command's other end-of-transaction work. */
const AUDIT_ORDER = 100;

/**
 * Appends one event to the audit trail inside the caller's transaction, so that the change and its
 * record commit together or not at all. In a command's transaction (`runCommand`) the events are kept
 * and appended together just before the commit, so the chain's lock, which serialises every audited
 * writer of the province, is held only for that last append (ADR 0003); elsewhere at once.
 */
export async function recordEvent<T extends AuditEventType>(
  tx: Transaction<DB>,
  actor: Actor,
  event: AuditEventInput<T>,
): Promise<void> {
  const pending: Pending = {
    type: event.type,
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    entityType: event.entityType,
    entityId: event.entityId,
    agencyId: event.agencyId ?? null,
    data: event.data,
    correlationId: actor.correlationId,
  };
  const kept = pendingOf.get(tx);
  if (kept) {
    kept.push(pending);
    return;
  }
  const list = [pending];
  const deferred = atCommit(tx, 'audit', AUDIT_ORDER, async () => {
    pendingOf.delete(tx);
    await appendToChain(tx, list);
  });
  if (deferred) pendingOf.set(tx, list);
  else await appendToChain(tx, list);
}

async function appendToChain(tx: Transaction<DB>, events: Pending[]): Promise<void> {
  if (events.length === 0) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(tx);
  const last = await tx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Taken under the lock, so that the chain's order is also the order of its times.
  const occurredAt = new Date().toISOString();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    seq += 1;
    const fields: ChainedFields = { ...event, seq, occurredAt, prevHash };
    const hash = hashRecord(fields);
    prevHash = hash;
    return {
      seq,
      occurred_at: occurredAt as unknown as Date,
      type: event.type,
      actor_account_id: event.actorAccountId,
      actor_label: event.actorLabel,
      entity_type: event.entityType,
      entity_id: event.entityId,
      agency_id: event.agencyId,
      data: JSON.stringify(event.data),
      correlation_id: event.correlationId,
      prev_hash: fields.prevHash,
      hash,
    };
  });
  await tx.insertInto('audit_event').values(rows).execute();
}
