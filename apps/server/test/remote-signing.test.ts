import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingDraft } from '@tinhso/contracts';
import { verifyPdf } from '../src/modules/signatures/pades-verify.ts';
import {
  configureRemoteSigning,
  remoteSigningSettings,
  type RemoteSigningSettings,
} from '../src/modules/signatures/remote/remote-signing.ts';
import { createRemoteSigningClient } from '../src/modules/signatures/remote/remote-client.ts';
import { readTrustSettings } from '../src/modules/signatures/repository.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import { pdfOf } from './documents-outgoing-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import {
  answerOnPhone,
  approvedDraft,
  demoRootPem,
  DRAFTS,
  phoneRequest,
  remoteSigner,
} from './remote-signing-fixtures.ts';
import { opensslCmsVerify, pdfsig, rawSignatures } from './signatures-tools.ts';

// Remote signing (ký số từ xa, R-SIG-4, ADR 0022) through the HTTP API: the demo's Phó Giám đốc of
// Sở Tư pháp signs an outgoing draft through the simulator, confirming (or refusing) on the phone.

let t: TestApp;
let chuyenvien: TestClient;
let deputy: TestClient;
let signer: Awaited<ReturnType<typeof remoteSigner>>;
let settings: RemoteSigningSettings;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoSigning(t.database.db, { secret: undefined });
  signer = await remoteSigner(t);
  chuyenvien = await t.signedIn('chuyenvien');
  deputy = await t.signedIn(signer.username);
  settings = remoteSigningSettings()!;
}, 180_000);
afterAll(async () => t?.close());
afterEach(() => configureRemoteSigning(settings));

const draftFor = (summary: string) =>
  approvedDraft(t, { drafter: chuyenvien, signer: deputy }, { signerId: signer.officialId, summary });

async function auditCount(type: string, entityId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('audit_event')
    .select('seq')
    .where('type', '=', type)
    .where('entity_id', '=', entityId)
    .execute();
  return rows.length;
}

async function expectUnsigned(draftId: string) {
  const after = await deputy.get<OutgoingDraft>(`${DRAFTS}/${draftId}`);
  expect(after.body.status).toBe('approved');
  expect(after.body.versions.map((version) => version.kind)).not.toContain('signed');
  expect(await auditCount('outgoing.signed', draftId)).toBe(0);
}

describe('signing an outgoing draft with the remote-signing simulator', { timeout: 120_000 }, () => {
  it('waits for the phone, and the signed PDF verifies (verifyPdf, pdfsig, openssl cms)', async () => {
    const draft = await draftFor('Về việc ký số từ xa thử nghiệm');
    const signing = deputy.post<OutgoingDraft>(`${DRAFTS}/${draft.id}/sign`, {});
    const request = await phoneRequest(t, signer.username, draft.summary);
    expect(request.description).toBe('Ký văn bản: Về việc ký số từ xa thử nghiệm');
    // The signing page reads what the phone shows while it waits.
    const mine = await deputy.get<{ isRemote: boolean; pending: { description: string }[] }>(
      '/api/signatures/remote-signing/mine',
    );
    expect(mine.body).toMatchObject({ isRemote: true, pending: [{ description: request.description }] });
    expect(await answerOnPhone(t, request.transactionId, 'confirm')).toBe(200);
    const signed = await signing;
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    const view = await deputy.get<OutgoingDraft>(`${DRAFTS}/${draft.id}`);
    expect(view.body.status).toBe('signed');
    const pdf = await pdfOf(deputy, `${DRAFTS}/${draft.id}/versions/${view.body.currentVersion}/pdf`);
    const reports = await verifyPdf(pdf.bytes, await readTrustSettings(t.database.db, new Date()));
    expect(reports.map((r) => [r.signer?.commonName, r.integrity, r.trust, r.valid, r.problems])).toEqual([
      [signer.fullName, true, 'trusted', true, []],
    ]);
    expect(pdfsig(pdf.bytes).output).toMatch(/Signature is Valid/);
    const rootPem = await demoRootPem(t);
    for (const { cms, signedBytes } of rawSignatures(pdf.bytes)) {
      expect(opensslCmsVerify({ cms, content: signedBytes, rootPem }).output).toContain(
        'Verification successful',
      );
    }
    expect(await auditCount('outgoing.signed', draft.id)).toBe(1);
  });

  it('answers 422 naming remoteSigning when the signer refuses, and leaves the draft unsigned', async () => {
    const draft = await draftFor('Về việc từ chối ký trên điện thoại');
    const signing = deputy.post(`${DRAFTS}/${draft.id}/sign`, {});
    const request = await phoneRequest(t, signer.username, draft.summary);
    expect(await answerOnPhone(t, request.transactionId, 'refuse')).toBe(200);
    const refused = await signing;
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ issues: [{ field: 'remoteSigning' }] });
    expect(String(refused.body.message)).toContain('từ chối');
    await expectUnsigned(draft.id);
  });

  it('gives up after the timeout with a clear error and writes nothing', async () => {
    configureRemoteSigning({ ...settings, timeoutMs: 1200, pollMs: 300 });
    const draft = await draftFor('Về việc hết thời gian chờ xác nhận');
    const started = Date.now();
    const late = await deputy.post(`${DRAFTS}/${draft.id}/sign`, {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ issues: [{ field: 'remoteSigning' }] });
    expect(String(late.body.message)).toContain('hết thời gian');
    await expectUnsigned(draft.id);
    // The request the phone still shows is answered too late: nothing changes.
    const stale = await phoneRequest(t, signer.username, draft.summary);
    expect(await answerOnPhone(t, stale.transactionId, 'confirm')).toBe(200);
    await expectUnsigned(draft.id);
  });

  it('reports an expiry at the provider as such', async () => {
    const draft = await draftFor('Về việc yêu cầu hết hạn tại nhà cung cấp');
    const signing = deputy.post(`${DRAFTS}/${draft.id}/sign`, {});
    const request = await phoneRequest(t, signer.username, draft.summary);
    expect(await answerOnPhone(t, request.transactionId, 'expire')).toBe(200);
    const expired = await signing;
    expect(expired.status).toBe(422);
    expect(String(expired.body.message)).toContain('hết thời gian');
    await expectUnsigned(draft.id);
  });

  it('answers 503 naming remoteSigning when the provider cannot be reached', async () => {
    configureRemoteSigning({
      ...settings,
      client: createRemoteSigningClient({
        baseUrl: 'http://127.0.0.1:9',
        clientId: 'x',
        clientSecret: 'y',
        requestTimeoutMs: 2000,
      }),
    });
    const draft = await draftFor('Về việc không kết nối được dịch vụ');
    const answer = await deputy.post(`${DRAFTS}/${draft.id}/sign`, {});
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ issues: [{ field: 'remoteSigning' }] });
    expect(JSON.stringify(answer.body)).not.toContain('    at ');
    await expectUnsigned(draft.id);
  });

  it('signs by polling alone when no callback can reach the server', async () => {
    configureRemoteSigning({ ...settings, callbackUrl: () => undefined, pollMs: 200 });
    const draft = await draftFor('Về việc ký khi không có callback');
    const signing = deputy.post<OutgoingDraft>(`${DRAFTS}/${draft.id}/sign`, {});
    const request = await phoneRequest(t, signer.username, draft.summary);
    expect(await answerOnPhone(t, request.transactionId, 'confirm')).toBe(200);
    const signed = await signing;
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('signed');
  });
});

describe('the callback of the remote-signing service', { timeout: 120_000 }, () => {
  const callback = (body: object) =>
    fetch(`${t.baseUrl}/api/public/remote-signing/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses an unknown transaction and a signature by another key, then accepts the real one', async () => {
    // Polling far apart: only the callback can end this wait quickly.
    configureRemoteSigning({ ...settings, pollMs: 60_000 });
    const draft = await draftFor('Về việc kiểm tra callback');
    const signing = deputy.post<OutgoingDraft>(`${DRAFTS}/${draft.id}/sign`, {});
    const request = await phoneRequest(t, signer.username, draft.summary);

    const unknown = await callback({ transactionId: 'no-such-transaction', status: 'refused' });
    expect(unknown.status).toBe(404);

    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await callback({
      transactionId: request.transactionId,
      status: 'confirmed',
      signature: sign('sha256', Buffer.from('anything'), stranger).toString('base64'),
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ issues: [{ field: 'signature' }] });
    const malformed = await callback({
      transactionId: request.transactionId,
      status: 'confirmed',
      signature: '***',
    });
    expect(malformed.status).toBe(400);

    const started = Date.now();
    expect(await answerOnPhone(t, request.transactionId, 'confirm')).toBe(200);
    const signed = await signing;
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
