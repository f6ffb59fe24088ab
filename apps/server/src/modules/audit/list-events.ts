import type { AuditEvent, AuditQuery } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import type { AgencyScope } from '../../platform/scope.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The auditor's view: events filtered by actor, entity, type and time, newest first, within scope. */
export async function listEvents(
  db: Db,
  query: AuditQuery,
  scope: AgencyScope,
): Promise<{ items: AuditEvent[]; total: number }> {
  let select = db.selectFrom('audit_event');
  if (!scope.all) {
    if (scope.agencyIds.length === 0) return { items: [], total: 0 };
    select = select.where('agency_id', 'in', scope.agencyIds);
  }
  if (query.actor) {
    const actor = query.actor;
    select = UUID.test(actor)
      ? select.where('actor_account_id', '=', actor)
      : select.where('actor_label', 'ilike', `%${actor.replace(/[%_\\]/g, '\\$&')}%`);
  }
  if (query.entityType) select = select.where('entity_type', '=', query.entityType);
  if (query.entityId) select = select.where('entity_id', '=', query.entityId);
  if (query.type) select = select.where('type', '=', query.type);
  if (query.from) select = select.where('occurred_at', '>=', new Date(query.from));
  if (query.to) select = select.where('occurred_at', '<', new Date(query.to));
  const [rows, count] = await Promise.all([
    select
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      type: row.type,
      actorAccountId: row.actor_account_id,
      actorLabel: row.actor_label,
      entityType: row.entity_type,
      entityId: row.entity_id,
      data: row.data as Record<string, unknown>,
      correlationId: row.correlation_id,
      hash: row.hash,
    })),
  };
}
