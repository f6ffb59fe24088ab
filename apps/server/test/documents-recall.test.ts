import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHandling, OutgoingDraft } from '@tinhso/contracts';
import { queueOutbound } from '../src/modules/exchange/queue-outbound.ts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { signerForAgencySeal } from '../src/modules/signatures/key-store.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { colleague, createDraft, decisionBody } from './documents-outgoing-fixtures.ts';
import {
  boxEntry,
  DRAFTS,
  issueAndDeliver,
  outboundOf,
  startCast,
  waitFor,
  type Cast,
  type InboxItem,
} from './documents-recall-fixtures.ts';
import { agencyIdOf, queueInput } from './exchange-fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { samplePdf } from './signatures-tools.ts';

// Recall (thu hồi) and replacement across the exchange (ADR 0023): Sở Tư pháp issues to Văn phòng
// UBND tỉnh, then recalls; the office's copy is destroyed, its handling stops and 15 comes back.

let t: TestApp;
let cast: Cast;

const recall = (draftId: string, body: object, headers?: Record<string, string>) =>
  cast.vanthu.post<OutgoingDraft>(`/api/documents/outgoing/${draftId}/recall`, body, headers);
const recipientOf = async (draftId: string) => (await outboundOf(cast, draftId))[0]?.recipients[0];

beforeAll(async () => {
  t = await startTestApp();
  cast = await startCast(t);
}, 180_000);
afterAll(async () => t?.close());

describe('recall of an issued document', () => {
  it('freezes it at Sở Tư pháp, destroys the registered copy at the office and brings 15 back', async () => {
    const { issued, documentId, entry } = await issueAndDeliver(cast, {
      summary: 'Về việc công nhận kết quả kiểm tra (sẽ thu hồi)',
    });
    expect(issued.allowedActions).toContain('recall');

    // The office registers it; its leader assigns it to the clerk, whose "my documents" lists it.
    const registered = await cast.vanthutinh.post<{ id: string; scanFileId: string }>(
      `/api/exchange/inbox/${entry.id}/register`,
      {},
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const incomingId = registered.body.id;
    const scanFileId = registered.body.scanFileId;
    const leader = await colleague(t, cast.officeId, 'chanh_van_phong');
    const leaderClient = await t.signedIn(leader.username);
    const clerkAccount = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'vanthutinh')
      .executeTakeFirstOrThrow();
    const assigned = await leaderClient.post(`/api/documents/incoming/${incomingId}/assign`, {
      instruction: 'Giao Văn phòng tham mưu.',
      lead: { accountId: clerkAccount.id },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const mine = async () =>
      (await cast.vanthutinh.get<{ items: { id: string }[] }>('/api/documents/mine')).body.items.map(
        (i) => i.id,
      );
    expect(await mine()).toContain(incomingId);

    // Sở Tư pháp's clerk recalls it: frozen, with the reason; 13 at once for the recipient.
    const headers = { 'idempotency-key': `recall-${issued.id}` };
    const reason = 'Văn bản ban hành sai thẩm quyền, thu hồi để ban hành lại';
    const recalled = await recall(issued.id, { reason }, headers);
    expect(recalled.status, JSON.stringify(recalled.body)).toBe(200);
    expect(recalled.body.status).toBe('recalled');
    expect(recalled.body.recall).toMatchObject({ reason });
    expect(recalled.body.allowedActions).toEqual([]);
    expect(recalled.body.history.at(-1)).toMatchObject({ action: 'recalled', comment: reason });
    const revocation = (await outboundOf(cast, issued.id)).find((item) => item.businessType === 'revocation');
    expect(revocation?.documentId).toBe(documentId);
    expect(revocation?.recipients[0]?.history.map((h) => h.code)).toContain('13');

    // The same key answers the same; another recall, or an issue, of the recalled document is 409.
    const replay = await recall(issued.id, { reason }, headers);
    expect(replay.status).toBe(200);
    expect(replay.body.recall).toEqual(recalled.body.recall);
    const again = await recall(issued.id, { reason: 'Lần nữa' });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('recalled');
    expect((await cast.vanthu.post(`${DRAFTS}/${issued.id}/issue`, {})).status).toBe(409);

    // The office: recalled, copy destroyed, handling refused, out of "my documents"; 15 goes back.
    const handling = await waitFor('the recall at the office', async () => {
      const answer = await cast.vanthutinh.get<IncomingHandling>(
        `/api/documents/incoming/${incomingId}/handling`,
      );
      return answer.body.status === 'recalled' ? answer.body : null;
    });
    expect(handling.recall).toMatchObject({ reason });
    expect(handling.allowedActions).toEqual([]);
    expect(handling.document.scanFileId).toBeNull();
    expect(handling.document.numberSymbol).toBe(issued.numberSymbol);
    expect(handling.history.at(-1)).toMatchObject({ action: 'recall', toStatus: 'recalled', note: reason });
    const scan = await cast.vanthutinh.get(`/api/documents/incoming/${incomingId}/scan`);
    expect(scan.status).toBe(404);
    const file = await t.database.db
      .selectFrom('stored_file')
      .select('id')
      .where('id', '=', scanFileId)
      .executeTakeFirst();
    expect(file).toBeUndefined();
    const kept = await t.database.db
      .selectFrom('exchange_inbound')
      .select([(eb) => eb.fn<number>('octet_length', ['package']).as('bytes'), 'state', 'recall_reason'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect({ ...kept, bytes: Number(kept.bytes) }).toEqual({
      bytes: 0,
      state: 'recalled',
      recall_reason: reason,
    });
    const progress = await cast.vanthutinh.post(`/api/documents/incoming/${incomingId}/progress`, {
      note: 'Tiếp tục xử lý',
    });
    expect(progress.status).toBe(409);
    expect(await mine()).not.toContain(incomingId);
    // The clerk, who registered it and was assigned it, is told once in the workspace's inbox.
    const notices = await t.database.db
      .selectFrom('notification as n')
      .innerJoin('account as a', 'a.id', 'n.account_id')
      .select(['a.username'])
      .where('n.entity_id', '=', incomingId)
      .where('n.template', '=', 'document.incoming.recalled')
      .orderBy('a.username')
      .execute();
    expect(notices.map((n) => n.username)).toEqual(['vanthutinh']);

    const back = await waitFor('15 at Sở Tư pháp', async () => {
      const recipient = await recipientOf(issued.id);
      return recipient?.statusCode === '15' ? recipient : null;
    });
    expect(back.history.map((h) => h.code).sort()).toEqual(['13', '15']);
    // Statuses of the document itself (04 for the assignment) stay with the package of the document.
    const original = (await outboundOf(cast, issued.id)).find((item) => item.businessType === 'new');
    expect(original?.recipients[0]?.history.map((h) => h.code)).not.toContain('15');
    const page = await cast.vanthu.get<OutgoingDraft>(`${DRAFTS}/${issued.id}`);
    expect(page.body.recipients[0]?.exchangeStatus?.code).toBe('15');
  }, 120_000);

  it('recalls a document still waiting in the box without registering it', async () => {
    const { issued, documentId, entry } = await issueAndDeliver(cast, {
      summary: 'Về việc tổ chức hội nghị (thu hồi trước khi vào sổ)',
    });
    const answer = await cast.giamdoc.post<OutgoingDraft>(`/api/documents/outgoing/${issued.id}/recall`, {
      reason: 'Sai địa chỉ nhận',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const gone = await waitFor('the entry recalled', async () => {
      const item = await boxEntry(cast, documentId);
      return item?.state === 'recalled' ? item : null;
    });
    expect(gone).toMatchObject({ id: entry.id, incomingDocumentId: null, recallReason: 'Sai địa chỉ nhận' });
    const waiting = await cast.vanthutinh.get<{ items: InboxItem[] }>('/api/exchange/inbox?state=waiting');
    expect(waiting.body.items.map((item) => item.id)).not.toContain(entry.id);
    expect((await cast.vanthutinh.post(`/api/exchange/inbox/${entry.id}/register`, {})).status).toBe(409);
    await waitFor('15', async () => (await recipientOf(issued.id))?.statusCode === '15');
  }, 120_000);

  it('refuses a recall of a draft, without a reason, or of another agency', async () => {
    const draft = await createDraft(cast.chuyenvien, {
      ...decisionBody({ signerId: cast.directorId, recipientAgencyId: cast.officeId }),
      recipients: [{ kind: 'agency', agencyId: cast.officeId }],
    });
    const notIssued = await recall(draft.id, { reason: 'Chưa phát hành' });
    expect(notIssued.status).toBe(409);
    expect(JSON.stringify(notIssued.body)).toContain('action');
    const noReason = await recall(draft.id, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const blank = await recall(draft.id, { reason: '' });
    expect(blank.status).toBe(400);
    const elsewhere = await cast.vanthutinh.post(`/api/documents/outgoing/${draft.id}/recall`, {
      reason: 'Không',
    });
    expect(elsewhere.status).toBe(404);
    const drafter = await cast.chuyenvien.post(`/api/documents/outgoing/${draft.id}/recall`, {
      reason: 'Không',
    });
    expect(drafter.status).toBe(409);
  });

  it('answers 16 to a revocation of a document the office never received, then 15 when it arrives late', async () => {
    const input = await queueInput(t, {
      number: 91,
      pdf: new Uint8Array(),
      document: { business: { type: 'revocation', reason: 'Thu hồi văn bản chưa gửi' } },
    });
    const queued = await t.database.db
      .transaction()
      .execute((tx) => queueOutbound(tx, { ...input, files: [] }));
    const refused = await waitFor('16', async () => {
      const answer = await cast.vanthu.get<{
        items: { recipients: { statusCode: string | null; statusDescription: string | null }[] }[];
      }>(`/api/exchange/outbound?sourceId=${input.source.id}`);
      const recipient = answer.body.items[0]?.recipients[0];
      return recipient?.statusCode === '16' ? recipient : null;
    });
    expect(refused.statusDescription).toContain(queued.documentId);
    const row = await boxEntry(cast, queued.documentId, 'revocation');
    expect(row?.state).toBe('refused');

    // The document itself arrives after its revocation (the outbox keeps no order between them):
    // it is recalled on arrival, never waits in the box, and 15 follows the 16.
    const seal = await signerForAgencySeal(t.database.db, await agencyIdOf(t, AGENCY.tuPhap));
    if (!seal) throw new Error('the demo seed gave Sở Tư pháp no seal');
    const pdf = await signPdf(await samplePdf(), seal, {
      reason: 'Phát hành',
      location: 'Đồng Tháp',
      name: 'Sở Tư pháp',
    });
    const late = await queueInput(t, { number: 91, pdf });
    await t.database.db.transaction().execute((tx) => queueOutbound(tx, late));
    const entry = await waitFor('the late document recalled on arrival', async () => {
      const item = await boxEntry(cast, queued.documentId);
      return item?.state === 'recalled' ? item : null;
    });
    expect(entry.recallReason).toBe('Thu hồi văn bản chưa gửi');
    expect(await boxEntry(cast, queued.documentId, 'revocation')).toMatchObject({ state: 'applied' });
    await waitFor('15 after 16', async () => {
      const answer = await cast.vanthu.get<{ items: { recipients: { history: { code: string }[] }[] }[] }>(
        `/api/exchange/outbound?sourceId=${input.source.id}`,
      );
      const codes = answer.body.items[0]?.recipients[0]?.history.map((h) => h.code) ?? [];
      return codes.includes('15') && codes.includes('16');
    });
  }, 120_000);
});

describe('replacement of an issued document', () => {
  it('sends BussinessDocType 3 and links the replaced document at the office', async () => {
    const first = await issueAndDeliver(cast, { summary: 'Về việc ban hành kế hoạch (bản đầu)' });
    const registered = await cast.vanthutinh.post<{ id: string }>(
      `/api/exchange/inbox/${first.entry.id}/register`,
      {},
    );
    expect(registered.status).toBe(201);
    const bad = await cast.chuyenvien.post(DRAFTS, {
      ...decisionBody({ signerId: cast.directorId, recipientAgencyId: cast.officeId }),
      recipients: [{ kind: 'agency', agencyId: cast.officeId }],
      replacesDraftId: crypto.randomUUID(),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('replacesDraftId');

    const second = await issueAndDeliver(cast, {
      summary: 'Về việc ban hành kế hoạch (thay thế)',
      replacesDraftId: first.issued.id,
    });
    expect(second.issued.replacesDraftId).toBe(first.issued.id);
    const old = await cast.vanthutinh.get<IncomingHandling>(
      `/api/documents/incoming/${registered.body.id}/handling`,
    );
    expect(old.body.replacement?.reference).toContain(second.documentId);
    expect(old.body.replacement?.replacedById).toBeNull();
    expect(old.body.status).not.toBe('recalled');
    const newer = await cast.vanthutinh.post<{ id: string }>(
      `/api/exchange/inbox/${second.entry.id}/register`,
      {},
    );
    expect(newer.status, JSON.stringify(newer.body)).toBe(201);
    const linked = await cast.vanthutinh.get<IncomingHandling>(
      `/api/documents/incoming/${registered.body.id}/handling`,
    );
    expect(linked.body.replacement?.replacedById).toBe(newer.body.id);
  }, 120_000);
});
