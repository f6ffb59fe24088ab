import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proceduresToCsv } from '../src/modules/procedures/csv.ts';
import { demoCatalogue } from '../src/modules/procedures/demo/catalogue.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

type ErrorBody = { code: string; message: string; issues?: { field: string; message: string }[] };
type Summary = { code: string; name: string; sectorCode: string; levels: string[]; version: number };
type Version = {
  code: string;
  version: number;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  deadline: { value: number; unit: string };
  components: unknown[];
  cutOffTime: string;
};
type List<T> = { items: T[]; total: number };

const fieldsOf = (body: unknown) => ((body as ErrorBody).issues ?? []).map((issue) => issue.field);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const demo = (code: string) => structuredClone(demoCatalogue.find((item) => item.code === code)!);
/** A valid new procedure built from the birth registration, under another code. */
const newProcedure = (code: string, changes: Record<string, unknown> = {}) => ({
  ...demo('1.001193'),
  code,
  name: `Thủ tục thử nghiệm ${code}`,
  effectiveFrom: today,
  ...changes,
});
const codes = (body: unknown) => (body as List<Summary>).items.map((item) => item.code);

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signedIn('quantri');
});
afterAll(() => t.close());

describe('public search of the catalogue', () => {
  it('finds a procedure by its name with or without diacritics, in any case, and by code', async () => {
    const anonymous = t.client();
    const accented = await anonymous.get<List<Summary>>(
      `/api/procedures?q=${encodeURIComponent('đăng ký khai sinh')}`,
    );
    expect(accented.status).toBe(200);
    expect(codes(accented.body)).toContain('1.001193');
    const plain = await anonymous.get('/api/procedures?q=DANG%20KY%20KHAI%20SINH');
    expect(codes(plain.body)).toEqual(codes(accented.body));
    expect(codes((await anonymous.get('/api/procedures?q=ho%20kinh%20doanh')).body)).toEqual(
      expect.arrayContaining(['2.000720', '2.000575', '2.000576']),
    );
    expect(codes((await anonymous.get('/api/procedures?q=1.00119')).body)).toEqual(['1.001193']);
    expect(
      (await anonymous.get<List<Summary>>('/api/procedures?q=khong%20co%20thu%20tuc%20nay')).body,
    ).toEqual({
      items: [],
      total: 0,
    });
  });

  it('filters by sector and by level', async () => {
    const anonymous = t.client();
    const residence = await anonymous.get<List<Summary>>('/api/procedures?sector=cu-tru');
    expect(residence.body.items.map((item) => item.code).sort()).toEqual(['1.004194', '1.004222']);
    const province = await anonymous.get<List<Summary>>('/api/procedures?level=province&limit=200');
    expect(province.body.items.length).toBeGreaterThan(0);
    expect(province.body.items.every((item) => item.levels.includes('province'))).toBe(true);
    expect(codes(province.body)).not.toContain('1.001193');
    expect((await anonymous.get('/api/procedures?level=district')).status).toBe(400);
  });

  it('reads one procedure with its components, deadline and cut-off; an unknown code answers 404', async () => {
    const anonymous = t.client();
    const birth = await anonymous.get<Version>('/api/procedures/1.001193');
    expect(birth.status).toBe(200);
    expect(birth.body).toMatchObject({
      code: '1.001193',
      version: 1,
      status: 'published',
      deadline: { value: 1, unit: 'working_day' },
      cutOffTime: '15:00',
      onlineLevel: 'toan_trinh',
    });
    expect(birth.body.components.length).toBeGreaterThan(1);
    const record = await anonymous.get<Version>('/api/procedures/2.000488');
    expect(record.body).toMatchObject({ competentAgencyKind: 'so', competentAgencyCode: '000.00.05.H20' });
    expect(birth.body).toMatchObject({ competentAgencyKind: 'ubnd_xa', competentAgencyCode: null });
    expect((await anonymous.get('/api/procedures/9.999999')).status).toBe(404);
    expect(fieldsOf((await anonymous.get('/api/procedures/not-a-code')).body)).toEqual(['code']);
  });
});

describe('checking a filled-in form', () => {
  it('answers ok for valid data and 400 naming every failing field otherwise, in the caller’s language', async () => {
    const anonymous = t.client();
    const valid = await anonymous.post('/api/procedures/1.000656/form-check', {
      data: {
        nguoiYeuCau: { hoTen: 'Trần Văn B', soDinhDanh: '001190000002' },
        nguoiChet: { hoTen: 'Trần Văn C' },
        ngayChet: '2026-11-20',
      },
    });
    expect(valid.status).toBe(200);
    const invalid = await anonymous.post('/api/procedures/1.000656/form-check', {
      data: { nguoiYeuCau: { hoTen: 'Trần Văn B', soDinhDanh: '12' }, ngayChet: 'hôm qua' },
    });
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid.body).sort()).toEqual([
      'data.ngayChet',
      'data.nguoiChet',
      'data.nguoiYeuCau.soDinhDanh',
    ]);
    expect((invalid.body as ErrorBody).message).toContain('12 chữ số');
    expect((await anonymous.post('/api/procedures/9.999999/form-check', { data: {} })).status).toBe(404);
  });
});

describe('versions', () => {
  it('keeps today’s version in force when a future version is published, and answers it asOf its date', async () => {
    const from = addDays(today, 30);
    const added = await admin.post<Version>('/api/procedures/1.004873/versions', {
      ...demo('1.004873'),
      code: undefined,
      effectiveFrom: from,
      deadline: { value: 5, unit: 'working_day' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ version: 2, status: 'draft', effectiveFrom: from });
    // A draft changes nothing anyone sees.
    expect((await t.client().get<Version>(`/api/procedures/1.004873?asOf=${from}`)).body.version).toBe(1);

    const published = await admin.post<Version>('/api/procedures/1.004873/versions/2/publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 2, status: 'published', effectiveTo: null });

    const anonymous = t.client();
    const now = await anonymous.get<Version>('/api/procedures/1.004873');
    expect(now.body).toMatchObject({ version: 1, effectiveTo: from, deadline: { value: 3 } });
    const dayBefore = await anonymous.get<Version>(`/api/procedures/1.004873?asOf=${addDays(from, -1)}`);
    expect(dayBefore.body.version).toBe(1);
    const later = await anonymous.get<Version>(`/api/procedures/1.004873?asOf=${from}`);
    expect(later.body).toMatchObject({ version: 2, deadline: { value: 5, unit: 'working_day' } });
    const listed = await anonymous.get<List<Summary>>('/api/procedures?q=1.004873');
    expect(listed.body.items[0]?.version).toBe(1);
    const listedLater = await anonymous.get<List<Summary>>(`/api/procedures?q=1.004873&asOf=${from}`);
    expect(listedLater.body.items[0]?.version).toBe(2);
  });

  it('refuses to publish twice, or to put a new version in force before the last one', async () => {
    expect((await admin.post('/api/procedures/1.004873/versions/2/publish')).status).toBe(409);
    const early = await admin.post<Version>('/api/procedures/1.004873/versions', {
      ...demo('1.004873'),
      code: undefined,
      effectiveFrom: addDays(today, 10),
    });
    expect(early.status).toBe(201);
    const refused = await admin.post(`/api/procedures/1.004873/versions/${early.body.version}/publish`);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['effectiveFrom']);
    const past = await admin.post<Version>('/api/procedures/2.000884/versions', {
      ...demo('2.000884'),
      code: undefined,
      effectiveFrom: addDays(today, -1),
    });
    expect((await admin.post(`/api/procedures/2.000884/versions/${past.body.version}/publish`)).status).toBe(
      400,
    );
    expect(
      (await admin.get<{ items: Version[] }>('/api/procedures/1.004873/versions')).body.items,
    ).toHaveLength(3);
  });
});

describe('racing publishes', () => {
  it('publishes one of two drafts for the same day and refuses the other, leaving one version open-ended', async () => {
    const from = addDays(today, 20);
    const drafts = await Promise.all(
      [1, 2].map(() =>
        admin.post<Version>('/api/procedures/1.004859/versions', {
          ...demo('1.004859'),
          code: undefined,
          effectiveFrom: from,
        }),
      ),
    );
    expect(drafts.map((draft) => draft.body.version).sort()).toEqual([2, 3]);
    const answers = await Promise.all(
      drafts.map((draft) => admin.post(`/api/procedures/1.004859/versions/${draft.body.version}/publish`)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    const versions = await admin.get<{ items: Version[] }>('/api/procedures/1.004859/versions');
    const open = versions.body.items.filter((v) => v.status === 'published' && v.effectiveTo === null);
    expect(open).toHaveLength(1);
  });
});

describe('creating a procedure', () => {
  it('creates a draft that the public sees only once published, audited', async () => {
    const fees = { fixed: null, byCase: [], exemptions: [] };
    const created = await admin.post<Version>('/api/procedures', newProcedure('9.000001', { fees }));
    expect(created.status).toBe(201);
    // An unknown fee stays unknown: null is not coerced to 0 (free) on the way in.
    expect(created.body).toMatchObject({ code: '9.000001', version: 1, status: 'draft', fees });
    expect((await t.client().get('/api/procedures/9.000001')).status).toBe(404);
    expect((await admin.post('/api/procedures/9.000001/versions/1/publish')).status).toBe(200);
    expect((await t.client().get<Version>('/api/procedures/9.000001')).body.version).toBe(1);
    expect((await admin.post('/api/procedures', newProcedure('9.000001'))).status).toBe(409);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'data'])
      .where('type', 'in', ['procedure.created', 'procedure_version.published'])
      .where('data', '@>', JSON.stringify({ code: '9.000001' }))
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.type)).toEqual(['procedure.created', 'procedure_version.published']);
  });

  it('refuses step budgets beyond the deadline, một phần without justification and a non-schema form, naming each field', async () => {
    const base = demo('1.001193');
    const refused = await admin.post('/api/procedures', {
      ...newProcedure('9.000002'),
      steps: [
        ...base.steps,
        { name: 'Thêm', role: 'van_thu', unit: 'Văn thư', budget: { value: 1, unit: 'half_day' } },
      ],
      onlineLevel: 'mot_phan',
      form: { type: 'string' },
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body).sort()).toEqual(['form', 'motPhanJustification', 'steps']);
    expect((refused.body as ErrorBody).message).toContain('12');
    expect((await t.client().get('/api/procedures/9.000002')).status).toBe(404);
    const calendarDays = await admin.post('/api/procedures', {
      ...newProcedure('9.000003'),
      deadline: { value: 1, unit: 'calendar_day' },
    });
    expect(fieldsOf(calendarDays.body)).toEqual(['steps']);
    const badAgency = await admin.post('/api/procedures', {
      ...newProcedure('9.000005'),
      competentAgencyCode: 'Sở Tư pháp',
    });
    expect(fieldsOf(badAgency.body)).toEqual(['competentAgencyCode']);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, acting once', async () => {
    const headers = { 'idempotency-key': 'procedure-create-9.000004' };
    const first = await admin.post<Version>('/api/procedures', newProcedure('9.000004'), headers);
    const again = await admin.post<Version>('/api/procedures', newProcedure('9.000004'), headers);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });
});

describe('who may maintain the catalogue', () => {
  it('answers 401 without a session and 403 without procedure.manage', async () => {
    const anonymous = t.client();
    expect((await anonymous.post('/api/procedures', newProcedure('9.000010'))).status).toBe(401);
    expect((await anonymous.get('/api/procedures/1.001193/versions')).status).toBe(401);
    expect((await anonymous.post('/api/procedures/import', [newProcedure('9.000010')])).status).toBe(401);
    const leader = await t.signedIn('lanhdao');
    expect((await leader.post('/api/procedures', newProcedure('9.000010'))).status).toBe(403);
    expect((await leader.post('/api/procedures/1.001193/versions/1/publish')).status).toBe(403);
    expect((await leader.get('/api/procedures/1.001193/versions')).status).toBe(403);
    expect((await leader.post('/api/procedures/import', [newProcedure('9.000010')])).status).toBe(403);
    expect((await t.client().get('/api/procedures/9.000010')).status).toBe(404);
  });
});

describe('import', () => {
  it('keeps nothing when one item fails, and names every failing item', async () => {
    const answer = await admin.post('/api/procedures/import', [
      newProcedure('9.000020'),
      newProcedure('9.000021', { onlineLevel: 'mot_phan' }),
      newProcedure('9.000020'),
    ]);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['1.motPhanJustification', '2.code']);
    const stored = await t.database.db
      .selectFrom('procedure')
      .select('code')
      .where('code', 'in', ['9.000020', '9.000021'])
      .execute();
    expect(stored).toEqual([]);
  });

  it('creates new codes, versions changed ones and leaves unchanged ones, reporting each, audited', async () => {
    const from = addDays(today, 60);
    const changed = { ...demo('1.000656'), effectiveFrom: from, deadline: { value: 2, unit: 'working_day' } };
    const answer = await admin.post<{ items: unknown[] }>('/api/procedures/import', [
      newProcedure('9.000030'),
      demo('2.000908'),
      changed,
    ]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items).toEqual([
      { code: '9.000030', outcome: 'created', version: 1 },
      { code: '2.000908', outcome: 'unchanged', version: 1 },
      { code: '1.000656', outcome: 'new_version', version: 2 },
    ]);
    const anonymous = t.client();
    expect((await anonymous.get<Version>('/api/procedures/9.000030')).body.status).toBe('published');
    expect((await anonymous.get<Version>('/api/procedures/1.000656')).body.version).toBe(1);
    expect((await anonymous.get<Version>(`/api/procedures/1.000656?asOf=${from}`)).body.version).toBe(2);
    const imported = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('type', '=', 'procedure.imported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(imported.data).toEqual({
      created: ['9.000030'],
      newVersions: ['1.000656'],
      unchanged: ['2.000908'],
    });
  });

  it('imports a CSV file the same way, and refuses a broken one keeping nothing', async () => {
    const csv = proceduresToCsv([newProcedure('9.000040'), newProcedure('9.000041')] as typeof demoCatalogue);
    // The harness sends JSON; a CSV file goes with the client's session cookie and CSRF token by hand.
    const send = async (body: string, client = admin) => {
      const response = await fetch(`${t.baseUrl}/api/procedures/import/csv`, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          cookie: client.cookie,
          'x-csrf-token': client.csrfToken,
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as { items: unknown[] } };
    };
    const broken = await send(csv.replace('9.000041', '9.00004x'));
    expect(broken.status).toBe(400);
    expect(fieldsOf(broken.body)).toEqual(['1.code']);
    expect((await t.client().get('/api/procedures/9.000040')).status).toBe(404);
    const answer = await send(csv);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { code: '9.000040', outcome: 'created', version: 1 },
      { code: '9.000041', outcome: 'created', version: 1 },
    ]);
    expect((await t.client().get<Version>('/api/procedures/9.000041')).body.status).toBe('published');
    expect((await send(csv, await t.signedIn('lanhdao'))).status).toBe(403);
  });
});

describe('documentation', () => {
  it('lists every catalogue endpoint in the OpenAPI document', async () => {
    const doc = await t.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/procedures',
        '/api/procedures/{code}',
        '/api/procedures/{code}/versions',
        '/api/procedures/{code}/versions/{version}/publish',
        '/api/procedures/{code}/form-check',
        '/api/procedures/import',
        '/api/procedures/import/csv',
      ]),
    );
  });
});
