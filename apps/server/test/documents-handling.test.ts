import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpBook, IncomingHandling, IncomingList, MyIncomingList } from '@tinhso/contracts';
import { getDueDate } from '../src/modules/calendar/get-due-date.ts';
import { scanIncomingReminders } from '../src/modules/documents/incoming-reminders.ts';
import { todayInVietnam } from '../src/platform/time.ts';
import { agencyOf } from './dossier-fixtures.ts';
import { fieldsOf, otherClerk, type ErrorBody } from './documents-fixtures.ts';
import {
  accountId,
  assertPdftotext,
  imagePdf,
  progressMessages,
  registerDocument,
  textPdf,
  unitOf,
  uploadBytes,
} from './documents-handling-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { downloadPdfText } from './pdf-text.ts';

// Handling of incoming documents after registration (NĐ 30/2020 Art 22, Phụ lục IV; R-DOC-4; ADR 0018):
// submit → instruction and assignment → progress → complete → close, each a command with its history
// line and, at the stages the sender hears of, an outbox message document.progress.

let t: TestApp;
let vanthu: TestClient;
let giamdoc: TestClient;
let chuyenvien: TestClient;
let giamdocId: string;
let chuyenvienId: string;
let chuyenvienUnit: string;
let agencyId: string;

type Answer = IncomingHandling & ErrorBody;
const act = (
  client: TestClient,
  id: string,
  action: string,
  body: unknown = {},
  headers?: Record<string, string>,
) => client.post<Answer>(`/api/documents/incoming/${id}/${action}`, body, headers);

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  assertPdftotext();
  t = await startTestApp();
  [vanthu, giamdoc, chuyenvien] = await Promise.all([
    t.signedIn('vanthu'),
    t.signedIn('giamdoc'),
    t.signedIn('chuyenvien'),
  ]);
  giamdocId = await accountId(t, 'giamdoc');
  chuyenvienId = await accountId(t, 'chuyenvien');
  chuyenvienUnit = await unitOf(t, 'chuyenvien');
  agencyId = (await agencyOf(t, 'vanthu')).id;
});
afterAll(async () => t?.close());

describe('the incoming journey', () => {
  it('goes from registration to closing, each step in the history and reported to the sender once', async () => {
    const today = todayInVietnam();
    const scan = await uploadBytes(
      vanthu,
      await textPdf(['CÔNG VĂN', 'Về việc tăng cường phòng chống thiên tai và tìm kiếm cứu nạn']),
      'cong-van-thien-tai.pdf',
    );
    const document = await registerDocument(vanthu, {
      urgency: 'thuong_khan',
      scanFileId: scan,
      deadlineOn: addDays(today, 7),
    });
    expect(document.status).toBe('registered');

    // The scan's text is searchable without diacritics.
    const found = await vanthu.get<IncomingList>('/api/documents/incoming?q=tim%20kiem%20cuu%20nan');
    expect(found.body.items.map((item) => item.id)).toEqual([document.id]);

    const submitted = await act(vanthu, document.id, 'submit', {
      leaderAccountId: giamdocId,
      note: 'Kính trình',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedTo: { accountId: giamdocId } });
    const urgent = await t.database.db
      .selectFrom('notification')
      .select(['subject', 'template'])
      .where('account_id', '=', giamdocId)
      .where('entity_id', '=', document.id)
      .execute();
    expect(urgent).toEqual([expect.objectContaining({ template: 'document.incoming.urgent' })]);
    expect(urgent[0]?.subject).toContain('THƯỢNG KHẨN');

    // The leader sees it in "my documents" and its answer offers the assignment.
    const leaderMine = await giamdoc.get<MyIncomingList>('/api/documents/mine');
    expect(leaderMine.body.items.find((item) => item.id === document.id)).toMatchObject({
      status: 'submitted',
      role: null,
    });
    const forLeader = await giamdoc.get<Answer>(`/api/documents/incoming/${document.id}/handling`);
    expect(forLeader.body.allowedActions).toContain('assign');

    const assigned = await act(giamdoc, document.id, 'assign', {
      instruction: 'Giao Phòng Hành chính tư pháp chủ trì, tham mưu văn bản trả lời.',
      lead: { orgUnitId: chuyenvienUnit },
      inform: [{ accountId: chuyenvienId }],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      instruction: 'Giao Phòng Hành chính tư pháp chủ trì, tham mưu văn bản trả lời.',
      dueOn: addDays(today, 7), // the document's own deadline
      dueState: 'on_track',
    });
    expect(assigned.body.assignments.map((a) => [a.role, a.orgUnitId ?? a.accountId, a.dueOn])).toEqual([
      ['lead', chuyenvienUnit, addDays(today, 7)],
      ['inform', chuyenvienId, null],
    ]);

    const mine = await chuyenvien.get<MyIncomingList>('/api/documents/mine');
    expect(mine.body.items.find((item) => item.id === document.id)).toMatchObject({
      role: 'lead',
      dueOn: addDays(today, 7),
      isOverdue: false,
      isDueSoon: false,
    });

    const progress = await act(chuyenvien, document.id, 'progress', { note: 'Đã dự thảo văn bản trả lời' });
    expect(progress.body.status).toBe('in_progress');
    const again = await act(chuyenvien, document.id, 'progress', { note: 'Đã xin ý kiến phòng' });
    expect(again.status).toBe(200);
    const read = await act(chuyenvien, document.id, 'read');
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.assignments.find((a) => a.role === 'inform')?.readAt).not.toBeNull();

    const done = await act(chuyenvien, document.id, 'complete', {
      resultNote: 'Đã trả lời bằng Công văn số 45/STP-HCTP',
      replyReference: '45/STP-HCTP',
    });
    expect(done.body).toMatchObject({ status: 'done', replyReference: '45/STP-HCTP', dueState: 'none' });

    const closed = await act(vanthu, document.id, 'close', {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((line) => [line.action, line.toStatus])).toEqual([
      ['register', 'registered'],
      ['submit', 'submitted'],
      ['assign', 'assigned'],
      ['progress', 'in_progress'],
      ['progress', 'in_progress'],
      ['read', 'in_progress'],
      ['complete', 'done'],
      ['close', 'closed'],
    ]);

    const slip = await downloadPdfText(giamdoc, `/api/documents/incoming/${document.id}/slip`, 'single');
    expect(slip.status).toBe(200);
    expect(slip.contentType).toBe('application/pdf');
    for (const text of [
      'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN',
      `Số đến: ${document.arrivalNumber}/${document.year}`,
      'Giao Phòng Hành chính tư pháp chủ trì',
      'Đơn vị, người chủ trì: Phòng Hành chính tư pháp',
      'Đã dự thảo văn bản trả lời',
      'Văn bản trả lời: 45/STP-HCTP',
    ])
      expect(slip.text).toContain(text);
    const other = await t.signedIn((await otherClerk(t, agencyId)).username);
    expect((await downloadPdfText(other, `/api/documents/incoming/${document.id}/slip`)).status).toBe(404);

    const messages = await progressMessages(t, document.id);
    expect(messages.map((message) => message.stage)).toEqual([
      'registered',
      'assigned',
      'in_progress',
      'done',
    ]);
    expect(messages[2]).toMatchObject({
      incomingDocumentId: document.id,
      dedupeKey: `document.progress:${document.id}:in_progress`,
      note: 'Đã dự thảo văn bản trả lời',
    });
    expect(typeof messages[0]?.at).toBe('string');
    expect(String(messages[1]?.actorName)).toContain('giamdoc');

    const audited = await t.database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'document.incoming_handled')
      .where('entity_id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(7);
  });

  it('sets N working days by the calendar when neither the leader nor the document gives a deadline', async () => {
    const document = await registerDocument(vanthu);
    const assigned = await act(giamdoc, document.id, 'assign', {
      instruction: 'Đồng chí Phúc xử lý',
      lead: { accountId: chuyenvienId },
    });
    const expected = await getDueDate(t.database.db, {
      receivedAt: new Date(),
      amount: 10,
      unit: 'working_day',
    });
    expect(assigned.body.dueOn).toBe(expected.dueDate);
    expect(assigned.body.dueOn! > addDays(todayInVietnam(), 13)).toBe(true);
  });

  it('lets the head of the lead unit name the official who handles it', async () => {
    const document = await registerDocument(vanthu);
    await act(giamdoc, document.id, 'assign', {
      instruction: 'Phòng HCTP xử lý',
      lead: { orgUnitId: chuyenvienUnit },
    });
    const head = await t.database.db
      .selectFrom('position as p')
      .innerJoin('appointment as ap', 'ap.position_id', 'p.id')
      .innerJoin('official as o', 'o.id', 'ap.official_id')
      .innerJoin('account as a', 'a.id', 'o.account_id')
      .select('a.username')
      .where('p.org_unit_id', '=', chuyenvienUnit)
      .where('p.position_type', '=', 'truong_phong')
      .where('ap.ends_on', 'is', null)
      .executeTakeFirstOrThrow();
    const unitHead = head.username === 'chuyenvien' ? chuyenvien : await t.signedIn(head.username);
    const named = await act(unitHead, document.id, 'reassign', {
      accountId: chuyenvienId,
      note: 'Giao đ/c Phúc',
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.assignments[0]).toMatchObject({
      role: 'lead',
      orgUnitId: chuyenvienUnit,
      accountId: chuyenvienId,
    });
    const outsider = await act(giamdoc, document.id, 'reassign', { accountId: giamdocId });
    expect(outsider.status).toBe(400);
    expect(fieldsOf(outsider.body)).toEqual(['accountId']);
    // Someone neither leading the agency nor heading the unit may not.
    expect((await act(vanthu, document.id, 'reassign', { accountId: chuyenvienId })).status).toBe(409);
  });

  it('returns a wrongly addressed document to its sender, reported as returned', async () => {
    const document = await registerDocument(vanthu);
    const returned = await act(vanthu, document.id, 'return', { note: 'Gửi nhầm cơ quan' });
    expect(returned.body.status).toBe('returned');
    expect((await progressMessages(t, document.id)).map((m) => m.stage)).toEqual(['registered', 'returned']);
    const late = await act(vanthu, document.id, 'submit', { leaderAccountId: giamdocId });
    expect(late.status).toBe(409);
  });
});

describe('refusals', () => {
  it('answers 409 naming the state and what is allowed, for a step out of turn', async () => {
    const document = await registerDocument(vanthu);
    const early = await act(chuyenvien, document.id, 'complete', { resultNote: 'Xong' });
    expect(early.status).toBe(409);
    expect(early.body.issues?.[0]?.field).toBe('action');
    const closeEarly = await act(vanthu, document.id, 'close', {});
    expect(closeEarly.status).toBe(409);
    expect(closeEarly.body.message).toContain('submit');
    await act(vanthu, document.id, 'submit', { leaderAccountId: giamdocId });
    expect((await act(vanthu, document.id, 'submit', { leaderAccountId: giamdocId })).status).toBe(409);
    // Assigned to the unit, not to this specialist's colleague: someone else cannot complete it.
    expect((await act(chuyenvien, document.id, 'progress', { note: 'x' })).status).toBe(409);
  });

  it('answers 400 naming the field for a bad assignment or leader', async () => {
    const document = await registerDocument(vanthu);
    const notLeader = await act(vanthu, document.id, 'submit', { leaderAccountId: chuyenvienId });
    expect(notLeader.status).toBe(400);
    expect(fieldsOf(notLeader.body)).toEqual(['leaderAccountId']);
    const otherAgencyUnit = await t.database.db
      .selectFrom('org_unit')
      .select('id')
      .where('agency_id', '<>', agencyId)
      .limit(1)
      .executeTakeFirstOrThrow();
    const bad = await act(giamdoc, document.id, 'assign', {
      instruction: 'Xử lý',
      lead: { orgUnitId: chuyenvienUnit, accountId: chuyenvienId },
      cooperate: [{ orgUnitId: otherAgencyUnit.id }],
      dueOn: '2000-01-01',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['cooperate/0/orgUnitId', 'dueOn', 'lead']);
    const missing = await act(giamdoc, document.id, 'assign', { lead: { orgUnitId: chuyenvienUnit } });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toContain('instruction');
  });

  it('is 403 without the permission and 404 for another agency’s document', async () => {
    const document = await registerDocument(vanthu);
    expect(
      (await act(chuyenvien, document.id, 'assign', { instruction: 'x', lead: { accountId: chuyenvienId } }))
        .status,
    ).toBe(403);
    const other = await otherClerk(t, agencyId);
    const stranger = await t.signedIn(other.username);
    expect((await stranger.get(`/api/documents/incoming/${document.id}/handling`)).status).toBe(404);
    expect((await act(stranger, document.id, 'submit', { leaderAccountId: giamdocId })).status).toBe(404);
    expect((await act(stranger, document.id, 'close', {})).status).toBe(404);
    const theirs = await stranger.get<MyIncomingList>('/api/documents/incoming/overdue');
    expect(theirs.body.items.some((item) => item.id === document.id)).toBe(false);
  });

  it('acts once per Idempotency-Key', async () => {
    const document = await registerDocument(vanthu);
    const headers = { 'idempotency-key': `submit-${document.id}` };
    const first = await act(vanthu, document.id, 'submit', { leaderAccountId: giamdocId }, headers);
    const retry = await act(vanthu, document.id, 'submit', { leaderAccountId: giamdocId }, headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.history.filter((line) => line.action === 'submit')).toHaveLength(1);
  });
});

describe('deadlines', () => {
  it('lists an overdue document, flags it in my documents, reminds once and shows it in the follow-up book', async () => {
    const today = todayInVietnam();
    const document = await registerDocument(vanthu);
    await act(giamdoc, document.id, 'assign', {
      instruction: 'Xử lý gấp',
      lead: { accountId: chuyenvienId },
      dueOn: addDays(today, 1),
    });
    const soon = await chuyenvien.get<MyIncomingList>('/api/documents/mine');
    expect(soon.body.items.find((item) => item.id === document.id)).toMatchObject({
      isDueSoon: true,
      isOverdue: false,
    });
    const first = await scanIncomingReminders(t.database.db);
    expect(first.sent.filter((s) => s.documentId === document.id)).toEqual([
      expect.objectContaining({ kind: 'due_soon', recipients: 1 }),
    ]);
    expect((await scanIncomingReminders(t.database.db)).sent.some((s) => s.documentId === document.id)).toBe(
      false,
    );

    // Three days later the deadline has passed.
    const later = new Date(Date.now() + 3 * 86_400_000);
    await t.database.db
      .updateTable('incoming_document')
      .set({ due_on: addDays(today, -2) })
      .where('id', '=', document.id)
      .execute();
    await t.database.db
      .updateTable('incoming_assignment')
      .set({ due_on: addDays(today, -2) })
      .where('document_id', '=', document.id)
      .execute();
    const overdue = await scanIncomingReminders(t.database.db, { now: later });
    expect(overdue.sent.filter((s) => s.documentId === document.id).map((s) => s.kind)).toEqual(['overdue']);
    const notice = await t.database.db
      .selectFrom('notification')
      .select('template')
      .where('account_id', '=', chuyenvienId)
      .where('entity_id', '=', document.id)
      .orderBy('created_at')
      .execute();
    expect(notice.map((n) => n.template)).toEqual([
      'document.incoming.assigned',
      'document.incoming.due_soon',
      'document.incoming.overdue',
    ]);

    const list = await giamdoc.get<MyIncomingList>('/api/documents/incoming/overdue');
    expect(list.body.items.find((item) => item.id === document.id)).toMatchObject({
      isOverdue: true,
      dueState: 'overdue',
    });
    const mine = await chuyenvien.get<MyIncomingList>('/api/documents/mine');
    const index = mine.body.items.findIndex((item) => item.id === document.id);
    expect(mine.body.items[index]?.isOverdue).toBe(true);
    const dues = mine.body.items.map((item) => item.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());

    const book = await vanthu.get<FollowUpBook>(`/api/documents/incoming/follow-up?year=${document.year}`);
    expect(book.status, JSON.stringify(book.body)).toBe(200);
    const row = book.body.items.find((entry) => entry.id === document.id);
    expect(row).toMatchObject({ arrivalNumber: document.arrivalNumber, remarks: 'Quá hạn' });
    expect(row?.document).toContain(`Công văn số ${document.numberSymbol}`);
    expect(row?.handledBy).toContain('(chủ trì)');
  });
});

describe('the text of the scan', () => {
  it('is empty for a scanned image, which stays findable by its metadata only', async () => {
    const scan = await uploadBytes(vanthu, await imagePdf(), 'anh-quet.pdf');
    const document = await registerDocument(vanthu, {
      scanFileId: scan,
      summary: 'Về việc kiểm kê kho lưu trữ',
    });
    const handling = await vanthu.get<Answer>(`/api/documents/incoming/${document.id}/handling`);
    expect(handling.body.hasText).toBe(false);
    const found = await vanthu.get<IncomingList>('/api/documents/incoming?q=kiem%20ke%20kho');
    expect(found.body.items.map((item) => item.id)).toContain(document.id);
  });
});
