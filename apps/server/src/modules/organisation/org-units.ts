import type { Transaction } from 'kysely';
import type { CreateOrgUnit, CreatePosition, OrgUnit, Position } from '@tinhso/contracts';
import type { Actor, Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { AgencyScope } from '../../platform/scope.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getAgency } from './agencies.ts';
import { assertCanGrant } from './assert-can-grant.ts';
import { toOrgUnit, toPosition } from './mappers.ts';

export async function listOrgUnits(
  db: Db,
  agencyId: string,
  scope: AgencyScope,
): Promise<{ items: OrgUnit[]; total: number }> {
  await getAgency(db, agencyId, scope);
  const rows = await db
    .selectFrom('org_unit')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('name')
    .execute();
  return { items: rows.map(toOrgUnit), total: rows.length };
}

export async function createOrgUnit(
  tx: Transaction<DB>,
  agencyId: string,
  input: CreateOrgUnit,
  scope: AgencyScope,
  actor: Actor,
): Promise<OrgUnit> {
  await getAgency(tx, agencyId, scope);
  if (input.parentId) {
    const parent = await tx
      .selectFrom('org_unit')
      .select('agency_id')
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (parent?.agency_id !== agencyId) throw invalid('parentId', 'no_such_record');
  }
  const taken = await tx
    .selectFrom('org_unit')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken) throw conflict('name', 'taken');
  const row = await tx
    .insertInto('org_unit')
    .values({ agency_id: agencyId, parent_id: input.parentId ?? null, name: input.name })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'org_unit.created',
    entityType: 'org_unit',
    entityId: row.id,
    agencyId,
    data: { agencyId, name: row.name },
  });
  return toOrgUnit(row);
}

export async function listPositions(
  db: Db,
  agencyId: string,
  scope: AgencyScope,
): Promise<{ items: Position[]; total: number }> {
  await getAgency(db, agencyId, scope);
  const rows = await db
    .selectFrom('position')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('title')
    .execute();
  return { items: rows.map(toPosition), total: rows.length };
}

export async function createPosition(
  tx: Transaction<DB>,
  input: CreatePosition,
  scope: AgencyScope,
  actor: Actor,
  principal: Principal,
): Promise<Position> {
  await getAgency(tx, input.agencyId, scope);
  if (input.orgUnitId) {
    const unit = await tx
      .selectFrom('org_unit')
      .select('agency_id')
      .where('id', '=', input.orgUnitId)
      .executeTakeFirst();
    if (unit?.agency_id !== input.agencyId) throw invalid('orgUnitId', 'no_such_record');
  }
  if (
    !(await tx
      .selectFrom('position_type')
      .select('code')
      .where('code', '=', input.positionType)
      .executeTakeFirst())
  ) {
    throw invalid('positionType', 'no_such_record');
  }
  await assertCanGrant(tx, principal, input.positionType, input.agencyId);
  const row = await tx
    .insertInto('position')
    .values({
      agency_id: input.agencyId,
      org_unit_id: input.orgUnitId ?? null,
      position_type: input.positionType,
      title: input.title,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'position.created',
    entityType: 'position',
    entityId: row.id,
    agencyId: row.agency_id,
    data: { agencyId: row.agency_id, positionType: row.position_type, title: row.title },
  });
  return toPosition(row);
}
