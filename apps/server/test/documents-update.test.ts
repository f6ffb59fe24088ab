import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHandling, IncomingList, OutgoingDraft } from '@tinhso/contracts';
import { queueOutbound } from '../src/modules/exchange/queue-outbound.ts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { signerForAgencySeal } from '../src/modules/signatures/key-store.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { createDraft, decisionBody } from './documents-outgoing-fixtures.ts';
import {
  boxEntry,
  DRAFTS,
  issueAndDeliver,
  outboundOf,
  startCast,
  waitFor,
  type Cast,
} from './documents-recall-fixtures.ts';
import { agencyIdOf, queueInput } from './exchange-fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { samplePdf } from './signatures-tools.ts';

// Update (cập nhật, BussinessDocType 2) across the exchange (ADR 0027): Sở Tư pháp corrects the
// metadata of a document it issued to Văn phòng UBND tỉnh; the office's copy takes the correction.

let t: TestApp;
let cast: Cast;

const update = (draftId: string, body: object, headers?: Record<string, string>) =>
  cast.vanthu.post<OutgoingDraft>(`/api/documents/outgoing/${draftId}/update`, body, headers);
const handlingOf = async (incomingId: string) =>
  (await cast.vanthutinh.get<IncomingHandling>(`/api/documents/incoming/${incomingId}/handling`)).body;
const updatesOf = async (draftId: string) =>
  (await outboundOf(cast, draftId)).filter((item) => item.businessType === 'update');

beforeAll(async () => {
  t = await startTestApp();
  cast = await startCast(t);
}, 180_000);
afterAll(async () => t?.close());

describe('update of an issued document', () => {
  it('corrects the register at Sở Tư pháp and the registered copy at the office, twice', async () => {
    const original = 'Về việc tổ chức hội nghị tập huấn công tác văn thư';
    const { issued, documentId, entry } = await issueAndDeliver(cast, { summary: original });
    expect(issued.allowedActions).toEqual(expect.arrayContaining(['recall', 'update']));
    const registered = await cast.vanthutinh.post<{ id: string }>(
      `/api/exchange/inbox/${entry.id}/register`,
      {},
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const incomingId = registered.body.id;
    expect((await handlingOf(incomingId)).deadlineOn).toBeNull();

    // The clerk corrects the trích yếu, the độ khẩn and adds a hạn trả lời, with a reason.
    const corrected = 'Về việc tổ chức hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm 2026';
    const reason = 'Trích yếu nhập sai so với văn bản đã ký';
    const headers = { 'idempotency-key': `update-${issued.id}` };
    const body = { reason, subject: corrected, urgency: 'thuong_khan', dueDate: '2026-12-15' };
    const answer = await update(issued.id, body, headers);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(issued.urgency).toBe('khan');
    expect(answer.body).toMatchObject({ status: 'issued', summary: corrected, urgency: 'thuong_khan' });
    const step = answer.body.history.at(-1);
    expect(step?.action).toBe('updated');
    expect(step?.comment).toContain(`«${original}» → «${corrected}»`);
    expect(step?.comment).toContain('Độ khẩn: khẩn → thượng khẩn');
    expect(step?.comment).toContain('Hạn trả lời: — → 2026-12-15');
    expect(step?.comment).toContain(reason);
    // The same key answers the same and queues nothing more.
    const replay = await update(issued.id, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.body.history.filter((h) => h.action === 'updated')).toHaveLength(1);
    const sent = await updatesOf(issued.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.documentId).toBe(documentId);

    // The office's copy takes it: summary, urgency, and the deadline (it was the issuer's: none).
    const handling = await waitFor('the update at the office', async () => {
      const current = await handlingOf(incomingId);
      return current.document.summary === corrected ? current : null;
    });
    expect(handling.document.urgency).toBe('thuong_khan');
    expect(handling.deadlineOn).toBe('2026-12-15');
    expect(handling.status).toBe('registered');
    const line = handling.history.at(-1);
    expect(line).toMatchObject({ action: 'update', fromStatus: 'registered', toStatus: 'registered' });
    expect(line?.note).toContain(`«${original}» → «${corrected}»`);
    expect(line?.note).toContain(reason);
    expect(await boxEntry(cast, documentId, 'update')).toMatchObject({ state: 'applied' });
    // The clerk who registered it hears of the correction in the workspace's inbox.
    const notices = await t.database.db
      .selectFrom('notification as n')
      .innerJoin('account as a', 'a.id', 'n.account_id')
      .select(['n.template', 'a.username'])
      .where('n.entity_id', '=', incomingId)
      .execute();
    expect(notices).toEqual([{ template: 'document.incoming.updated', username: 'vanthutinh' }]);
    // The register's search finds the corrected words, without diacritics, and not the old ones only.
    const found = await cast.vanthutinh.get<IncomingList>(
      '/api/documents/incoming?q=nghiep vu van thu, luu tru',
    );
    expect(found.body.items.map((item) => item.id)).toContain(incomingId);
    // No status answers an update: nothing was queued for the update's entry, and the recipient's
    // statuses are still the document's own (01, then 03 once the outbox has carried it).
    const updateEntry = await boxEntry(cast, documentId, 'update');
    const queuedForUpdate = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', 'exchange.status')
      .where('dedupe_key', 'like', `%${updateEntry?.id ?? 'missing'}%`)
      .execute();
    expect(updateEntry?.id).toBeDefined();
    expect(queuedForUpdate).toEqual([]);
    const recipient = await waitFor('03 at Sở Tư pháp', async () => {
      const item = (await outboundOf(cast, issued.id)).find((i) => i.businessType === 'new');
      return item?.recipients[0]?.statusCode === '03' ? item.recipients[0] : null;
    });
    expect(recipient.history.map((h) => h.code).sort()).toEqual(['01', '03']);
    const page = await cast.vanthu.get<OutgoingDraft>(`${DRAFTS}/${issued.id}`);
    expect(page.body.recipients[0]?.exchangeStatus?.code).toBe('03');

    // The office's clerk sets a deadline of its own; a second update's hạn trả lời leaves it alone.
    await t.database.db
      .updateTable('incoming_document')
      .set({ deadline_on: '2026-12-10' })
      .where('id', '=', incomingId)
      .execute();
    const second = await update(issued.id, { reason: 'Lùi hạn trả lời', dueDate: '2026-12-20' });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(await updatesOf(issued.id)).toHaveLength(2);
    const after = await waitFor('the second update at the office', async () => {
      const current = await handlingOf(incomingId);
      return current.history.filter((h) => h.action === 'update').length === 2 ? current : null;
    });
    expect(after.deadlineOn).toBe('2026-12-10');
    expect(after.history.at(-1)?.note).toContain('Hạn trả lời: 2026-12-15 → 2026-12-20');
    expect(after.history.at(-1)?.note).toContain('Hạn xử lý của cơ quan giữ nguyên: 2026-12-10');
    expect(after.document.summary).toBe(corrected);
  }, 120_000);

  it('corrects a copy still waiting in the box, and the clerk registers the corrected values', async () => {
    const { issued, documentId } = await issueAndDeliver(cast, {
      summary: 'Về việc báo cáo kết quả thực hiện cải cách hành chính quý IV',
    });
    const corrected = 'Về việc báo cáo kết quả cải cách hành chính năm 2026';
    const answer = await update(issued.id, {
      reason: 'Sửa trích yếu',
      subject: corrected,
      urgency: 'hoa_toc',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const waiting = await waitFor('the corrected box entry', async () => {
      const item = await boxEntry(cast, documentId);
      return item && (item as unknown as { subject: string }).subject === corrected ? item : null;
    });
    expect(waiting.state).toBe('waiting');
    const registered = await cast.vanthutinh.post<{ id: string }>(
      `/api/exchange/inbox/${waiting.id}/register`,
      {},
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const handling = await handlingOf(registered.body.id);
    expect(handling.document).toMatchObject({ summary: corrected, urgency: 'hoa_toc' });
  }, 120_000);

  it('refuses an update that changes nothing, bad fields, a draft, the drafter and another agency', async () => {
    const { issued } = await issueAndDeliver(cast, { summary: 'Về việc kiểm tra công tác văn thư' });
    const same = await update(issued.id, {
      reason: 'Không đổi',
      subject: 'Về việc kiểm tra công tác văn thư',
    });
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toContain('"field":"subject"');
    expect(JSON.stringify(same.body)).toContain('không có thông tin nào khác với thông tin đã gửi');
    for (const [field, body] of [
      ['reason', { subject: 'Về việc khác' }],
      ['urgency', { reason: 'Sửa', urgency: 'rat_khan' }],
      ['dueDate', { reason: 'Sửa', dueDate: '15/12/2026' }],
      ['subject', { reason: 'Sửa', subject: '' }],
    ] as const) {
      const bad = await update(issued.id, body);
      expect(bad.status, field).toBe(400);
      expect(JSON.stringify(bad.body), field).toContain(field);
    }
    const other = await cast.vanthutinh.post(`/api/documents/outgoing/${issued.id}/update`, {
      reason: 'Sửa',
      subject: 'Khác',
    });
    expect(other.status).toBe(404);
    const drafter = await cast.chuyenvien.post(`/api/documents/outgoing/${issued.id}/update`, {
      reason: 'Sửa',
      subject: 'Khác',
    });
    expect(drafter.status).toBe(409);
    const draft = await createDraft(cast.chuyenvien, {
      ...decisionBody({ signerId: cast.directorId, recipientAgencyId: cast.officeId, summary: 'Dự thảo' }),
      recipients: [{ kind: 'agency', agencyId: cast.officeId }],
    });
    const early = await update(draft.id, { reason: 'Sửa', subject: 'Khác' });
    expect(early.status).toBe(409);
    // Nothing was half-written: no update package, the summary as issued.
    expect(await updatesOf(issued.id)).toHaveLength(0);
    const page = await cast.vanthu.get<OutgoingDraft>(`${DRAFTS}/${issued.id}`);
    expect(page.body.summary).toBe('Về việc kiểm tra công tác văn thư');
  }, 120_000);

  it('keeps an update that arrives before its document, and applies it when the document comes', async () => {
    const corrected = 'Về việc phối hợp rà soát thủ tục hành chính (đã cập nhật)';
    const early = await queueInput(t, {
      number: 93,
      pdf: new Uint8Array(),
      document: { subject: corrected, business: { type: 'update', reason: 'Cập nhật trích yếu' } },
    });
    const queued = await t.database.db
      .transaction()
      .execute((tx) => queueOutbound(tx, { ...early, files: [], revision: 1 }));
    const pending = await waitFor('the pending update', async () => {
      const item = await boxEntry(cast, queued.documentId, 'update');
      return item?.state === 'pending' ? item : null;
    });
    expect(pending.incomingDocumentId).toBeNull();

    const seal = await signerForAgencySeal(t.database.db, await agencyIdOf(t, AGENCY.tuPhap));
    if (!seal) throw new Error('the demo seed gave Sở Tư pháp no seal');
    const pdf = await signPdf(await samplePdf(), seal, {
      reason: 'Phát hành',
      location: 'Đồng Tháp',
      name: 'Sở Tư pháp',
    });
    // Built before the transaction: on the embedded database a query outside it would wait for it.
    const document = await queueInput(t, { number: 93, pdf });
    await t.database.db.transaction().execute((tx) => queueOutbound(tx, document));
    const entry = await waitFor('the document with its update', async () => {
      const item = await boxEntry(cast, queued.documentId);
      return item && (item as unknown as { subject: string }).subject === corrected ? item : null;
    });
    expect(entry.state).toBe('waiting');
    expect(await boxEntry(cast, queued.documentId, 'update')).toMatchObject({ state: 'applied' });
  }, 120_000);
});
