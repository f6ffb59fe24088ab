import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

type ErrorBody = { code: string; message: string; issues?: { field: string }[]; correlationId: string };
type Appointment = { id: string; agencyId: string; kind: string; startsOn: string; endsOn: string | null };
type Official = { id: string; fullName: string; username: string | null; appointments: Appointment[] };
type List<T> = { items: T[]; total: number };

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const TU_PHAP = '000.00.05.H20';
const UBND_TINH = '000.00.00.H20';
const PASSWORD = 'Abc12345!x';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const UUID = expect.stringMatching(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/) as unknown;
const fieldsOf = (body: unknown) => ((body as ErrorBody).issues ?? []).map((issue) => issue.field);

let t: TestApp;
let quantri: TestClient;
const agencyIds = new Map<string, string>();
let serial = 0;
const next = () => ++serial;

beforeAll(async () => {
  t = await startTestApp();
  quantri = await t.signedIn('quantri');
  for (const row of await t.database.db.selectFrom('agency').select(['id', 'code']).execute())
    agencyIds.set(row.code, row.id);
});
afterAll(() => t.close());

/** A new agency (a sở under UBND tỉnh unless a parent is given), made through the API as quantri. */
async function newAgency(parentId = agencyIds.get(UBND_TINH)): Promise<string> {
  const code = `${String(next()).padStart(3, '0')}.88.00.K02`;
  const answer = await quantri.post<{ id: string }>('/api/org/agencies', {
    code,
    name: `Cơ quan thử nghiệm ${code}`,
    kind: parentId === agencyIds.get(UBND_TINH) ? 'so' : 'khac',
    level: 'province',
    parentId,
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

async function newPosition(agencyId: string, positionType: string): Promise<string> {
  const title = `Vị trí ${positionType}`;
  const answer = await quantri.post<{ id: string }>('/api/org/positions', { agencyId, positionType, title });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

async function newOfficial(appointment?: Record<string, unknown>): Promise<Official> {
  const username = `cb.thu.${next()}`;
  const answer = await quantri.post<Official>('/api/org/officials', {
    fullName: `Cán bộ Thử ${username}`,
    username,
    initialPassword: PASSWORD,
    ...(appointment ? { appointment } : {}),
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Signs a new official in and replaces the initial password, which holds no permission until changed. */
async function signIn(username: string): Promise<TestClient> {
  const client = t.client();
  expect((await client.login(username, PASSWORD)).body.status).toBe('signed_in');
  const changed = await client.post('/api/auth/password', {
    currentPassword: PASSWORD,
    newPassword: 'Xyz98765!q',
  });
  expect(changed.status).toBe(200);
  return client;
}

const permissionsOf = async (client: TestClient) =>
  (await client.get<{ permissions: string[] }>('/api/auth/session')).body.permissions;
const agenciesOf = async (client: TestClient) => {
  const answer = await client.get<List<{ id: string }>>('/api/org/agencies?limit=200');
  expect(answer.status).toBe(200);
  return answer.body.items.map((agency) => agency.id).sort();
};
const count = async (table: 'account' | 'official' | 'audit_event' | 'appointment') => {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('officials in scope', () => {
  it('lists to chuyenvien exactly the people with posts in Sở Tư pháp', async () => {
    const chuyenvien = await t.signedIn('chuyenvien');
    const answer = await chuyenvien.get<List<Official>>('/api/org/officials?limit=200');
    expect(answer.status).toBe(200);
    const tuPhap = agencyIds.get(TU_PHAP);
    const expected = await t.database.db
      .selectFrom('appointment')
      .innerJoin('position', 'position.id', 'appointment.position_id')
      .select('appointment.official_id')
      .distinct()
      .where('position.agency_id', '=', tuPhap!)
      .execute();
    expect(answer.body.total).toBe(expected.length);
    expect(answer.body.items.map((official) => official.id).sort()).toEqual(
      expected.map((row) => row.official_id).sort(),
    );
    for (const official of answer.body.items) {
      expect(
        official.appointments.some((appointment) => appointment.agencyId === tuPhap),
        official.fullName,
      ).toBe(true);
    }
    expect(answer.body.items.map((official) => official.username)).toEqual(
      expect.arrayContaining(['chuyenvien', 'giamdoc', 'vanthu']),
    );
  });

  it('answers 404 to chuyenvien for an official of another agency, as for a missing id', async () => {
    const chuyenvien = await t.signedIn('chuyenvien');
    const lanhdao = await t.database.db
      .selectFrom('official')
      .innerJoin('account', 'account.id', 'official.account_id')
      .select('official.id')
      .where('account.username', '=', 'lanhdao')
      .executeTakeFirstOrThrow();
    const hidden = await chuyenvien.get<ErrorBody>(`/api/org/officials/${lanhdao.id}`);
    const missing = await chuyenvien.get<ErrorBody>(`/api/org/officials/${MISSING_ID}`);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...hidden.body, correlationId: '' }).toEqual({ ...missing.body, correlationId: '' });
    const seen = await quantri.get<Official>(`/api/org/officials/${lanhdao.id}`);
    expect([seen.status, seen.body.username]).toEqual([200, 'lanhdao']);
  });
});

describe('creating officials', () => {
  it('creates an official with an account and a first appointment', async () => {
    const agency = await newAgency();
    const positionId = await newPosition(agency, 'chuyen_vien');
    const answer = await quantri.post<Official>('/api/org/officials', {
      fullName: 'Trần Văn Thử',
      email: 'tran.van.thu@dongthap.gov.vn',
      phone: '0100000001',
      username: 'tran.van.thu',
      initialPassword: PASSWORD,
      appointment: { positionId, kind: 'primary', startsOn: '2026-01-05' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: UUID,
      fullName: 'Trần Văn Thử',
      email: 'tran.van.thu@dongthap.gov.vn',
      phone: '0100000001',
      username: 'tran.van.thu',
      lockedUntil: null,
      lastSignInAt: null,
      appointments: [
        {
          id: UUID,
          officialId: answer.body.id,
          positionId,
          agencyId: agency,
          title: 'Vị trí chuyen_vien',
          kind: 'primary',
          startsOn: '2026-01-05',
          endsOn: null,
        },
      ],
    });
    const account = await t.database.db
      .selectFrom('account')
      .innerJoin('official', 'official.account_id', 'account.id')
      .select(['official.id', 'account.kind', 'account.must_change_password'])
      .where('account.username', '=', 'tran.van.thu')
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ id: answer.body.id, kind: 'official', must_change_password: true });
  });

  it('writes nothing when the appointment names a position that does not exist', async () => {
    const counts = () =>
      Promise.all([count('account'), count('official'), count('audit_event'), count('appointment')]);
    const before = await counts();
    const answer = await quantri.post<ErrorBody>('/api/org/officials', {
      fullName: 'Người Không Được Tạo',
      username: 'khong.duoc.tao',
      initialPassword: PASSWORD,
      appointment: { positionId: MISSING_ID, kind: 'primary', startsOn: '2026-01-05' },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['appointment.positionId']);
    expect(await counts()).toEqual(before);
    const account = t.database.db.selectFrom('account').select('id').where('username', '=', 'khong.duoc.tao');
    expect(await account.execute()).toEqual([]);
  });

  it('does not let an agency administrator make themselves a province-wide system administrator', async () => {
    const tuPhap = agencyIds.get(TU_PHAP)!;
    const chanhVanPhong = await t.database.db
      .selectFrom('official')
      .innerJoin('account', 'account.id', 'official.account_id')
      .innerJoin('appointment', 'appointment.official_id', 'official.id')
      .innerJoin('position', 'position.id', 'appointment.position_id')
      .select(['official.id', 'account.username'])
      .where('position.agency_id', '=', tuPhap)
      .where('position.position_type', '=', 'chanh_van_phong')
      .executeTakeFirstOrThrow();
    const admin = await t.signedIn(chanhVanPhong.username); // agency_admin over the subtree of Sở Tư pháp
    const held = await permissionsOf(admin);
    expect(held).toContain('official.manage');
    // A post in the administrator's own sở whose type grants system_admin, reaching the whole province.
    const positionId = await newPosition(tuPhap, 'quan_tri_he_thong');
    const answer = await admin.post<ErrorBody>(`/api/org/officials/${chanhVanPhong.id}/appointments`, {
      positionId,
      kind: 'concurrent',
      startsOn: '2026-01-01',
    });
    const appointed = await t.database.db
      .selectFrom('appointment')
      .select('id')
      .where('position_id', '=', positionId)
      .execute();
    expect(await permissionsOf(admin)).toEqual(held);
    expect(appointed).toEqual([]);
    expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
  });

  it('refuses giamdoc (a leader without official.manage) creating an official', async () => {
    const giamdoc = await t.signedIn('giamdoc');
    const before = await count('official');
    const answer = await giamdoc.post<ErrorBody>('/api/org/officials', {
      fullName: 'Không Có Quyền',
      username: 'khong.co.quyen',
      initialPassword: PASSWORD,
    });
    expect([answer.status, answer.body.code]).toEqual([403, 'forbidden']);
    expect(await count('official')).toBe(before);
  });
});

describe('permissions follow positions', () => {
  it('grants a Giám đốc the leader role over the sở’s subtree until the appointment ends', async () => {
    const so = await newAgency();
    const below = await newAgency(so);
    const official = await newOfficial({
      positionId: await newPosition(so, 'giam_doc'),
      kind: 'primary',
      startsOn: '2026-01-01',
    });
    const client = await signIn(official.username!);
    expect(await permissionsOf(client)).toEqual([
      'audit.read',
      'document.instruct',
      'document.read',
      'document.sign',
      'dossier.approve',
      'dossier.process',
      'dossier.read',
      'dossier.stats',
      'official.read',
      'org.read',
      'role.read',
      'workspace.access',
    ]);
    expect(await agenciesOf(client)).toEqual([so, below].sort());

    const appointmentId = official.appointments[0]!.id;
    const ended = await quantri.post<Appointment>(`/api/org/appointments/${appointmentId}/end`, {
      endsOn: today,
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: appointmentId, startsOn: '2026-01-01', endsOn: today });
    const row = await t.database.db
      .selectFrom('appointment')
      .select('ends_on')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(row.ends_on).toBe(today);

    const session = await client.get<{ permissions: string[] }>('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.permissions).not.toContain('workspace.access');
    expect(session.body.permissions).toEqual([]);
    const agencies = await client.get<ErrorBody>('/api/org/agencies');
    expect([agencies.status, agencies.body.code]).toEqual([403, 'forbidden']);
  });

  it('adds the permissions of a concurrent position to those of the primary one', async () => {
    const [first, second] = [await newAgency(), await newAgency()];
    const official = await newOfficial({
      positionId: await newPosition(first, 'chuyen_vien'),
      kind: 'primary',
      startsOn: '2026-01-01',
    });
    const client = await signIn(official.username!);
    expect(await permissionsOf(client)).toEqual([
      'document.handle',
      'document.read',
      'dossier.process',
      'dossier.read',
      'official.read',
      'org.read',
      'workspace.access',
    ]);
    expect(await agenciesOf(client)).toEqual([first]);
    expect((await client.get('/api/org/roles')).status).toBe(403);

    const concurrent = await quantri.post<Appointment>(`/api/org/officials/${official.id}/appointments`, {
      positionId: await newPosition(second, 'giam_doc'),
      kind: 'concurrent',
      startsOn: '2026-02-01',
    });
    expect(concurrent.status).toBe(201);
    expect(concurrent.body).toMatchObject({
      officialId: official.id,
      agencyId: second,
      kind: 'concurrent',
      endsOn: null,
    });
    expect(await permissionsOf(client)).toEqual([
      'audit.read',
      'document.handle',
      'document.instruct',
      'document.read',
      'document.sign',
      'dossier.approve',
      'dossier.process',
      'dossier.read',
      'dossier.stats',
      'official.read',
      'org.read',
      'role.read',
      'workspace.access',
    ]);
    expect(await agenciesOf(client)).toEqual([first, second].sort());
    expect((await client.get('/api/org/roles')).status).toBe(200);
  });

  it('does not grant a position whose appointment starts in the future', async () => {
    const agency = await newAgency();
    const official = await newOfficial({
      positionId: await newPosition(agency, 'giam_doc'),
      kind: 'primary',
      startsOn: '2099-01-01',
    });
    const client = await signIn(official.username!);
    expect(await permissionsOf(client)).toEqual([]);
  });
});

describe('appointment rules', () => {
  it('answers 409 to a second primary appointment that overlaps the first', async () => {
    const agency = await newAgency();
    const official = await newOfficial({
      positionId: await newPosition(agency, 'chuyen_vien'),
      kind: 'primary',
      startsOn: '2026-01-01',
    });
    const answer = await quantri.post<ErrorBody>(`/api/org/officials/${official.id}/appointments`, {
      positionId: await newPosition(agency, 'truong_phong'),
      kind: 'primary',
      startsOn: '2026-03-01',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('conflict');
    expect(fieldsOf(answer.body)).toEqual(['kind']);
    const rows = await t.database.db
      .selectFrom('appointment')
      .select('id')
      .where('official_id', '=', official.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('accepts a primary appointment that starts on the day the previous one ends', async () => {
    const agency = await newAgency();
    const official = await newOfficial({
      positionId: await newPosition(agency, 'chuyen_vien'),
      kind: 'primary',
      startsOn: '2026-01-01',
      endsOn: '2026-03-01',
    });
    const answer = await quantri.post(`/api/org/officials/${official.id}/appointments`, {
      positionId: await newPosition(agency, 'truong_phong'),
      kind: 'primary',
      startsOn: '2026-03-01',
    });
    expect(answer.status).toBe(201);
  });

  it('answers 400 naming endsOn when an appointment would end before it starts', async () => {
    const agency = await newAgency();
    const official = await newOfficial({
      positionId: await newPosition(agency, 'chuyen_vien'),
      kind: 'primary',
      startsOn: '2026-05-01',
    });
    const appointing = await quantri.post<ErrorBody>(`/api/org/officials/${official.id}/appointments`, {
      positionId: await newPosition(agency, 'van_thu'),
      kind: 'concurrent',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect(appointing.status).toBe(400);
    expect(fieldsOf(appointing.body)).toEqual(['endsOn']);
    const appointmentId = official.appointments[0]!.id;
    const ending = await quantri.post<ErrorBody>(`/api/org/appointments/${appointmentId}/end`, {
      endsOn: '2026-04-30',
    });
    expect(ending.status).toBe(400);
    expect(fieldsOf(ending.body)).toEqual(['endsOn']);
    const rows = await t.database.db
      .selectFrom('appointment')
      .select('ends_on')
      .where('official_id', '=', official.id)
      .execute();
    expect(rows).toEqual([{ ends_on: null }]);
  });
});
