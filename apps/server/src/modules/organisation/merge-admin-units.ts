import type { Transaction } from 'kysely';
import type { AdminUnit, MergeAdminUnits } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getAdminUnit } from './admin-units.ts';

/**
 * A + B (+ …) → C from a date: the sources end the day before `effectiveDate`, C begins on it with
 * the sources as its predecessors, and the agencies that served A and B now serve C. History stays:
 * asking "as of" a day before the merger still answers A and B.
 */
export async function mergeAdminUnits(
  tx: Transaction<DB>,
  input: MergeAdminUnits,
  actor: Actor,
): Promise<{ successor: AdminUnit; movedAgencyIds: string[] }> {
  const day = input.effectiveDate;
  const sources = await tx
    .selectFrom('admin_unit')
    .selectAll()
    .where('id', 'in', input.sourceIds)
    .forUpdate()
    .execute();
  input.sourceIds.forEach((id, index) => {
    const source = sources.find((row) => row.id === id);
    if (!source) throw invalid(`sourceIds.${index}`, 'no_such_record');
    // A unit already due to end (merged or dissolved at some date) cannot be merged again.
    const inForce = source.effective_from < day && source.effective_to === null;
    if (!inForce) throw invalid(`sourceIds.${index}`, 'not_current', { date: day });
  });
  const levels = new Set(sources.map((row) => row.level));
  const parents = new Set(sources.map((row) => row.parent_id));
  if (levels.size > 1) throw invalid('sourceIds', 'invalid');
  const clash = await tx
    .selectFrom('admin_unit')
    .select('id')
    .where('code', '=', input.successor.code)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', day)]))
    .executeTakeFirst();
  if (clash && !input.sourceIds.includes(clash.id)) throw invalid('successor.code', 'taken');

  await tx.updateTable('admin_unit').set({ effective_to: day }).where('id', 'in', input.sourceIds).execute();
  const successor = await tx
    .insertInto('admin_unit')
    .values({
      code: input.successor.code,
      name: input.successor.name,
      level: sources[0]!.level,
      parent_id: parents.size === 1 ? [...parents][0]! : null,
      effective_from: day,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('admin_unit_succession')
    .values(
      input.sourceIds.map((id) => ({ predecessor_id: id, successor_id: successor.id, effective_date: day })),
    )
    .execute();
  const moved = await tx
    .updateTable('agency')
    .set({ admin_unit_id: successor.id, updated_at: new Date() })
    .where('admin_unit_id', 'in', input.sourceIds)
    .returning(['id'])
    .execute();
  const movedAgencyIds = moved.map((row) => row.id);
  await recordEvent(tx, actor, {
    type: 'admin_unit.merged',
    entityType: 'admin_unit',
    entityId: successor.id,
    data: {
      successorCode: input.successor.code,
      predecessorIds: input.sourceIds,
      effectiveDate: day,
      movedAgencyIds,
    },
  });
  return { successor: await getAdminUnit(tx, successor.id), movedAgencyIds };
}
