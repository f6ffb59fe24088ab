import type { Transaction } from 'kysely';
import type { Agency, CreateAgency, UpdateAgency } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getAgency } from './agencies.ts';
import { toAgency } from './mappers.ts';

/** A new agency under a parent the caller manages; only a province-wide role may create a top agency. */
export async function createAgency(
  tx: Transaction<DB>,
  input: CreateAgency,
  scope: AgencyScope,
  actor: Actor,
): Promise<Agency> {
  if (input.parentId === undefined) {
    if (!scope.all) throw new AppError('forbidden');
  } else {
    const parent = inScope(scope, input.parentId)
      ? await tx.selectFrom('agency').select('id').where('id', '=', input.parentId).executeTakeFirst()
      : undefined;
    if (!parent) throw invalid('parentId', 'no_such_record');
  }
  if (
    input.adminUnitId &&
    !(await tx.selectFrom('admin_unit').select('id').where('id', '=', input.adminUnitId).executeTakeFirst())
  ) {
    throw invalid('adminUnitId', 'no_such_record');
  }
  if (await tx.selectFrom('agency').select('id').where('code', '=', input.code).executeTakeFirst())
    throw conflict('code', 'taken');
  const row = await tx
    .insertInto('agency')
    .values({
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      level: input.level,
      parent_id: input.parentId ?? null,
      admin_unit_id: input.adminUnitId ?? null,
      effective_from: input.effectiveFrom ?? todayInVietnam(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'agency.created',
    entityType: 'agency',
    entityId: row.id,
    agencyId: row.id,
    data: { code: row.code, name: row.name, kind: row.kind, parentId: row.parent_id },
  });
  return toAgency(row);
}

export async function updateAgency(
  tx: Transaction<DB>,
  id: string,
  input: UpdateAgency,
  scope: AgencyScope,
  actor: Actor,
): Promise<Agency> {
  const before = await getAgency(tx, id, scope);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.name !== undefined && input.name !== before.name)
    changes.name = { from: before.name, to: input.name };
  if (input.shortName !== undefined && input.shortName !== before.shortName)
    changes.shortName = { from: before.shortName, to: input.shortName };
  if (input.effectiveTo !== undefined && input.effectiveTo !== before.effectiveTo) {
    if (input.effectiveTo !== null && input.effectiveTo <= before.effectiveFrom)
      throw invalid('effectiveTo', 'date_order');
    changes.effectiveTo = { from: before.effectiveTo, to: input.effectiveTo };
  }
  if (Object.keys(changes).length === 0) return before;
  const row = await tx
    .updateTable('agency')
    .set({
      ...(changes.name ? { name: input.name } : {}),
      ...(changes.shortName ? { short_name: input.shortName ?? null } : {}),
      ...(changes.effectiveTo ? { effective_to: input.effectiveTo ?? null } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'agency.updated',
    entityType: 'agency',
    entityId: id,
    agencyId: id,
    data: { changes },
  });
  return toAgency(row);
}
