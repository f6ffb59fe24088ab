import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signedIn('quantri');
});
afterAll(() => t.close());

interface Role {
  code: string;
  name: string;
  nameVi: string;
  nameEn: string;
  scope: string;
  permissions: string[];
}

describe('role templates and position types', () => {
  it('lists role templates in the caller’s language with both names', async () => {
    const vi = await admin.get<{ items: Role[] }>('/api/org/roles');
    const staff = vi.body.items.find((role) => role.code === 'staff');
    expect(staff).toMatchObject({ name: 'Công chức, viên chức', nameEn: 'Staff', scope: 'agency' });
    expect(vi.body.items.find((role) => role.code === 'system_admin')?.permissions).toContain('role.manage');
  });

  it('is managed only by holders of role.manage', async () => {
    const leader = await t.signedIn('lanhdao');
    expect((await leader.get('/api/org/roles')).status).toBe(200);
    const refused = await leader.post('/api/org/roles', {
      code: 'x_role',
      nameVi: 'X',
      nameEn: 'X',
      scope: 'agency',
      permissions: ['org.read'],
    });
    expect(refused.status).toBe(403);
    expect((await leader.patch('/api/org/roles/staff', { nameEn: 'Hacked' })).status).toBe(403);
  });

  it('creates a role and a position type, and an official holding that post gets exactly its permissions', async () => {
    const role = await admin.post<Role>('/api/org/roles', {
      code: 'archivist',
      nameVi: 'Lưu trữ viên',
      nameEn: 'Archivist',
      scope: 'agency',
      permissions: ['workspace.access', 'audit.read'],
    });
    expect(role.status).toBe(201);
    expect(role.body).toMatchObject({
      code: 'archivist',
      scope: 'agency',
      permissions: ['workspace.access', 'audit.read'],
    });
    const type = await admin.post('/api/org/position-types', {
      code: 'luu_tru_vien',
      nameVi: 'Lưu trữ viên',
      nameEn: 'Archivist',
      roleCodes: ['archivist'],
    });
    expect(type.status).toBe(201);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'entity_id'])
      .where('type', 'in', ['role.created', 'position_type.created'])
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'role.created', entity_id: 'archivist' },
        { type: 'position_type.created', entity_id: 'luu_tru_vien' },
      ]),
    );
  });

  it('changes a role so that its holders’ permissions change at their next request', async () => {
    const clerk = await t.signedIn('vanthu');
    const before = await clerk.get<{ permissions: string[] }>('/api/auth/session');
    expect(before.body.permissions).not.toContain('role.read');
    const updated = await admin.patch<Role>('/api/org/roles/clerk', {
      permissions: ['workspace.access', 'org.read', 'official.read', 'role.read'],
    });
    expect(updated.status).toBe(200);
    const after = await clerk.get<{ permissions: string[] }>('/api/auth/session');
    expect(after.body.permissions).toContain('role.read');
    const event = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('type', '=', 'role.updated')
      .where('entity_id', '=', 'clerk')
      .executeTakeFirstOrThrow();
    const changes = (event.data as { changes: { permissions: { to: string[] } } }).changes;
    expect(changes.permissions.to).toContain('role.read');
  });

  it('names the bad field: unknown permission, unknown role, taken code, bad code, empty update', async () => {
    const unknownPermission = await admin.post('/api/org/roles', {
      code: 'bad_role',
      nameVi: 'X',
      nameEn: 'X',
      scope: 'agency',
      permissions: ['everything'],
    });
    expect(unknownPermission.status).toBe(400);
    expect(unknownPermission.body).toMatchObject({ issues: [{ field: 'permissions.0' }] });
    const unknownRole = await admin.post('/api/org/position-types', {
      code: 'bad_type',
      nameVi: 'X',
      nameEn: 'X',
      roleCodes: ['staff', 'no_such_role'],
    });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body).toMatchObject({ issues: [{ field: 'roleCodes.1' }] });
    expect(
      await t.database.db.selectFrom('position_type').select('code').where('code', '=', 'bad_type').execute(),
    ).toEqual([]);
    const taken = await admin.post('/api/org/roles', {
      code: 'staff',
      nameVi: 'X',
      nameEn: 'X',
      scope: 'agency',
      permissions: ['org.read'],
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ issues: [{ field: 'code' }] });
    const badCode = await admin.post('/api/org/roles', {
      code: 'Bad Code',
      nameVi: 'X',
      nameEn: 'X',
      scope: 'agency',
      permissions: ['org.read'],
    });
    expect(badCode.body).toMatchObject({ issues: [{ field: 'code' }] });
    expect((await admin.patch('/api/org/roles/staff', {})).status).toBe(400);
    expect((await admin.patch('/api/org/roles/no_such_role', { nameEn: 'X' })).status).toBe(404);
  });
});
