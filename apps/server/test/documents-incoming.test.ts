import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IncomingDocument,
  IncomingList,
  RegisterIncomingBody,
  RegisteredIncoming,
} from '@tinhso/contracts';
import { registerIncoming } from '../src/modules/documents/register-incoming.ts';
import { yearInVietnam } from '../src/modules/documents/numbering.ts';
import { agencyOf, uploadPdf } from './dossier-fixtures.ts';
import { fieldsOf, otherClerk, type ErrorBody } from './documents-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// The register of incoming documents (sổ đăng ký văn bản đến, NĐ 30/2020 Art 22, Phụ lục IV; R-DOC-4):
// POST /api/documents/incoming, GET /api/documents/incoming, GET /api/documents/incoming/:id.

let t: TestApp;
let vanthu: TestClient;
let agencyId: string;
const year = yearInVietnam(new Date());

const register = (client: TestClient, body: Record<string, unknown>, headers?: Record<string, string>) =>
  client.post<RegisteredIncoming & ErrorBody>('/api/documents/incoming', body, headers);

const letter = {
  issuerName: 'Ủy ban nhân dân tỉnh Đồng Tháp',
  issuerCode: '000.00.00.H20',
  numberSymbol: '1234/UBND-VP',
  issuedOn: `${year}-01-02`,
  typeCode: 'cong_van',
  summary: 'Về việc triển khai chuyển đổi số trong cơ quan nhà nước',
  urgency: 'khan',
  confidentiality: 'thuong',
  receivedAt: `${year}-01-05T08:30:00+07:00`,
  pages: 3,
};

async function count(table: 'incoming_document' | 'audit_event', type?: string) {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(type !== undefined, (q) => q.where('type' as never, '=', type as never))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp();
  vanthu = await t.signedIn('vanthu');
  agencyId = (await agencyOf(t, 'vanthu')).id;
});
afterAll(async () => t?.close());

describe('registering an incoming document', () => {
  it('gives số đến 1, 2 … in the agency’s series, keeps the scan and audits the registration', async () => {
    const scanFileId = await uploadPdf(vanthu, 'cong-van-1234.pdf');
    const first = await register(vanthu, { ...letter, scanFileId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      agencyId,
      year,
      arrivalNumber: 1,
      receivedAt: new Date(letter.receivedAt).toISOString(),
      issuerCode: '000.00.00.H20',
      numberSymbol: '1234/UBND-VP',
      issuedOn: letter.issuedOn,
      typeCode: 'cong_van',
      typeName: 'Công văn',
      urgency: 'khan',
      confidentiality: 'thuong',
      isSecret: false,
      pages: 3,
      scanFileId,
      possibleDuplicates: [],
    });
    const file = await t.database.db
      .selectFrom('stored_file')
      .select(['attached_kind', 'attached_id'])
      .where('id', '=', scanFileId)
      .executeTakeFirstOrThrow();
    expect(file).toEqual({ attached_kind: 'incoming_document', attached_id: first.body.id });
    const event = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'agency_id', 'data'])
      .where('type', '=', 'document.incoming_registered')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entity_id: first.body.id, agency_id: agencyId });
    expect(event.data).toMatchObject({ arrivalNumber: 1, numberSymbol: '1234/UBND-VP', scanFileId });

    const secret = await register(vanthu, {
      ...letter,
      numberSymbol: '15/QĐ-UBND',
      typeCode: 'quyet_dinh',
      summary: 'Quyết định về công tác bảo vệ bí mật nhà nước',
      confidentiality: 'mat',
      urgency: 'hoa_toc',
    });
    expect(secret.status).toBe(201);
    expect(secret.body).toMatchObject({ arrivalNumber: 2, isSecret: true, pages: 3, scanFileId: null });
    const read = await vanthu.get<IncomingDocument>(`/api/documents/incoming/${first.body.id}`);
    expect(read.status).toBe(200);
    const { possibleDuplicates, ...record } = first.body;
    expect(possibleDuplicates).toEqual([]);
    expect(read.body).toEqual(record);
  });

  it('answers 400 naming each bad field of the form', async () => {
    const before = await count('incoming_document');
    const bad = await register(vanthu, {
      issuerName: '',
      issuerCode: 'H20',
      numberSymbol: 'x'.repeat(43),
      issuedOn: '02/01/2026',
      typeCode: 'cong_van',
      summary: 'Về việc',
      urgency: 'gap',
      pages: 0,
      receivedAt: 'hôm nay',
      note: 'trường lạ',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'confidentiality',
      'issuedOn',
      'issuerCode',
      'issuerName',
      'note',
      'numberSymbol',
      'pages',
      'receivedAt',
      'urgency',
    ]);
    expect(bad.body.message).toContain('issuerName');
    expect(await count('incoming_document')).toBe(before);
  });

  it('answers 400 for what only the database knows: type, dates, the scan', async () => {
    const png = await vanthu.upload<{ id: string }>('/api/files', {
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      name: 'anh.png',
      type: 'image/png',
    });
    expect(png.status).toBe(201);
    const future = await register(vanthu, {
      ...letter,
      typeCode: 'sac_lenh',
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
      scanFileId: png.body.id,
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future.body)).toEqual(['receivedAt', 'scanFileId', 'typeCode']);
    const beforeIssue = await register(vanthu, { ...letter, issuedOn: `${year}-01-06` });
    expect(fieldsOf(beforeIssue.body)).toEqual(['issuedOn']);
    const chuyenvien = await t.signedIn('chuyenvien');
    const othersScan = await uploadPdf(chuyenvien);
    const notMine = await register(vanthu, { ...letter, scanFileId: othersScan });
    expect(fieldsOf(notMine.body)).toEqual(['scanFileId']);
    const max = await t.database.db
      .selectFrom('document_series')
      .select('last_number')
      .where('agency_id', '=', agencyId)
      .where('register', '=', 'incoming')
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect(max.last_number).toBe(2);
  });

  it('acts once per Idempotency-Key: the retry answers the same document and registers nothing new', async () => {
    const key = `incoming-${Date.now()}`;
    const body = {
      ...letter,
      numberSymbol: '77/TB-SNV',
      typeCode: 'thong_bao',
      summary: 'Thông báo lịch họp',
      scanFileId: await uploadPdf(vanthu, 'thong-bao-77.pdf'),
    };
    const registered = await count('audit_event', 'document.incoming_registered');
    const [first, retry] = await Promise.all([
      register(vanthu, body, { 'idempotency-key': key }),
      register(vanthu, body, { 'idempotency-key': key }),
    ]);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(first.body.arrivalNumber).toBe(3);
    const later = await register(vanthu, body, { 'idempotency-key': key });
    expect(later.body.id).toBe(first.body.id);
    expect(await count('audit_event', 'document.incoming_registered')).toBe(registered + 1);
    const other = await register(vanthu, { ...body, pages: 9 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
  });

  it('is refused to an official without document.register, who may still read the register', async () => {
    const chuyenvien = await t.signedIn('chuyenvien');
    expect((await register(chuyenvien, letter)).status).toBe(403);
    // Specialists read their agency's register to handle what they are given (migration 0018).
    expect((await chuyenvien.get('/api/documents/incoming')).status).toBe(200);
    const motcua = await t.signedIn('motcua');
    expect((await motcua.get('/api/documents/incoming')).status).toBe(403);
  });
});

describe('another agency', () => {
  it('neither sees nor registers into this agency’s register: 404, and an empty list', async () => {
    const other = await otherClerk(t, agencyId);
    const clerk = await t.signedIn(other.username);
    const ours = await vanthu.get<IncomingList>('/api/documents/incoming');
    const id = ours.body.items[0]!.id;
    const read = await clerk.get<ErrorBody>(`/api/documents/incoming/${id}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('not_found');
    const list = await clerk.get<IncomingList>('/api/documents/incoming');
    expect(list.body).toEqual({ items: [], total: 0 });
    const into = await register(clerk, { ...letter, agencyId });
    expect(into.status).toBe(404);
    const theirs = await register(clerk, letter);
    expect(theirs.status).toBe(201);
    expect(theirs.body).toMatchObject({ agencyId: other.agencyId, arrivalNumber: 1 });
    const giamdoc = await t.signedIn('giamdoc');
    const leaderList = await giamdoc.get<IncomingList>('/api/documents/incoming');
    expect(leaderList.body.items.map((item) => item.agencyId)).toEqual(Array(3).fill(agencyId));
  });
});

describe('the register', () => {
  const search = async (query: string) => {
    const answer = await vanthu.get<IncomingList>(`/api/documents/incoming?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  it('lists latest số đến first and finds words with or without diacritics', async () => {
    const all = await search('');
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.arrivalNumber)).toEqual([3, 2, 1]);
    for (const q of ['chuyển đổi số', 'chuyen doi so', 'CHUYEN DOI', 'Chuyển Đổi']) {
      const found = await search(`q=${encodeURIComponent(q)}`);
      expect(
        found.items.map((item) => item.arrivalNumber),
        q,
      ).toEqual([1]);
    }
    expect(
      (await search(`q=${encodeURIComponent('bi mat nha nuoc')}`)).items.map((i) => i.arrivalNumber),
    ).toEqual([2]);
    expect((await search(`q=${encodeURIComponent('77/TB')}`)).items.map((i) => i.arrivalNumber)).toEqual([3]);
    expect((await search(`q=${encodeURIComponent('dong thap')}`)).total).toBe(3);
    expect((await search(`q=${encodeURIComponent('100%')}`)).total).toBe(0);
  });

  it('filters by year, type and days of receipt (Vietnam time)', async () => {
    expect((await search(`year=${year}&typeCode=quyet_dinh`)).items.map((i) => i.arrivalNumber)).toEqual([2]);
    expect((await search(`year=${year - 1}`)).total).toBe(0);
    expect((await search(`from=${year}-01-05&to=${year}-01-05`)).total).toBe(3);
    expect((await search(`from=${year}-01-06`)).total).toBe(0);
    expect((await search(`to=${year}-01-04`)).total).toBe(0);
    const bad = await vanthu.get<ErrorBody>('/api/documents/incoming?from=5-1-2026&year=1999');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['from', 'year']);
  });
});

describe('after registration', () => {
  const firstLetter = async () => {
    const list = await vanthu.get<IncomingList>(
      `/api/documents/incoming?q=${encodeURIComponent('chuyen doi so')}`,
    );
    // The first entry (số đến 1, with its scan); later tests register the same letter again.
    return list.body.items.find((item) => item.arrivalNumber === 1)!;
  };

  it('serves the scan to readers of the register, and 404 to another agency or without a scan', async () => {
    const first = await firstLetter();
    const response = await fetch(`${vanthu.baseUrl}/api/documents/incoming/${first.id}/scan`, {
      headers: { cookie: vanthu.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('cong-van-1234.pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const secret = (await vanthu.get<IncomingList>(`/api/documents/incoming?typeCode=quyet_dinh`)).body
      .items[0]!;
    expect((await vanthu.get(`/api/documents/incoming/${secret.id}/scan`)).status).toBe(404);
    const other = await t.signedIn((await otherClerk(t, agencyId)).username);
    expect((await other.get(`/api/documents/incoming/${first.id}/scan`)).status).toBe(404);
  });

  it('warns of an entry with the same number and symbol from the same issuer, and registers it still', async () => {
    const first = await firstLetter();
    const again = await register(vanthu, {
      ...letter,
      issuerCode: undefined,
      issuerName: 'UỶ BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      numberSymbol: ' 1234 / UBND-VP',
      receivedAt: `${year}-01-06T09:00:00+07:00`,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.arrivalNumber).toBe(4);
    expect(again.body.possibleDuplicates).toEqual([{ id: first.id, year, arrivalNumber: 1 }]);
    const otherIssuer = await register(vanthu, {
      ...letter,
      issuerCode: '000.05.00.H20',
      issuerName: 'Sở Tư pháp',
      receivedAt: `${year}-01-06T09:00:00+07:00`,
    });
    expect(otherIssuer.body.possibleDuplicates).toEqual([]);
  });

  it('refuses a scan already attached to another entry, naming scanFileId, and gives the number back', async () => {
    const first = await firstLetter();
    const reused = await register(vanthu, { ...letter, scanFileId: first.scanFileId });
    expect(reused.status).toBe(400);
    expect(fieldsOf(reused.body)).toEqual(['scanFileId']);
    // The same refusal inside the transaction, as when two registrations race for one scan.
    const before = await seriesNumber();
    const accountId = first.registeredBy;
    await expect(
      t.database.db.transaction().execute((tx) =>
        registerIncoming(tx, {
          agencyId,
          body: { ...letter, scanFileId: first.scanFileId! } as RegisterIncomingBody,
          accountId,
          actor: { accountId, label: 'test', correlationId: null },
          now: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'scanFileId.0' }] });
    expect(await seriesNumber()).toBe(before);
  });
});

async function seriesNumber() {
  const row = await t.database.db
    .selectFrom('document_series')
    .select('last_number')
    .where('agency_id', '=', agencyId)
    .where('register', '=', 'incoming')
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return row.last_number;
}
