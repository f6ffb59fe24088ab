import type { Selectable, Transaction } from 'kysely';
import type {
  CreatePositionType,
  CreateRole,
  PositionType,
  Role,
  UpdatePositionType,
  UpdateRole,
} from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB, PositionTypeTable, RoleTable } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Language } from '../../platform/messages.ts';
import { recordEvent } from '../audit/record-event.ts';

type Changes = Record<string, { from: unknown; to: unknown }>;

const toRole = (row: Selectable<RoleTable>, language: Language): Role => ({
  code: row.code,
  name: language === 'en' ? row.name_en : row.name_vi,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  scope: row.scope,
  permissions: row.permissions,
});

const toPositionType = (row: Selectable<PositionTypeTable>, language: Language): PositionType => ({
  code: row.code,
  name: language === 'en' ? row.name_en : row.name_vi,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  roleCodes: row.role_codes,
});

/** Field-by-field differences, for the audit record of an update. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) {
      changes[key] = { from: before[key], to: value };
    }
  }
  return changes;
}

export async function listRoles(db: Db, language: Language): Promise<{ items: Role[]; total: number }> {
  const rows = await db.selectFrom('role').selectAll().orderBy('code').execute();
  return { items: rows.map((row) => toRole(row, language)), total: rows.length };
}

export async function listPositionTypes(
  db: Db,
  language: Language,
): Promise<{ items: PositionType[]; total: number }> {
  const rows = await db.selectFrom('position_type').selectAll().orderBy('code').execute();
  return { items: rows.map((row) => toPositionType(row, language)), total: rows.length };
}

export async function createRole(
  tx: Transaction<DB>,
  input: CreateRole,
  actor: Actor,
  language: Language,
): Promise<Role> {
  if (await tx.selectFrom('role').select('code').where('code', '=', input.code).executeTakeFirst()) {
    throw conflict('code', 'taken');
  }
  const row = await tx
    .insertInto('role')
    .values({
      code: input.code,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      scope: input.scope,
      permissions: input.permissions,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'role.created',
    entityType: 'role',
    entityId: row.code,
    data: { scope: row.scope, permissions: row.permissions },
  });
  return toRole(row, language);
}

/** Changes a role template; every official whose positions grant it holds the new set at their next request. */
export async function updateRole(
  tx: Transaction<DB>,
  code: string,
  input: UpdateRole,
  actor: Actor,
  language: Language,
): Promise<Role> {
  const before = await tx
    .selectFrom('role')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('role');
  const changes = diff(
    { nameVi: before.name_vi, nameEn: before.name_en, scope: before.scope, permissions: before.permissions },
    { ...input },
  );
  if (Object.keys(changes).length === 0) return toRole(before, language);
  const row = await tx
    .updateTable('role')
    .set({
      ...(input.nameVi !== undefined ? { name_vi: input.nameVi } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.scope !== undefined ? { scope: input.scope } : {}),
      ...(input.permissions !== undefined ? { permissions: input.permissions } : {}),
    })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'role.updated',
    entityType: 'role',
    entityId: code,
    data: { changes },
  });
  return toRole(row, language);
}

async function assertRolesExist(tx: Transaction<DB>, roleCodes: string[]): Promise<void> {
  const known = await tx.selectFrom('role').select('code').where('code', 'in', roleCodes).execute();
  roleCodes.forEach((code, index) => {
    if (!known.some((row) => row.code === code)) throw invalid(`roleCodes.${index}`, 'no_such_record');
  });
}

export async function createPositionType(
  tx: Transaction<DB>,
  input: CreatePositionType,
  actor: Actor,
  language: Language,
): Promise<PositionType> {
  if (await tx.selectFrom('position_type').select('code').where('code', '=', input.code).executeTakeFirst()) {
    throw conflict('code', 'taken');
  }
  await assertRolesExist(tx, input.roleCodes);
  const row = await tx
    .insertInto('position_type')
    .values({ code: input.code, name_vi: input.nameVi, name_en: input.nameEn, role_codes: input.roleCodes })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'position_type.created',
    entityType: 'position_type',
    entityId: row.code,
    data: { roleCodes: row.role_codes },
  });
  return toPositionType(row, language);
}

export async function updatePositionType(
  tx: Transaction<DB>,
  code: string,
  input: UpdatePositionType,
  actor: Actor,
  language: Language,
): Promise<PositionType> {
  const before = await tx
    .selectFrom('position_type')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('position_type');
  if (input.roleCodes) await assertRolesExist(tx, input.roleCodes);
  const changes = diff(
    { nameVi: before.name_vi, nameEn: before.name_en, roleCodes: before.role_codes },
    { ...input },
  );
  if (Object.keys(changes).length === 0) return toPositionType(before, language);
  const row = await tx
    .updateTable('position_type')
    .set({
      ...(input.nameVi !== undefined ? { name_vi: input.nameVi } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.roleCodes !== undefined ? { role_codes: input.roleCodes } : {}),
    })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'position_type.updated',
    entityType: 'position_type',
    entityId: code,
    data: { changes },
  });
  return toPositionType(row, language);
}
