import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTypeList, OutgoingNumber, OutgoingNumberList } from '@tinhso/contracts';
import { issueNumber } from '../src/modules/documents/issue-number.ts';
import { yearInVietnam } from '../src/modules/documents/numbering.ts';
import { systemActor } from '../src/platform/access.ts';
import { agencyOf } from './dossier-fixtures.ts';
import { fieldsOf, otherClerk, type ErrorBody } from './documents-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// Document types and the numbers of outgoing documents (NĐ 30/2020 Art 7, 15; vn-norms R-DOC-1, R-DOC-2):
// GET /api/documents/types, POST/GET /api/documents/outgoing/numbers.

let t: TestApp;
let vanthu: TestClient;
let agencyId: string;
const year = yearInVietnam(new Date());

const issue = (client: TestClient, body: Record<string, unknown>, headers?: Record<string, string>) =>
  client.post<OutgoingNumber & ErrorBody>('/api/documents/outgoing/numbers', body, headers);
const decision = { typeCode: 'quyet_dinh', summary: 'Về việc thành lập Tổ công tác chuyển đổi số' };

async function seriesRow(register: 'outgoing' | 'incoming', forYear = year) {
  return t.database.db
    .selectFrom('document_series')
    .select('last_number')
    .where('agency_id', '=', agencyId)
    .where('register', '=', register)
    .where('year', '=', forYear)
    .executeTakeFirst();
}

beforeAll(async () => {
  t = await startTestApp();
  vanthu = await t.signedIn('vanthu');
  agencyId = (await agencyOf(t, 'vanthu')).id;
});
afterAll(async () => t?.close());

describe('document types', () => {
  it('lists the 29 types of NĐ 30/2020 in the decree’s order with the abbreviations of Phụ lục III', async () => {
    const answer = await vanthu.get<DocumentTypeList>('/api/documents/types');
    expect(answer.status).toBe(200);
    const items = answer.body.items;
    expect(items).toHaveLength(29);
    expect(items.map((type) => type.abbreviation)).toEqual([
      'NQ',
      'QĐ',
      'CT',
      'QC',
      'QyĐ',
      'TC',
      'TB',
      'HD',
      'CTr',
      'KH',
      'PA',
      'ĐA',
      'DA',
      'BC',
      'BB',
      'TTr',
      'HĐ',
      null,
      'CĐ',
      'BGN',
      'BTT',
      'GUQ',
      'GM',
      'GGT',
      'GNP',
      'PG',
      'PC',
      'PB',
      null,
    ]);
    expect(items[17]).toEqual({
      code: 'cong_van',
      nameVi: 'Công văn',
      abbreviation: null,
      symbolRule: 'agency_unit',
    });
    expect(items[28]).toMatchObject({ nameVi: 'Thư công', symbolRule: 'none' });
    expect(items.map((type) => type.nameVi)).toContain('Bản thỏa thuận');
  });

  it('is refused to an official without document.read and to nobody signed in', async () => {
    // The one-stop desk holds no document permission (staff read their agency's register, migration 0018).
    const desk = await t.signedIn('motcua');
    expect((await desk.get('/api/documents/types')).status).toBe(403);
    expect((await t.client().get('/api/documents/types')).status).toBe(401);
  });
});

describe('agency abbreviations (migration 0016)', () => {
  it('derives the demo agencies’ abbreviations from their short names', async () => {
    const rows = await t.database.db
      .selectFrom('agency')
      .select(['short_name', 'abbreviation', 'kind'])
      .execute();
    const byName = new Map(rows.map((row) => [row.short_name, row.abbreviation]));
    expect(
      Object.fromEntries(
        [
          'Ủy ban nhân dân tỉnh',
          'Văn phòng UBND tỉnh',
          'Sở Tư pháp',
          'Sở Nội vụ',
          'Sở Khoa học và Công nghệ',
          'Sở Giáo dục và Đào tạo',
          'Sở Văn hóa, Thể thao và Du lịch',
          'Thanh tra tỉnh',
          'Trung tâm Phục vụ hành chính công tỉnh',
        ].map((name) => [name, byName.get(name)]),
      ),
    ).toEqual({
      'Ủy ban nhân dân tỉnh': 'UBND',
      'Văn phòng UBND tỉnh': 'VPUBND',
      'Sở Tư pháp': 'STP',
      'Sở Nội vụ': 'SNV',
      'Sở Khoa học và Công nghệ': 'SKHCN',
      'Sở Giáo dục và Đào tạo': 'SGDĐT',
      'Sở Văn hóa, Thể thao và Du lịch': 'SVHTTDL',
      'Thanh tra tỉnh': 'TTr',
      'Trung tâm Phục vụ hành chính công tỉnh': 'TTPVHCC',
    });
    expect(rows.filter((row) => row.kind === 'ubnd_xa').every((row) => row.abbreviation === 'UBND')).toBe(
      true,
    );
  });
});

describe('numbers of outgoing documents', () => {
  it('issues 20 numbers at once as exactly 01..20, each audited, with the symbol of the agency', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        issue(vanthu, { ...decision, summary: `Quyết định ${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((answer) => answer.body.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const first = answers.find((answer) => answer.body.number === 5)!.body;
    expect(first).toMatchObject({ agencyId, year, symbol: 'QĐ-STP', numberSymbol: '05/QĐ-STP' });
    expect((await seriesRow('outgoing'))?.last_number).toBe(20);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where('type', '=', 'document.number_issued')
      .execute();
    expect(new Set(events.map((event) => event.entity_id))).toEqual(
      new Set(answers.map((answer) => answer.body.id)),
    );
  });

  it('builds a Công văn’s symbol from the agency and the unit, and names a missing unit', async () => {
    const letter = await issue(vanthu, {
      typeCode: 'cong_van',
      summary: 'V/v báo cáo',
      unitAbbreviation: 'VP',
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    expect(letter.body).toMatchObject({ number: 21, numberSymbol: '21/STP-VP' });
    const withoutUnit = await issue(vanthu, { typeCode: 'cong_van', summary: 'V/v báo cáo' });
    expect(withoutUnit.status).toBe(400);
    expect(fieldsOf(withoutUnit.body)).toEqual(['unitAbbreviation']);
  });

  it('answers 400 naming each bad field, and takes no number for them', async () => {
    const bad = await issue(vanthu, {
      typeCode: '',
      summary: 'x'.repeat(501),
      unitAbbreviation: 'v p',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['extra', 'summary', 'typeCode', 'unitAbbreviation']);
    const unknownType = await issue(vanthu, { typeCode: 'sac_lenh', summary: 'x' });
    expect(fieldsOf(unknownType.body)).toEqual(['typeCode']);
    const thuCong = await issue(vanthu, { typeCode: 'thu_cong', summary: 'Thư chúc mừng' });
    expect(fieldsOf(thuCong.body)).toEqual(['typeCode']);
    expect((await seriesRow('outgoing'))?.last_number).toBe(21);
  });

  it('gives the number back when the issuing transaction rolls back', async () => {
    const accountId = (await agencyAccount()).id;
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        const taken = await issueNumber(tx, {
          agencyId,
          body: decision,
          accountId,
          actor: systemActor('test'),
        });
        expect(taken.number).toBe(22);
        throw new Error('the signature failed');
      }),
    ).rejects.toThrow('the signature failed');
    const next = await issue(vanthu, decision);
    expect(next.body).toMatchObject({ number: 22, numberSymbol: '22/QĐ-STP' });
  });

  it('refuses a number already issued with 409 naming number, and changes nothing', async () => {
    // The series row set back by hand (a restore, a bad manual fix): the unique constraint still holds.
    await t.database.db
      .updateTable('document_series')
      .set({ last_number: 21 })
      .where('agency_id', '=', agencyId)
      .where('register', '=', 'outgoing')
      .where('year', '=', year)
      .execute();
    const again = await issue(vanthu, decision);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(fieldsOf(again.body)).toEqual(['number']);
    expect((await seriesRow('outgoing'))?.last_number).toBe(21);
    const issued = await t.database.db
      .selectFrom('outgoing_number')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(Number(issued.n)).toBe(22);
    await t.database.db
      .updateTable('document_series')
      .set({ last_number: 22 })
      .where('agency_id', '=', agencyId)
      .where('register', '=', 'outgoing')
      .where('year', '=', year)
      .execute();
  });

  it('restarts the series at 01 on 1 January, Vietnam time, and leaves the old year’s series alone', async () => {
    const accountId = (await agencyAccount()).id;
    const justBefore = new Date(`${year}-12-31T16:59:59Z`);
    const newYear = new Date(`${year}-12-31T17:00:00Z`); // 00:00 on 1 January in Hà Nội
    const [last, first, second] = await t.database.db.transaction().execute(async (tx) => {
      const common = { agencyId, body: decision, accountId, actor: systemActor('test') };
      return [
        await issueNumber(tx, { ...common, now: justBefore }),
        await issueNumber(tx, { ...common, now: newYear }),
        await issueNumber(tx, { ...common, now: newYear }),
      ];
    });
    expect(last).toMatchObject({ year, number: 23, numberSymbol: '23/QĐ-STP' });
    expect(first).toMatchObject({ year: year + 1, number: 1, numberSymbol: '01/QĐ-STP' });
    expect(second).toMatchObject({ year: year + 1, number: 2 });
    expect((await seriesRow('outgoing'))?.last_number).toBe(23);
    expect((await seriesRow('outgoing', year + 1))?.last_number).toBe(2);
  });

  it('lists the agency’s numbers by year, latest first', async () => {
    const list = await vanthu.get<OutgoingNumberList>(`/api/documents/outgoing/numbers?year=${year}&limit=3`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(23);
    expect(list.body.items.map((item) => item.number)).toEqual([23, 22, 21]);
  });

  it('keeps each agency’s series apart; another agency is 404 to a clerk', async () => {
    const other = await otherClerk(t, agencyId);
    const clerk = await t.signedIn(other.username);
    const theirs = await issue(clerk, decision);
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect(theirs.body).toMatchObject({ agencyId: other.agencyId, number: 1 });
    const intoOurs = await issue(clerk, { ...decision, agencyId });
    expect(intoOurs.status).toBe(404);
    const listOurs = await clerk.get(`/api/documents/outgoing/numbers?agencyId=${agencyId}`);
    expect(listOurs.status).toBe(404);
    expect((await seriesRow('outgoing'))?.last_number).toBe(23);
  });

  it('is refused to officials without document.issue', async () => {
    const giamdoc = await t.signedIn('giamdoc');
    expect((await issue(giamdoc, decision)).status).toBe(403);
    expect((await giamdoc.get('/api/documents/outgoing/numbers')).status).toBe(200);
  });
});

async function agencyAccount() {
  return t.database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', 'vanthu')
    .executeTakeFirstOrThrow();
}
