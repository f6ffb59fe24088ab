import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../src/platform/outbox.ts';
import { buildEdxml } from '../src/modules/exchange/edxml/index.ts';
import { createAxisClient } from '../src/modules/exchange/axis/axis-client.ts';
import { pullFromAxis, syncDirectoryFromAxis } from '../src/modules/exchange/axis/axis-pull.ts';
import { queueOutbound } from '../src/modules/exchange/queue-outbound.ts';
import { receiveMessage } from '../src/modules/exchange/receive-message.ts';
import { signPdf } from '../src/modules/signatures/pades-sign.ts';
import { signerForAgencySeal } from '../src/modules/signatures/key-store.ts';
import { seedDemoSigning } from '../src/modules/signatures/seed-demo-signing.ts';
import { AGENCY } from '../src/modules/organisation/demo/agencies.ts';
import { agencyIdOf, queueInput } from './exchange-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { samplePdf } from './signatures-tools.ts';
import { congVanEnvelope } from './fixtures/edxml/envelopes.ts';

// Delivery and receipt (issue 4 item 3, parts B–D) on one server: Sở Tư pháp sends to Văn phòng
// UBND tỉnh through the outbox, the package is sealed (XML-DSig) and checked at arrival, statuses go
// back; refused packages are quarantined; the directory and the national-axis simulator.

let t: TestApp;
let signedPdf: Uint8Array;
let vanthu: TestClient;
let vpClerk: TestClient;
let tuPhapId: string;

interface Recipient {
  recipientCode: string;
  sentAt: string | null;
  statusCode: string | null;
  statusDescription: string | null;
  history: { code: string }[];
}
interface Outbound {
  items: { documentId: string; recipients: Recipient[] }[];
}
interface Inbox {
  items: {
    id: string;
    documentId: string;
    state: string;
    signer: string | null;
    incomingDocumentId: string | null;
  }[];
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function send(number: number, recipientCodes = [AGENCY.vpUbnd]) {
  const input = await queueInput(t, { number, pdf: signedPdf, recipientCodes });
  const queued = await t.database.db.transaction().execute((tx) => queueOutbound(tx, input));
  return { ...queued, sourceId: input.source.id };
}

const statusOf = async (sourceId: string, code = AGENCY.vpUbnd) => {
  const answer = await vanthu.get<Outbound>(`/api/exchange/outbound?sourceId=${sourceId}`);
  return answer.body.items[0]?.recipients.find((recipient) => recipient.recipientCode === code);
};

const inboxEntry = async (documentId: string) =>
  (await vpClerk.get<Inbox>('/api/exchange/inbox')).body.items.find((item) => item.documentId === documentId);

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoSigning(t.database.db, { secret: undefined });
  tuPhapId = await agencyIdOf(t, AGENCY.tuPhap);
  const seal = await signerForAgencySeal(t.database.db, tuPhapId);
  if (!seal) throw new Error('the demo seed gave Sở Tư pháp no seal');
  signedPdf = await signPdf(await samplePdf(), seal, {
    reason: 'Phát hành',
    location: 'Đồng Tháp',
    name: 'Sở Tư pháp',
  });
  vanthu = await t.signedIn('vanthu');
  const clerk = await t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select('a.username')
    .where('p.position_type', '=', 'van_thu')
    .where('p.agency_id', '=', await agencyIdOf(t, AGENCY.vpUbnd))
    .executeTakeFirstOrThrow();
  vpClerk = await t.signedIn(clerk.username);
}, 180_000);
afterAll(async () => t?.close());

describe('same-server delivery', () => {
  it('delivers a sealed package to the recipient’s box, answers 01, and 03 once the clerk registers it with its PDF', async () => {
    const sent = await send(21);
    const entry = await waitFor('the package in the box', () => inboxEntry(sent.documentId));
    expect(entry.state).toBe('waiting');
    expect(entry.signer).toMatch(/Sở Tư pháp/);
    expect(entry.signer, 'names as a clerk reads them, not a distinguished name').not.toMatch(/CN=/);
    await waitFor('status 01', async () => (await statusOf(sent.sourceId))?.statusCode === '01');

    const registered = await vpClerk.post<{ id: string; numberSymbol: string; scanFileId: string }>(
      `/api/exchange/inbox/${entry.id}/register`,
      {},
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.numberSymbol).toBe('21/STP-VP');
    const scan = await vpClerk.get<string>(`/api/documents/incoming/${registered.body.id}/scan`);
    expect(scan.status).toBe(200);
    const status = await waitFor('status 03', async () => {
      const latest = await statusOf(sent.sourceId);
      return latest?.statusCode === '03' ? latest : null;
    });
    expect(status.history.map((item) => item.code)).toEqual(['01', '03']);
    expect((await inboxEntry(sent.documentId))?.incomingDocumentId).toBe(registered.body.id);
    // Registered once: a second registration of the same entry is refused.
    expect((await vpClerk.post(`/api/exchange/inbox/${entry.id}/register`, {})).status).toBe(409);
  });

  it('receives a package delivered twice once (DocumentId + sender), and reports 01 once', async () => {
    const sent = await send(22);
    await waitFor('status 01', async () => (await statusOf(sent.sourceId))?.statusCode === '01');
    const stored = await t.database.db
      .selectFrom('exchange_package')
      .select('signed_xml')
      .where('id', '=', sent.packageId)
      .executeTakeFirstOrThrow();
    const again = await receiveMessage(t.database.db, { bytes: stored.signed_xml!, transport: 'local' });
    expect(again.outcome).toBe('duplicate');
    const rows = await t.database.db
      .selectFrom('exchange_inbound')
      .select('id')
      .where('document_id', '=', sent.documentId)
      .execute();
    expect(rows).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await statusOf(sent.sourceId))?.history.map((item) => item.code)).toEqual(['01']);
  });

  it('returns a document with a reason: 02 reaches the sender and nothing is registered', async () => {
    const sent = await send(23);
    const entry = await waitFor('the package in the box', () => inboxEntry(sent.documentId));
    const other = await t.signedIn('chuyenvien');
    expect((await other.post(`/api/exchange/inbox/${entry.id}/return`, { reason: 'x' })).status).toBe(403);
    expect((await vanthu.post(`/api/exchange/inbox/${entry.id}/return`, { reason: 'x' })).status).toBe(404);
    expect((await vpClerk.post(`/api/exchange/inbox/${entry.id}/return`, {})).status).toBe(400);
    const returned = await vpClerk.post(`/api/exchange/inbox/${entry.id}/return`, {
      reason: 'Gửi nhầm cơ quan: văn bản thuộc thẩm quyền Sở Nội vụ',
    });
    expect(returned.status).toBe(204);
    const status = await waitFor('status 02', async () => {
      const latest = await statusOf(sent.sourceId);
      return latest?.statusCode === '02' ? latest : null;
    });
    expect(status.statusDescription).toMatch(/Gửi nhầm cơ quan/);
    expect((await inboxEntry(sent.documentId))?.incomingDocumentId).toBeNull();
  });

  it('turns the documents module’s progress into 04, 05 and 06 for a document that came through the exchange', async () => {
    const sent = await send(24);
    const entry = await waitFor('the package in the box', () => inboxEntry(sent.documentId));
    const registered = await vpClerk.post<{ id: string }>(`/api/exchange/inbox/${entry.id}/register`, {});
    expect(registered.status).toBe(201);
    for (const stage of ['assigned', 'in_progress', 'done'] as const) {
      await t.database.db.transaction().execute((tx) =>
        enqueue(tx, 'document.progress', {
          incomingDocumentId: registered.body.id,
          stage,
          at: new Date().toISOString(),
          actorName: 'Chánh Văn phòng',
        }),
      );
    }
    const status = await waitFor('status 06', async () => {
      const latest = await statusOf(sent.sourceId);
      return latest?.history.some((item) => item.code === '06') ? latest : null;
    });
    expect(status.history.map((item) => item.code).sort()).toEqual(['01', '03', '04', '05', '06']);
    expect(status.statusCode).toBe('06');
  });
});

describe('quarantine', () => {
  const quarantined = async (pattern: RegExp) => {
    const list = await vpClerk.get<{ items: { reasons: string[]; senderCode: string | null }[] }>(
      '/api/exchange/quarantine',
    );
    expect(list.status).toBe(200);
    return list.body.items.find((item) => item.reasons.some((reason) => pattern.test(reason)));
  };

  it('keeps a malformed, an unsigned and a tampered package with the reason, registers none of them', async () => {
    const before = await t.database.db.selectFrom('exchange_inbound').select('id').execute();
    const malformed = await receiveMessage(t.database.db, {
      bytes: new TextEncoder().encode('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><oops'),
      transport: 'local',
    });
    expect(malformed.outcome).toBe('quarantined');

    const envelope = congVanEnvelope();
    envelope.messageHeader.from = { organId: AGENCY.tuPhap, organName: 'Sở Tư pháp' };
    envelope.messageHeader.to = [{ organId: AGENCY.vpUbnd, organName: 'Văn phòng UBND tỉnh' }];
    envelope.messageHeader.documentId = `${AGENCY.tuPhap},2026/11/20,99/STP-VP`;
    const unsigned = await receiveMessage(t.database.db, {
      bytes: new TextEncoder().encode(buildEdxml(envelope)),
      transport: 'local',
    });
    expect(unsigned.outcome).toBe('quarantined');
    expect(await quarantined(/no XML-DSig Signature/)).toMatchObject({ senderCode: AGENCY.tuPhap });

    const sent = await send(25);
    await waitFor('delivery', async () => (await statusOf(sent.sourceId))?.sentAt);
    const stored = await t.database.db
      .selectFrom('exchange_package')
      .select('signed_xml')
      .where('id', '=', sent.packageId)
      .executeTakeFirstOrThrow();
    const tampered = new TextDecoder()
      .decode(stored.signed_xml ?? new Uint8Array())
      .replace(sent.documentId, `${AGENCY.tuPhap},2026/11/20,26/STP-VP`)
      .replace('<edXML:CodeNumber>25<', '<edXML:CodeNumber>26<');
    const badlySigned = await receiveMessage(t.database.db, {
      bytes: new TextEncoder().encode(tampered),
      transport: 'local',
    });
    expect(badlySigned).toMatchObject({ outcome: 'quarantined', reasons: [expect.stringMatching(/digest/)] });
    const after = await t.database.db.selectFrom('exchange_inbound').select('id').execute();
    expect(after.length).toBe(before.length + 1); // only no. 25, delivered by the outbox
    expect((await vanthu.get('/api/exchange/quarantine')).status).toBe(200);
    expect((await (await t.signedIn('chuyenvien')).get('/api/exchange/quarantine')).status).toBe(403);
  });

  it('refuses the peer endpoint without the shared secret', async () => {
    const answer = await t.client().request('POST', '/api/exchange/inbound', {
      headers: {
        'content-type': 'application/xml',
        authorization: 'Bearer not-a-peer-secret-at-all-0123456789',
      },
    });
    expect(answer.status).toBe(401);
  });
});

describe('directory and the national axis (simulator)', () => {
  const axis = () =>
    createAxisClient({
      baseUrl: `${t.baseUrl}/simulators/vxp`,
      systemId: 'tinhso-simulated',
      secretKey: 'simulated-axis-secret-key',
    });

  it('imports entries (a peer must be configured), lists this server’s agencies as local', async () => {
    const refused = await vanthu.post<{ issues: { field: string }[] }>('/api/exchange/directory', {
      entries: [{ code: '000.00.00.H21', name: 'UBND tỉnh khác', transport: 'peer', peer: 'nowhere' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((issue) => issue.field)).toEqual(['entries.0.peer']);
    const imported = await vanthu.post('/api/exchange/directory', {
      entries: [{ code: '000.00.00.H21', name: 'UBND tỉnh khác', transport: 'axis' }],
    });
    expect(imported.status).toBe(200);
    const list = await vanthu.get<{ items: { code: string; transport: string }[] }>(
      '/api/exchange/directory',
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ code: AGENCY.tuPhap, transport: 'local' }),
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ code: '000.00.00.H21', transport: 'axis' }),
    );
    expect((await (await t.signedIn('chuyenvien')).get('/api/exchange/directory')).status).toBe(403);
  });

  it('syncs the axis’s agency list, sends to a ministry through the axis and pulls its 01 and 03 back', async () => {
    const client = axis();
    const synced = await syncDirectoryFromAxis(t.database.db, client);
    expect(synced.imported).toBeGreaterThanOrEqual(3);
    const sent = await send(27, ['000.00.00.G12']);
    expect(sent.recipients[0]?.transport).toBe('axis');
    await waitFor(
      'delivery to the axis',
      async () => (await statusOf(sent.sourceId, '000.00.00.G12'))?.sentAt,
    );
    const pulled = await pullFromAxis(t.database.db, client);
    expect(pulled.received).toBeGreaterThanOrEqual(2);
    const status = await statusOf(sent.sourceId, '000.00.00.G12');
    expect(status?.history.map((item) => item.code)).toEqual(['01', '03']);
    // Acknowledged: a second pull finds nothing.
    expect((await pullFromAxis(t.database.db, client)).received).toBe(0);
  });
});
