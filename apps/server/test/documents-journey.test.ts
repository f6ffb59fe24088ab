import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import { readTrustSettings } from '../src/modules/signatures/repository.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import { agencyIdOf } from './exchange-fixtures.ts';
import { colleague, createDraft, decisionBody, officialOf } from './documents-outgoing-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// The whole story of issue 4 through the HTTP API of one TinhSo, on the demo province: at Sở Tư
// pháp a specialist drafts a decision for Văn phòng UBND tỉnh, the director approves and signs it,
// the clerk seals, numbers and issues it; the exchange carries it to the office's box, where its
// clerk checks the signatures and registers it, the office's leader writes the instruction and
// assigns it, a specialist handles and completes it; and every status (01, 03, 04, 05, 06) comes
// back to Sở Tư pháp. Each module has its own tests; this one checks that they meet.

interface Recipient {
  recipientCode: string;
  statusCode: string | null;
  history: { code: string }[];
}
interface Inbox {
  items: { id: string; documentId: string; incomingDocumentId: string | null }[];
}

let t: TestApp;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let vanthu: TestClient;
let vanthutinh: TestClient;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoSigning(t.database.db, { secret: undefined });
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  vanthu = await t.signedIn('vanthu');
  vanthutinh = await t.signedIn('vanthutinh');
}, 180_000);
afterAll(async () => t?.close());

describe('a document from Sở Tư pháp to Văn phòng UBND tỉnh and its statuses back', () => {
  it('drafts, signs, seals, issues, delivers, registers, assigns, handles and reports every status', async () => {
    const office = await agencyIdOf(t, AGENCY.vpUbnd);
    const { officialId: directorId } = await officialOf(t, 'giamdoc');
    const base = '/api/documents/outgoing/drafts';

    // Sở Tư pháp: draft → approve → personal signature → seal, number and issue.
    const draft = await createDraft(chuyenvien, {
      ...decisionBody({ signerId: directorId, recipientAgencyId: office }),
      recipients: [{ kind: 'agency', agencyId: office }],
    });
    expect((await chuyenvien.post(`${base}/${draft.id}/submit`, {})).status).toBe(200);
    expect((await giamdoc.post(`${base}/${draft.id}/approve`, {})).status).toBe(200);
    const signed = await giamdoc.post<OutgoingDraft>(`${base}/${draft.id}/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const issued = await vanthu.post<OutgoingDraft>(`${base}/${draft.id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.numberSymbol).toMatch(/^\d{2}\/QĐ-STP$/);

    // The outbox carries the package to the office's box; 01 comes back by itself.
    const sent = await waitFor('the outbound package', async () => {
      const answer = await vanthu.get<{ items: { documentId: string; recipients: Recipient[] }[] }>(
        `/api/exchange/outbound?sourceId=${draft.id}`,
      );
      return answer.body.items[0];
    });
    const entry = await waitFor('the package in the office’s box', async () =>
      (await vanthutinh.get<Inbox>('/api/exchange/inbox')).body.items.find(
        (item) => item.documentId === sent.documentId,
      ),
    );
    const statusCodes = async () => {
      const answer = await vanthu.get<{ items: { recipients: Recipient[] }[] }>(
        `/api/exchange/outbound?sourceId=${draft.id}`,
      );
      return (answer.body.items[0]?.recipients[0]?.history ?? []).map((item) => item.code);
    };
    await waitFor('status 01', async () => (await statusCodes()).includes('01'));

    // The office's clerk registers it: the received PDF carries both signatures, valid and trusted.
    const registered = await vanthutinh.post<{ id: string; scanFileId: string | null }>(
      `/api/exchange/inbox/${entry.id}/register`,
      {},
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const incomingId = registered.body.id;
    const scan = await fetch(`${vanthutinh.baseUrl}/api/documents/incoming/${incomingId}/scan`, {
      headers: { cookie: vanthutinh.cookie },
    });
    expect(scan.status).toBe(200);
    const reports = await verifyPdf(
      new Uint8Array(await scan.arrayBuffer()),
      await readTrustSettings(t.database.db, new Date()),
    );
    expect(reports.map((report) => ({ valid: report.valid, problems: report.problems }))).toEqual([
      { valid: true, problems: [] },
      { valid: true, problems: [] },
    ]);

    // The office's leader instructs and assigns the matter; the demo office has no specialist, so its
    // clerk (who also keeps files and handles, migration 0022) is the lead, records progress, completes.
    const leader = await colleague(t, office, 'chanh_van_phong');
    const leaderClient = await t.signedIn(leader.username);
    const accountOf = async (username: string) =>
      (
        await t.database.db
          .selectFrom('account')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const act = (client: TestClient, action: string, body: object) =>
      client.post(`/api/documents/incoming/${incomingId}/${action}`, body);
    const submitted = await act(vanthutinh, 'submit', { leaderAccountId: await accountOf(leader.username) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const assigned = await act(leaderClient, 'assign', {
      instruction: 'Giao Phòng Hành chính - Tổ chức nghiên cứu, tham mưu.',
      lead: { accountId: await accountOf('vanthutinh') },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const progress = await act(vanthutinh, 'progress', { note: 'Đang tổng hợp ý kiến' });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    const completed = await act(vanthutinh, 'complete', { resultNote: 'Đã tham mưu văn bản trả lời' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);

    // Sở Tư pháp sees every status of Phụ lục VI in order: arrived, registered, assigned, in progress, done.
    const codes = await waitFor('status 06', async () => {
      const now = await statusCodes();
      return now.includes('06') ? now : null;
    });
    expect([...codes].sort()).toEqual(['01', '03', '04', '05', '06']);
  });
});
