import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteSigningAccount } from '@tinhso/contracts';
import { createRootCa, derOf, exportPkcs8, issueCertificate } from '../src/modules/signatures/demo-ca.ts';
import { configureSigningKeySecret } from '../src/modules/signatures/key-encryption.ts';
import { storeSimulatorUser } from '../src/modules/signatures/remote/simulator-users.ts';
import { officialOf } from './documents-outgoing-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// The remote-signing accounts (signature.manage): which official signs through the service.

let t: TestApp;
let quantri: TestClient;
let giamdoc: TestClient;
let giamdocId: string;
let giamdocName: string;
const base = '/api/signatures/remote-accounts';

async function auditOf(type: string, entityId: string) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['data', 'actor_label'])
    .where('type', '=', type)
    .where('entity_id', '=', entityId)
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  configureSigningKeySecret({ secret: undefined, isDemo: true });
  const root = await createRootCa('CN=Remote Test Root, O=TinhSo Test, C=VN');
  for (const userId of ['cccd-079000000001', 'cccd-079000000002']) {
    const issued = await issueCertificate({
      subject: `CN=Nguyễn Văn ${userId.slice(-1)}, O=Sở Tư pháp, C=VN`,
      issuer: root,
      kind: 'rsa',
      role: 'signing',
    });
    await storeSimulatorUser(t.database.db, {
      userId,
      displayName: `Người dùng ${userId}`,
      pkcs8: await exportPkcs8(issued.keys),
      certificateChain: [derOf(issued.certificate), derOf(root.certificate)],
    });
  }
  quantri = await t.signedIn('quantri');
  giamdoc = await t.signedIn('giamdoc');
  ({ officialId: giamdocId, fullName: giamdocName } = await officialOf(t, 'giamdoc'));
}, 180_000);
afterAll(async () => t?.close());

describe('remote-signing accounts', { timeout: 60_000 }, () => {
  it('are enrolled, replaced, listed and removed by the administrator, each with its audit record', async () => {
    const first = await quantri.post<RemoteSigningAccount>(base, {
      officialId: giamdocId,
      providerUserId: 'cccd-079000000001',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      officialId: giamdocId,
      officialName: giamdocName,
      providerUserId: 'cccd-079000000001',
      algorithm: 'RSASSA-PKCS1-v1_5',
      removedAt: null,
    });
    expect(first.body.subject).toContain('Nguyễn Văn 1');
    const enrolled = await auditOf('remote_signing_account.enrolled', first.body.id);
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]!.data).toMatchObject({ officialId: giamdocId, replaced: null });
    expect(enrolled[0]!.actor_label).toContain('quantri');
    expect((await giamdoc.get('/api/signatures/remote-signing/mine')).body).toEqual({
      isRemote: true,
      pending: [],
    });

    const second = await quantri.post<RemoteSigningAccount>(base, {
      officialId: giamdocId,
      providerUserId: 'cccd-079000000002',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect((await auditOf('remote_signing_account.enrolled', second.body.id))[0]!.data).toMatchObject({
      replaced: first.body.id,
    });
    const current = await quantri.get<{ items: RemoteSigningAccount[] }>(`${base}?officialId=${giamdocId}`);
    // The list names the official, so the administration page needs no second request.
    expect(current.body.items.map((item) => [item.providerUserId, item.officialName])).toEqual([
      ['cccd-079000000002', giamdocName],
    ]);
    const all = await quantri.get<{ items: RemoteSigningAccount[] }>(
      `${base}?officialId=${giamdocId}&includeRemoved=true`,
    );
    expect(all.body.items.map((item) => [item.providerUserId, item.removedAt === null])).toEqual([
      ['cccd-079000000002', true],
      ['cccd-079000000001', false],
    ]);

    const removed = await quantri.request('DELETE', `${base}/${second.body.id}`);
    expect(removed.status).toBe(204);
    expect(await auditOf('remote_signing_account.removed', second.body.id)).toHaveLength(1);
    expect((await quantri.request('DELETE', `${base}/${second.body.id}`)).status).toBe(404);
    expect((await giamdoc.get('/api/signatures/remote-signing/mine')).body).toMatchObject({
      isRemote: false,
    });
  });

  it('answer 403 without signature.manage', async () => {
    const body = { officialId: giamdocId, providerUserId: 'cccd-079000000001' };
    expect((await giamdoc.post(base, body)).status).toBe(403);
    expect((await giamdoc.get(base)).status).toBe(403);
    expect((await giamdoc.request('DELETE', `${base}/${randomUUID()}`)).status).toBe(403);
    expect((await t.client().get(base)).status).toBe(401);
  });

  it('answer 400 naming the field, 422 for a user the service does not know, 404 for no such official', async () => {
    const missing = await quantri.post(base, { officialId: giamdocId });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.issues)).toContain('providerUserId');
    const badId = await quantri.post(base, { officialId: 'abc', providerUserId: 'x' });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body.issues)).toContain('officialId');
    const extra = await quantri.post(base, { officialId: giamdocId, providerUserId: 'x', pin: '1234' });
    expect(extra.status).toBe(400);
    const unknown = await quantri.post(base, { officialId: giamdocId, providerUserId: 'cccd-nobody' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ issues: [{ field: 'providerUserId' }] });
    const nobody = await quantri.post(base, {
      officialId: randomUUID(),
      providerUserId: 'cccd-079000000001',
    });
    expect(nobody.status).toBe(404);
    const stillNone = await quantri.get<{ items: unknown[] }>(`${base}?officialId=${giamdocId}`);
    expect(stillNone.body.items).toEqual([]);
  });
});
