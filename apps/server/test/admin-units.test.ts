import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

interface ErrorBody {
  code: string;
  message: string;
  issues?: { field: string; message: string }[];
  correlationId: string;
}
interface AdminUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  predecessorIds: string[];
  successorIds: string[];
}
type List<T> = { items: T[]; total: number };
interface MergeResult {
  successor: AdminUnit;
  movedAgencyIds: string[];
}

const FORMER_DISTRICTS = 23;
const COMMUNES = 20;
const UUID = expect.stringMatching(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/) as unknown;
const fieldsOf = (body: unknown) => ((body as ErrorBody).issues ?? []).map((issue) => issue.field);

let t: TestApp;
let quantri: TestClient;
let quantriAccountId: string;
let serial = 0;
/** A successor code no demo unit uses. */
const newUnitCode = () => `9${String(++serial).padStart(4, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  quantri = await t.signedIn('quantri');
  quantriAccountId = (await quantri.get<{ accountId: string }>('/api/auth/session')).body.accountId;
});
afterAll(() => t.close());

const list = async (client: TestClient, query: string) => {
  const answer = await client.get<List<AdminUnit>>(`/api/org/admin-units?limit=200&${query}`);
  expect(answer.status, query).toBe(200);
  return answer.body;
};

/** A current commune (in force from 2025-07-01, no end) by code, straight from the database. */
async function commune(code: string) {
  return t.database.db
    .selectFrom('admin_unit')
    .selectAll()
    .where('code', '=', code)
    .where('level', '=', 'commune')
    .where('effective_to', 'is', null)
    .executeTakeFirstOrThrow();
}

const agenciesServing = (ids: string[]) =>
  t.database.db
    .selectFrom('agency')
    .select(['id', 'kind'])
    .where('admin_unit_id', 'in', ids)
    .orderBy('id')
    .execute();

describe('administrative units as of a day', () => {
  it('answers the former districts as of 2025-06-30', async () => {
    const body = await list(quantri, 'asOf=2025-06-30&level=district');
    expect(body.total).toBe(FORMER_DISTRICTS);
    expect(body.items).toHaveLength(FORMER_DISTRICTS);
    const names = body.items.map((unit) => unit.name);
    expect(names).toEqual(expect.arrayContaining(['Thành phố Mỹ Tho', 'Huyện Tân Hồng', 'Huyện Châu Thành']));
    for (const unit of body.items)
      expect(unit).toMatchObject({ level: 'district', effectiveTo: '2025-07-01' });
  });

  it('answers no district and the 20 new communes as of 2025-07-01', async () => {
    const districts = await list(quantri, 'asOf=2025-07-01&level=district');
    expect(districts).toEqual({ items: [], total: 0 });
    const communes = await list(quantri, 'asOf=2025-07-01&level=commune');
    expect(communes.total).toBe(COMMUNES);
    expect(communes.items.map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['Phường Mỹ Tho', 'Phường Thường Lạc', 'Xã Tân Dương', 'Xã Tràm Chim']),
    );
    for (const unit of communes.items)
      expect(unit).toMatchObject({ effectiveFrom: '2025-07-01', effectiveTo: null });
    const province = await list(quantri, 'asOf=2025-07-01&level=province');
    expect(province.items.map((unit) => unit.name)).toEqual(['Tỉnh Đồng Tháp']);
  });

  it('finds a unit by its name written without diacritics', async () => {
    const body = await list(quantri, 'q=thuong%20lac');
    expect(body.items.map((unit) => unit.name)).toEqual(['Phường Thường Lạc']);
    const before = await list(quantri, 'q=THUONG%20LAC&asOf=2025-06-30');
    expect(before.items.map((unit) => unit.name)).toEqual(['Xã Thường Lạc']);
  });

  it('shows a unit with the former communes it was formed from', async () => {
    const thuongLac = await commune('30010');
    const answer = await quantri.get<AdminUnit>(`/api/org/admin-units/${thuongLac.id}`);
    expect(answer.status).toBe(200);
    const former = await t.database.db
      .selectFrom('admin_unit')
      .select(['id', 'name', 'effective_to'])
      .where('code', 'in', ['29831', '29834', '29837'])
      .orderBy('code')
      .execute();
    expect(former.map((row) => [row.name, row.effective_to])).toEqual([
      ['Phường An Lạc', '2025-07-01'],
      ['Xã Thường Thới Hậu A', '2025-07-01'],
      ['Xã Thường Lạc', '2025-07-01'],
    ]);
    expect(answer.body).toMatchObject({
      id: thuongLac.id,
      name: 'Phường Thường Lạc',
      level: 'commune',
      successorIds: [],
    });
    expect([...answer.body.predecessorIds].sort()).toEqual(former.map((row) => row.id).sort());
    const predecessor = await quantri.get<AdminUnit>(`/api/org/admin-units/${former[0]!.id}`);
    expect(predecessor.body.successorIds).toEqual([thuongLac.id]);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const answer = await quantri.get<ErrorBody>('/api/org/admin-units/00000000-0000-4000-8000-000000000000');
    expect([answer.status, answer.body.code]).toEqual([404, 'not_found']);
  });
});

describe('merging administrative units', () => {
  it('merges two communes from a future date, keeps history and moves their UBND xã', async () => {
    const [a, b] = [await commune('30022'), await commune('30025')]; // Xã Tràm Chim, Xã Tháp Mười
    const served = await agenciesServing([a.id, b.id]);
    expect(served.map((agency) => agency.kind)).toEqual(['ubnd_xa', 'ubnd_xa']);
    const inForceThen = (await list(quantri, 'asOf=2027-01-01&level=commune')).total;
    const code = newUnitCode();
    const answer = await quantri.post<MergeResult>('/api/org/admin-units/merge', {
      sourceIds: [a.id, b.id],
      successor: { code, name: 'Xã Tràm Chim - Tháp Mười' },
      effectiveDate: '2027-01-01',
    });
    expect(answer.status).toBe(201);
    const successor = answer.body.successor;
    expect({ ...successor, predecessorIds: [...successor.predecessorIds].sort() }).toEqual({
      id: UUID,
      code,
      name: 'Xã Tràm Chim - Tháp Mười',
      level: 'commune',
      parentId: a.parent_id,
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      predecessorIds: [a.id, b.id].sort(),
      successorIds: [],
    });
    expect([...answer.body.movedAgencyIds].sort()).toEqual(served.map((agency) => agency.id).sort());

    const ids = (body: List<AdminUnit>) => body.items.map((unit) => unit.id);
    const before = ids(await list(quantri, 'asOf=2026-12-31&level=commune'));
    expect(before).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(before).not.toContain(successor.id);
    const after = ids(await list(quantri, 'asOf=2027-01-01&level=commune'));
    expect(after).toContain(successor.id);
    expect(after).not.toContain(a.id);
    expect(after).not.toContain(b.id);
    expect(after).toHaveLength(inForceThen - 1);

    const source = await quantri.get<AdminUnit>(`/api/org/admin-units/${a.id}`);
    expect(source.body).toMatchObject({ effectiveTo: '2027-01-01', successorIds: [successor.id] });
    for (const agency of served) {
      const seen = await quantri.get<{ adminUnitId: string }>(`/api/org/agencies/${agency.id}`);
      expect(seen.body.adminUnitId).toBe(successor.id);
    }
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_account_id', 'data'])
      .where('type', '=', 'admin_unit.merged')
      .where('entity_id', '=', successor.id)
      .execute();
    expect(events).toEqual([
      {
        actor_account_id: quantriAccountId,
        data: {
          successorCode: code,
          predecessorIds: [a.id, b.id],
          effectiveDate: '2027-01-01',
          movedAgencyIds: answer.body.movedAgencyIds,
        },
      },
    ]);
  });

  it('refuses a source that has already ended, naming it, and changes nothing', async () => {
    const [a, b, c] = [await commune('30013'), await commune('30016'), await commune('30019')];
    const first = await quantri.post('/api/org/admin-units/merge', {
      sourceIds: [a.id, b.id],
      successor: { code: newUnitCode(), name: 'Xã Tân Hồng - An Phước' },
      effectiveDate: '2027-01-01',
    });
    expect(first.status).toBe(201);
    for (const [sourceIds, field] of [
      [[a.id, c.id], 'sourceIds.0'],
      [[c.id, b.id], 'sourceIds.1'],
    ] as const) {
      const unitsBefore = await t.database.db.selectFrom('admin_unit').select('id').execute();
      const again = await quantri.post<ErrorBody>('/api/org/admin-units/merge', {
        sourceIds,
        successor: { code: newUnitCode(), name: 'Xã Không Được Tạo' },
        effectiveDate: '2027-06-01',
      });
      expect(again.status).toBe(400);
      expect(fieldsOf(again.body)).toEqual([field]);
      expect(await t.database.db.selectFrom('admin_unit').select('id').execute()).toHaveLength(
        unitsBefore.length,
      );
    }
    expect((await commune('30019')).effective_to).toBeNull();
  });

  it('refuses to merge again, at an earlier date, a unit already merged into another', async () => {
    const [a, b, c] = [await commune('30004'), await commune('30007'), await commune('28928')];
    const first = await quantri.post<MergeResult>('/api/org/admin-units/merge', {
      sourceIds: [a.id, b.id],
      successor: { code: newUnitCode(), name: 'Phường Hồng Ngự - An Bình' },
      effectiveDate: '2027-01-01',
    });
    expect(first.status).toBe(201);
    const again = await quantri.post<ErrorBody>('/api/org/admin-units/merge', {
      sourceIds: [a.id, c.id],
      successor: { code: newUnitCode(), name: 'Phường Chồng Chéo' },
      effectiveDate: '2026-12-15',
    });
    expect(again.status).toBe(400);
    expect(fieldsOf(again.body)).toEqual(['sourceIds.0']);
    const source = await t.database.db
      .selectFrom('admin_unit')
      .select('effective_to')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(source.effective_to).toBe('2027-01-01');
  });

  it('refuses lanhdao, who lacks adminUnit.manage', async () => {
    const lanhdao = await t.signedIn('lanhdao');
    const [a, b] = [await commune('28901'), await commune('28904')];
    const before = await t.database.db.selectFrom('admin_unit').select('id').execute();
    const answer = await lanhdao.post<ErrorBody>('/api/org/admin-units/merge', {
      sourceIds: [a.id, b.id],
      successor: { code: newUnitCode(), name: 'Phường Mỹ Tho - Đạo Thạnh' },
      effectiveDate: '2027-01-01',
    });
    expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
    expect(await t.database.db.selectFrom('admin_unit').select('id').execute()).toHaveLength(before.length);
    expect((await commune('28901')).effective_to).toBeNull();
  });

  it('answers 400 naming sourceIds for a single source', async () => {
    const a = await commune('28907');
    const answer = await quantri.post<ErrorBody>('/api/org/admin-units/merge', {
      sourceIds: [a.id],
      successor: { code: newUnitCode(), name: 'Phường Một Mình' },
      effectiveDate: '2027-01-01',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['sourceIds']);
    expect((await commune('28907')).effective_to).toBeNull();
  });
});
