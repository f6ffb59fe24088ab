import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustAnchorView } from '../src/modules/signatures/trust-list.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import type { VerifyPdfAnswer } from '../src/modules/signatures/schemas.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { createTestPki, der, type TestPki } from './signatures-pki.ts';
import { samplePdf } from './signatures-tools.ts';

let t: TestApp;
let pki: TestPki;
let admin: TestClient;
let signed: Uint8Array;

type Answer = TrustAnchorView & { items?: TrustAnchorView[]; issues?: { field: string }[]; revoked?: number };

function send(
  client: TestClient,
  path: string,
  file: Uint8Array | string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new File([file], 'root.cer'));
  return fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    body: form,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Answer }));
}

const verify = () =>
  t.client().upload<VerifyPdfAnswer>('/api/public/verify-pdf', {
    bytes: signed,
    name: 'a.pdf',
    type: 'application/pdf',
  });

beforeAll(async () => {
  [t, pki] = await Promise.all([startTestApp(), createTestPki()]);
  admin = await t.signedIn('quantri');
  signed = await signPdf(await samplePdf(), pki.official.signer, { reason: 'r', location: 'l', name: 'n' });
});
afterAll(() => t.close());

describe('the trust list', () => {
  it('the administrator trusts a root (PEM), adds the CRLs, and a signature becomes valid; removing the root makes it untrusted again', async () => {
    expect((await verify()).body.signatures[0]).toMatchObject({ trust: 'untrusted', valid: false });
    const added = await send(admin, '/api/signatures/trust-anchors', pki.root.toString('pem'), {
      name: 'Ban Cơ yếu (thử)',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      name: 'Ban Cơ yếu (thử)',
      subject: 'CN=TinhSo Test Root CA, O=TinhSo Test, C=VN',
    });
    expect(
      (await send(admin, '/api/signatures/trust-anchors', der(pki.root), { name: 'again' })).status,
    ).toBe(409);
    for (const crl of [pki.crl, pki.rootCrl]) {
      const answer = await send(admin, '/api/signatures/trust-crls', der(crl));
      expect(answer.status).toBe(201);
    }
    expect((await verify()).body.signatures[0]).toMatchObject({
      trust: 'trusted',
      revocation: 'good',
      valid: true,
    });
    const list = await admin.get<{ items: TrustAnchorView[] }>('/api/signatures/trust-anchors');
    expect(list.body.items.map((a) => a.name)).toContain('Ban Cơ yếu (thử)');
    const removed = await admin.request('DELETE', `/api/signatures/trust-anchors/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect((await admin.request('DELETE', `/api/signatures/trust-anchors/${added.body.id}`)).status).toBe(
      404,
    );
    expect((await verify()).body.signatures[0]).toMatchObject({ trust: 'untrusted', valid: false });
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('type', 'like', 'trust_%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'trust_anchor.added',
      'trust_crl.added',
      'trust_crl.added',
      'trust_anchor.removed',
    ]);
  });

  it('refuses what is not a certificate or a CRL, naming the field, and anyone without signature.manage', async () => {
    const bad = await send(admin, '/api/signatures/trust-anchors', 'not a certificate', { name: 'Bad root' });
    expect([bad.status, bad.body.issues?.[0]?.field]).toEqual([400, 'file']);
    const noName = await send(admin, '/api/signatures/trust-anchors', der(pki.otherRoot));
    expect([noName.status, noName.body.issues?.[0]?.field]).toEqual([400, 'name']);
    const badCrl = await send(admin, '/api/signatures/trust-crls', der(pki.root));
    expect([badCrl.status, badCrl.body.issues?.[0]?.field]).toEqual([400, 'file']);
    const leader = await t.signedIn('giamdoc');
    expect(
      (await send(leader, '/api/signatures/trust-anchors', der(pki.otherRoot), { name: 'x root' })).status,
    ).toBe(403);
    expect((await leader.get('/api/signatures/trust-anchors')).status).toBe(403);
  });
});

describe('POST /api/public/verify-pdf rate limit', () => {
  it('answers 429 past VERIFICATIONS_PER_MINUTE (20) from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await verify()).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20);
  });
});
