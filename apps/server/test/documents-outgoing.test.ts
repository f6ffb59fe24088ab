import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingAwaitingList, OutgoingDraft, OutgoingList } from '@tinhso/contracts';
import { uploadPdf } from './dossier-fixtures.ts';
import { fieldsOf, type ErrorBody } from './documents-fixtures.ts';
import {
  colleague,
  createDraft,
  decisionBody,
  knowMinistryOfJustice,
  officialOf,
  pdfOf,
} from './documents-outgoing-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// Outgoing documents from draft to approval (issue 4 item 2; NĐ 30/2020 Phụ lục I; R-DOC-1, R-DOC-3):
// drafting and versions, opinions, review, approval, who may see what, the history.

let t: TestApp;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let vanthu: TestClient;
let reviewer: TestClient;
let signerId: string;
let reviewerId: string;
let agencyId: string;
let otherAgencyId: string;

const base = '/api/documents/outgoing/drafts';
type Answer = OutgoingDraft & ErrorBody;

beforeAll(async () => {
  t = await startTestApp();
  await knowMinistryOfJustice(t);
  [chuyenvien, giamdoc, vanthu] = await Promise.all([
    t.signedIn('chuyenvien'),
    t.signedIn('giamdoc'),
    t.signedIn('vanthu'),
  ]);
  const director = await officialOf(t, 'giamdoc');
  signerId = director.officialId;
  agencyId = director.agencyId;
  otherAgencyId = (await officialOf(t, 'lanhdao')).agencyId;
  const chief = await colleague(t, agencyId, 'chanh_van_phong');
  reviewerId = chief.officialId;
  reviewer = await t.signedIn(chief.username);
});
afterAll(async () => t?.close());

describe('drafting', () => {
  it('renders version 1 in the Decree 30 layout, with the signer’s block and Nơi nhận', async () => {
    const draft = await createDraft(chuyenvien, decisionBody({ signerId, recipientAgencyId: otherAgencyId }));
    expect(draft).toMatchObject({
      agencyId,
      status: 'draft',
      typeName: 'Quyết định (cá biệt)',
      currentVersion: 1,
      signer: { officialId: signerId, name: 'Huỳnh Thị Ngọc Hân' },
      allowedActions: ['edit', 'ask_opinion', 'submit'],
      recipients: [
        { kind: 'agency', agencyId: otherAgencyId, delivery: 'pending' },
        { kind: 'external', agencyCode: '000.00.00.G22', name: 'Bộ Tư pháp', delivery: 'pending' },
      ],
      versions: [{ version: 1, kind: 'rendered' }],
      history: [{ action: 'drafted', version: 1 }],
    });
    const pdf = await pdfOf(chuyenvien, `${base}/${draft.id}/versions/1/pdf`);
    expect(pdf.status).toBe(200);
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỞ TƯ PHÁP',
      '/QĐ-STP',
      'Đồng Tháp, ngày …… tháng …… năm',
      'QUYẾT ĐỊNH',
      'Về việc công nhận kết quả kiểm tra công tác chứng thực năm 2026',
      'Điều 1. Công nhận kết quả',
      'GIÁM ĐỐC',
      'Huỳnh Thị Ngọc Hân',
      'Nơi nhận:',
      '- Bộ Tư pháp;',
      'KHẨN',
      'DỰ THẢO',
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.text).toMatch(/- Lưu: VT, HCTP\./);
  });

  it('keeps every version: an edit makes version 2, both PDFs download, a third does not exist', async () => {
    const draft = await createDraft(chuyenvien, decisionBody({ signerId, recipientAgencyId: otherAgencyId }));
    const edited = await chuyenvien.put<Answer>(`${base}/${draft.id}`, {
      ...decisionBody({
        signerId,
        recipientAgencyId: otherAgencyId,
        summary: 'Về việc kiểm tra công tác chứng thực (sửa)',
      }),
      typeCode: 'cong_van',
      unitAbbreviation: 'HCTP',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      currentVersion: 2,
      typeCode: 'cong_van',
      versions: [{ version: 1 }, { version: 2 }],
    });
    expect(edited.body.versions[0]!.sha256).not.toBe(edited.body.versions[1]!.sha256);
    expect(edited.body.history.map((step) => step.action)).toEqual(['drafted', 'edited']);
    const second = await pdfOf(chuyenvien, `${base}/${draft.id}/versions/2/pdf`);
    expect(second.text).toContain('V/v Về việc kiểm tra công tác chứng thực (sửa)');
    expect(second.text).toContain('/STP-HCTP');
    expect(second.text).not.toContain('QUYẾT ĐỊNH');
    expect((await pdfOf(chuyenvien, `${base}/${draft.id}/versions/1/pdf`)).text).toContain('QUYẾT ĐỊNH');
    expect((await pdfOf(chuyenvien, `${base}/${draft.id}/versions/3/pdf`)).status).toBe(404);
  });

  it('takes an uploaded PDF as the content of a version', async () => {
    const contentFileId = await uploadPdf(chuyenvien, 'du-thao.pdf');
    const draft = await createDraft(chuyenvien, {
      ...decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
      body: '',
      contentFileId,
    });
    expect(draft.versions).toMatchObject([{ version: 1, kind: 'uploaded' }]);
    const again = await chuyenvien.post<ErrorBody>(base, {
      ...decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
      contentFileId,
    });
    expect(again.status).toBe(400);
    expect(fieldsOf(again.body)).toEqual(['contentFileId']);
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const before = await t.database.db
      .selectFrom('outgoing_draft')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await chuyenvien.post<ErrorBody>(base, {
      ...decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
      urgency: 'gap',
      recipients: [],
      note: 'lạ',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['urgency', 'recipients']));
    const me = await officialOf(t, 'chuyenvien');
    const notASigner = await chuyenvien.post<ErrorBody>(
      base,
      decisionBody({ signerId: me.officialId, recipientAgencyId: otherAgencyId }),
    );
    expect(notASigner.status).toBe(400);
    expect(fieldsOf(notASigner.body)).toEqual(['signerId']);
    const noUnit = await chuyenvien.post<ErrorBody>(base, {
      ...decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
      typeCode: 'cong_van',
    });
    expect(fieldsOf(noUnit.body)).toEqual(['unitAbbreviation']);
    const unknown = await chuyenvien.post<ErrorBody>(base, {
      ...decisionBody({ signerId, recipientAgencyId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(fieldsOf(unknown.body)).toEqual(['recipients.0.agencyId']);
    const nowhere = await chuyenvien.post<ErrorBody>(base, {
      ...decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
      recipients: [{ kind: 'external', agencyCode: '000.00.00.G99', name: 'Không có trong danh bạ' }],
    });
    expect(fieldsOf(nowhere.body)).toEqual(['recipients.0.agencyCode']);
    const after = await t.database.db
      .selectFrom('outgoing_draft')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a leader at the drafting endpoint (document.handle)', async () => {
    expect(
      (await giamdoc.post(base, decisionBody({ signerId, recipientAgencyId: otherAgencyId }))).status,
    ).toBe(403);
  });
});

describe('opinions, review and approval', () => {
  it('goes draft → opinion → review → returned → review → forwarded → approved, with its history', async () => {
    const draft = await createDraft(chuyenvien, decisionBody({ signerId, recipientAgencyId: otherAgencyId }));
    const url = `${base}/${draft.id}`;
    const asked = await chuyenvien.post<Answer>(`${url}/opinions`, {
      officialIds: [reviewerId],
      question: 'Xin ý kiến về Điều 1.',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const opinionId = asked.body.opinions[0]!.id;
    const waiting = await reviewer.get<OutgoingAwaitingList>('/api/documents/outgoing/awaiting-me');
    expect(waiting.body.items).toContainEqual(expect.objectContaining({ id: draft.id, reason: 'opinion' }));

    const answered = await reviewer.post<Answer>(`${url}/opinions/${opinionId}/answer`, {
      answer: 'Đề nghị bổ sung căn cứ.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.opinions[0]).toMatchObject({
      answer: 'Đề nghị bổ sung căn cứ.',
      official: { officialId: reviewerId },
    });
    expect((await reviewer.post(`${url}/opinions/${opinionId}/answer`, { answer: 'Lần nữa' })).status).toBe(
      409,
    );
    expect(
      (await giamdoc.post(`${url}/opinions/${opinionId}/answer`, { answer: 'Không được hỏi' })).status,
    ).toBe(404);

    const submitted = await chuyenvien.post<Answer>(`${url}/submit`, { reviewerId, comment: 'Kính trình' });
    expect(submitted.body).toMatchObject({ status: 'in_review', reviewer: { officialId: reviewerId } });
    const editLate = await chuyenvien.put<ErrorBody>(
      url,
      decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
    );
    expect(editLate.status).toBe(409);
    expect(fieldsOf(editLate.body)).toEqual(['action']);
    expect((await giamdoc.post(`${url}/approve`, {})).status).toBe(409);

    const returned = await reviewer.post<Answer>(`${url}/return`, { comment: 'Sửa lại Điều 2.' });
    expect(returned.body.status).toBe('draft');
    expect((await reviewer.post<ErrorBody>(`${url}/return`, {})).status).toBe(400);
    const edited = await chuyenvien.put<Answer>(
      url,
      decisionBody({ signerId, recipientAgencyId: otherAgencyId }),
    );
    expect(edited.body.currentVersion).toBe(2);
    await chuyenvien.post(`${url}/submit`, { reviewerId });
    const forwarded = await reviewer.post<Answer>(`${url}/forward`, { comment: 'Trình Giám đốc' });
    expect(forwarded.body.status).toBe('awaiting_signature');
    const forSignature = await giamdoc.get<OutgoingAwaitingList>('/api/documents/outgoing/awaiting-me');
    expect(forSignature.body.items).toContainEqual(
      expect.objectContaining({ id: draft.id, reason: 'signature' }),
    );
    const approved = await giamdoc.post<Answer>(`${url}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', allowedActions: ['return', 'sign'] });
    expect(approved.body.history.map((step) => step.action)).toEqual([
      'drafted',
      'opinion_asked',
      'opinion_answered',
      'submitted',
      'returned',
      'edited',
      'submitted',
      'forwarded',
      'approved',
    ]);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('entity_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.type)).toEqual([
      'outgoing.drafted',
      'outgoing.opinion_asked',
      'outgoing.opinion_answered',
      'outgoing.submitted',
      'outgoing.returned',
      'outgoing.edited',
      'outgoing.submitted',
      'outgoing.forwarded',
      'outgoing.approved',
    ]);
  });

  it('acts once for a repeated Idempotency-Key, and submits straight to the signer without a reviewer', async () => {
    const draft = await createDraft(chuyenvien, decisionBody({ signerId, recipientAgencyId: otherAgencyId }));
    const headers = { 'idempotency-key': `submit-${draft.id}` };
    const first = await chuyenvien.post<Answer>(`${base}/${draft.id}/submit`, {}, headers);
    const second = await chuyenvien.post<Answer>(`${base}/${draft.id}/submit`, {}, headers);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.status).toBe('awaiting_signature');
    expect(second.body.history.filter((step) => step.action === 'submitted')).toHaveLength(1);
  });

  it('hides a draft from another agency and from colleagues not involved (404), lists it to the clerk', async () => {
    const draft = await createDraft(chuyenvien, decisionBody({ signerId, recipientAgencyId: otherAgencyId }));
    // A specialist of another sở (the Phó Chủ tịch of the province reaches every sở below it).
    const otherSo = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('kind', '=', 'so')
      .where('id', '<>', agencyId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const stranger = await t.signedIn((await colleague(t, otherSo.id, 'chuyen_vien')).username);
    expect((await stranger.get(`${base}/${draft.id}`)).status).toBe(404);
    expect((await stranger.get(`${base}/${draft.id}/versions/1/pdf`)).status).toBe(404);
    expect((await stranger.post(`${base}/${draft.id}/return`, { comment: 'Không' })).status).toBe(404);
    const theirs = await stranger.get<OutgoingList>(base);
    expect(theirs.body.items.map((item) => item.id)).not.toContain(draft.id);
    const clerks = await vanthu.get<OutgoingList>(`${base}?status=draft`);
    expect(clerks.body.items.map((item) => item.id)).toContain(draft.id);
    expect((await vanthu.get(`${base}/${draft.id}`)).status).toBe(200);
  });
});
