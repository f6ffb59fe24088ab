import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@tinhso/contracts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { App } from '../src/platform/http.ts';
import { createOutboxWorker, type OutboxWorker } from '../src/platform/outbox.ts';
import { todayInVietnam } from '../src/platform/time.ts';
import { createPortalClient } from '../src/modules/dvcqg/portal-client.ts';
import { dvcqgRoutes } from '../src/modules/dvcqg/routes.ts';
import type { SyncReconciliation } from '../src/modules/dvcqg/reconcile-sync.ts';
import { dvcqgSimulator } from '../src/modules/dvcqg/simulator.ts';
import { createDvcqgSyncHandler, DVCQG_SYNC_TOPIC } from '../src/modules/dvcqg/sync-dossier.ts';
import type { PullReport } from '../src/modules/dvcqg/pull-dossiers.ts';
import { portalTime, type StatusDocument } from '../src/modules/dvcqg/build-payload.ts';
import { openTestDatabase } from './fixture-database.ts';
import { freePort, signInDemo, TestClient } from './harness.ts';

// The composition root (app.ts) does not mount the DVCQG adapter yet: this file builds the app and
// registers the adapter's routes and the portal simulator before listening. Its own outbox worker
// runs only the dvcqg.sync handler, one batch when a test says so.
const TOKEN = 'dvcqg-test-token-0123456789';
const CITIZEN = '087099001234';
const LLTP = '2.000488'; // Phiếu lý lịch tư pháp: Sở Tư pháp decides, received at the province centre
const KHAI_SINH = '1.001193'; // Đăng ký khai sinh: no fee, a commune decides, received at the centre too
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');

let app: App;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let baseUrl: string;
let worker: OutboxWorker;
let citizen: TestClient;
let motcua: TestClient;
let quantri: TestClient;
let centre: { id: string; code: string };
let commune: { code: string };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const signedIn = (username: string) => signInDemo(baseUrl, database.db, username);

beforeAll(async () => {
  database = await openTestDatabase();
  // The app's own outbox worker has no dvcqg.sync handler yet: it polls once at start and then only
  // after a minute, so that this file's worker is the one that handles the sync messages.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    WEB_DIST_DIR: '/nonexistent',
    OUTBOX_POLL_MS: '60000',
  });
  app = await buildApp(config, database);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const client = createPortalClient({
    baseUrl: `${baseUrl}/simulators/dvcqg`,
    token: TOKEN,
    unitCode: 'H20',
  });
  await app.register(dvcqgRoutes, { db: database.db, client });
  await app.register(dvcqgSimulator, { prefix: '/simulators/dvcqg', token: TOKEN });
  await app.listen({ port, host: '127.0.0.1' });
  worker = createOutboxWorker({
    db: database.db,
    handlers: {
      [DVCQG_SYNC_TOPIC]: createDvcqgSyncHandler({
        db: database.db,
        client,
        logger: silent,
        resultLink: (dossierId, fileId) => `${baseUrl}/api/dossiers/${dossierId}/files/${fileId}`,
      }),
    },
    logger: silent,
    pollMs: 60_000,
    batchSize: 100,
    maxAttempts: 5,
    random: () => 0,
  });
  centre = await database.db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('kind', '=', 'trung_tam_phvhcc')
    .where('level', '=', 'province')
    .executeTakeFirstOrThrow();
  commune = await database.db
    .selectFrom('agency')
    .select('code')
    .where('kind', '=', 'ubnd_xa')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  citizen = await signedIn(CITIZEN);
  motcua = await signedIn('motcua');
  quantri = await signedIn('quantri');
});
afterAll(async () => {
  await worker.stop();
  await app.close();
  await database.drop();
});

/** Runs the sync handler on every message due, as the worker's poll would. */
async function syncNow() {
  // Other topics (notifications) have no handler here and only wait; the dvcqg ones are handled.
  return worker.runOnce();
}

/** What the simulated portal holds, through its own API (with the token). */
async function held(): Promise<(StatusDocument & { NgayCapNhat: string })[]> {
  const response = await fetch(`${baseUrl}/simulators/dvcqg/hoso`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const body = (await response.json()) as { data: (StatusDocument & { NgayCapNhat: string })[] };
  return body.data;
}
const heldOf = async (code: string) => (await held()).find((document) => document.MaHoSo === code);
const failNext = (count: number) =>
  fetch(`${baseUrl}/simulators/dvcqg/fail-next`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
const submitToPortal = (dossier: unknown) =>
  fetch(`${baseUrl}/simulators/dvcqg/submitted`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(dossier),
  });

async function upload(client: TestClient, name: string): Promise<string> {
  const answer = await client.upload<{ id: string }>('/api/files', {
    bytes: PDF,
    name,
    type: 'application/pdf',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

async function fileOnline(): Promise<Dossier> {
  const draft = await citizen.post<Dossier>('/api/dossiers', {
    procedureCode: LLTP,
    receivingAgencyId: centre.id,
    applicant: {
      fullName: 'Nguyễn Thị Mai',
      personalId: CITIZEN,
      address: 'Số 12 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      phone: '0912345678',
      email: 'nguyenthimai@example.com',
    },
    formData: {
      nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: CITIZEN, soDienThoai: '0912345678' },
      loaiPhieu: 'Phiếu số 1',
      soLuong: 1,
      mucDich: 'Bổ sung hồ sơ xin việc',
    },
    feeCase: 0,
    deliveryMethod: 'online',
    files: [
      { componentIndex: 0, fileId: await upload(citizen, 'tờ khai.pdf') },
      { componentIndex: 1, fileId: await upload(citizen, 'cccd.pdf') },
    ],
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const submitted = await citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

async function receive(id: string): Promise<Dossier> {
  const received = await motcua.post<Dossier>(`/api/dossiers/${id}/receive`, { note: 'Đủ thành phần' });
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  return received.body;
}

const attemptsOf = (dossierId: string) =>
  database.db
    .selectFrom('dvcqg_sync')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();
const syncStatusOf = async (dossierId: string) =>
  (
    await database.db
      .selectFrom('dossier')
      .select('sync_status')
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow()
  ).sync_status;

/** Brings the retries of failed sync messages forward, as if their backoff had passed. */
const makeRetriesDue = () =>
  database.db
    .updateTable('outbox')
    .set({ available_at: new Date(Date.now() - 1000) })
    .where('topic', '=', DVCQG_SYNC_TOPIC)
    .where('processed_at', 'is', null)
    .execute();

const received: string[] = [];

describe('sending a dossier’s state to the portal', () => {
  it('sends the received dossier as 2 with its fields; every attempt is recorded and the dossier is synced', async () => {
    const filed = await fileOnline();
    const dossier = await receive(filed.id);
    received.push(dossier.id);
    await syncNow();

    const document = await heldOf(dossier.code!);
    expect(document).toMatchObject({
      MaHoSo: dossier.code,
      MaTTHC: LLTP,
      TrangThaiHoSo: 2,
      KenhThucHien: 2,
      MaCoQuan: centre.code,
      SoDinhDanh: CITIZEN,
      HoTen: 'Nguyễn Thị Mai',
      ThoiGianGiaiQuyet: 10,
      DonViTinh: 'Ngày',
      DuocThanhToanTrucTuyen: 0,
      DanhSachLePhi: [expect.objectContaining({ Gia: 200000 })],
      MaKetQua: null,
    });
    expect(document?.NgayNopHoSo).toMatch(/^\d{14}$/);
    expect(document?.NgayTiepNhan).toMatch(/^\d{14}$/);
    expect(document?.NgayHenTra).toMatch(/^\d{14}$/);
    expect(document?.TaiLieuNop).toEqual([
      expect.objectContaining({
        TenTepDinhKem: 'tờ khai.pdf',
        DuocSoHoa: 0,
        DuocLayTuKhoDMQG: 0,
        HashTepTin: PDF_SHA256,
      }),
      expect.objectContaining({
        TenTepDinhKem: 'cccd.pdf',
        DuocSoHoa: 0,
        DuocLayTuKhoDMQG: 0,
        HashTepTin: PDF_SHA256,
      }),
    ]);
    expect(document?.QuaTrinhXuLy.map((step) => step.TrangThai)).toEqual([1, 2]);
    expect(document?.QuaTrinhXuLy[1]?.NoiDungXuLy).toContain('Đủ thành phần');

    // Two events (submit, receive), two messages; both send the state as it is now.
    const attempts = await attemptsOf(dossier.id);
    expect(attempts.map((a) => [a.status_code, a.error, a.acknowledged_at !== null])).toEqual([
      [2, null, true],
      [2, null, true],
    ]);
    expect(await syncStatusOf(dossier.id)).toBe('synced');
    const mine = await motcua.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(mine.body.syncStatus).toBe('synced');

    const listed = await quantri.get<{ items: { statusCode: number; acknowledgedAt: string | null }[] }>(
      `/api/dvcqg/dossiers/${dossier.id}/sync`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.every((item) => item.statusCode === 2 && item.acknowledgedAt)).toBe(true);
  });

  it('records a refused attempt, marks the dossier failed, and the outbox retry then syncs it', async () => {
    const filed = await fileOnline();
    await syncNow();
    expect((await heldOf(filed.code!))?.TrangThaiHoSo).toBe(1);

    await failNext(1);
    await receive(filed.id);
    received.push(filed.id);
    const first = await syncNow();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    const failed = (await attemptsOf(filed.id)).at(-1)!;
    expect(failed).toMatchObject({ status_code: 2, acknowledged_at: null, attempt: 1 });
    expect(failed.error).toContain('99');
    expect(await syncStatusOf(filed.id)).toBe('failed');
    expect((await heldOf(filed.code!))?.TrangThaiHoSo).toBe(1);
    const waiting = await database.db
      .selectFrom('outbox')
      .select(['attempts', 'last_error', 'processed_at'])
      .where('id', '=', failed.outbox_id!)
      .executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ attempts: 1, processed_at: null });
    expect(waiting.last_error).toContain('SyncRefusedError');

    await makeRetriesDue();
    await syncNow();
    const retried = (await attemptsOf(filed.id)).at(-1)!;
    expect(retried).toMatchObject({ outbox_id: failed.outbox_id, attempt: 2, status_code: 2, error: null });
    expect(retried.acknowledged_at).not.toBeNull();
    expect(await syncStatusOf(filed.id)).toBe('synced');
    expect((await heldOf(filed.code!))?.TrangThaiHoSo).toBe(2);
  });

  it('handles the same event twice without harm: the portal gets the latest state again, both attempts recorded', async () => {
    const dossierId = received[0]!;
    const [last] = await database.db
      .selectFrom('dvcqg_sync')
      .select('event_id')
      .where('dossier_id', '=', dossierId)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    const before = (await attemptsOf(dossierId)).length;
    const heldBefore = (await held()).length;
    await database.db
      .insertInto('outbox')
      .values({ topic: DVCQG_SYNC_TOPIC, payload: JSON.stringify({ dossierId, eventId: last!.event_id }) })
      .execute();
    await syncNow();
    const attempts = await attemptsOf(dossierId);
    expect(attempts).toHaveLength(before + 1);
    expect(attempts.at(-1)).toMatchObject({ event_id: last!.event_id, status_code: 2, error: null });
    expect(await syncStatusOf(dossierId)).toBe('synced');
    expect(await held()).toHaveLength(heldBefore);
  });

  it('lets only integration managers see the attempts', async () => {
    const id = received[0]!;
    expect((await motcua.get(`/api/dvcqg/dossiers/${id}/sync`)).status).toBe(403);
    expect((await new TestClient(baseUrl).get(`/api/dvcqg/dossiers/${id}/sync`)).status).toBe(401);
    expect((await quantri.get('/api/dvcqg/dossiers/00000000-0000-4000-8000-000000000000/sync')).status).toBe(
      404,
    );
  });
});

describe('the simulated portal', () => {
  const post = (body: unknown, token = TOKEN) =>
    fetch(`${baseUrl}/simulators/dvcqg/dongbohoso`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('refuses a wrong token with 401 and names the missing field of a document', async () => {
    expect((await post({ data: [] }, 'wrong-token')).status).toBe(401);
    const answer = await post({ data: [{ MaHoSo: 'X.01-261126-0001', TrangThaiHoSo: 2 }] });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      error_code: '1',
      message: 'Thiếu hoặc sai trường: data[0].MaTTHC',
    });
  });
});

// Filed on the portal a moment ago, so that the import counts on today's line of the reconciliation.
const filedOnPortalAt = new Date(Math.floor(Date.now() / 1000) * 1000);

const filedOnPortal = (code: string, overrides: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaTTHC: KHAI_SINH,
  MaCoQuan: centre.code,
  MaCoQuanGiaiQuyet: commune.code,
  NgayNopHoSo: portalTime(filedOnPortalAt),
  ChuHoSo: {
    HoTen: 'Trần Văn Bình',
    SoDinhDanh: '082185003417',
    DiaChi: 'Số 3 đường Nguyễn Huệ, phường Mỹ Tho, tỉnh Đồng Tháp',
    SoDienThoai: '0987654321',
  },
  DuLieuBieuMau: { hoTenTre: 'Trần Minh An', ngaySinh: '2026-11-20' },
  ...overrides,
});

describe('dossiers filed on the national portal', () => {
  it('imports each one as submitted under its own code; a malformed or unknown one is refused and the next still comes in', async () => {
    await submitToPortal(filedOnPortal('G22.99-20261126-0000001'));
    await submitToPortal(filedOnPortal('G22.99-20261126-0000002', { MaTTHC: undefined }));
    await submitToPortal(filedOnPortal('G22.99-20261126-0000003', { MaTTHC: '9.999999' }));
    await submitToPortal(filedOnPortal('G22.99-20261126-0000004'));

    expect((await motcua.post('/api/dvcqg/pull')).status).toBe(403);
    const pulled = await quantri.post<PullReport>('/api/dvcqg/pull');
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    expect(pulled.body).toMatchObject({ received: 4, imported: 2, refused: 2 });
    expect(pulled.body.items.map((item) => [item.code, item.status, item.created])).toEqual([
      ['G22.99-20261126-0000001', 'imported', true],
      ['G22.99-20261126-0000002', 'refused', false],
      ['G22.99-20261126-0000003', 'refused', false],
      ['G22.99-20261126-0000004', 'imported', true],
    ]);
    expect(pulled.body.items[1]?.reason).toContain('MaTTHC');
    expect(pulled.body.items[2]?.reason).toContain('procedureCode');

    const first = await motcua.get<Dossier>(`/api/dossiers/${pulled.body.items[0]!.dossierId}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      code: 'G22.99-20261126-0000001',
      status: 'submitted',
      channel: 'online',
      procedureCode: KHAI_SINH,
    });
    expect(first.body.receivingAgency.code).toBe(centre.code);
    expect(first.body.submittedAt).toBe(filedOnPortalAt.toISOString());

    const inbound = await database.db
      .selectFrom('dvcqg_inbound')
      .select(['code', 'status', 'reason', 'document'])
      .orderBy('id')
      .execute();
    expect(inbound.map((row) => row.status)).toEqual(['imported', 'refused', 'refused', 'imported']);
    expect(inbound[1]?.document).toMatchObject({ MaHoSo: 'G22.99-20261126-0000002' });
    expect(inbound[0]?.document).toBeNull();
  });

  it('creates nothing when pulling again, nor when the portal sends the same dossier a second time', async () => {
    const again = await quantri.post<PullReport>('/api/dvcqg/pull');
    expect(again.body).toMatchObject({ received: 0, imported: 0, refused: 0 });

    await submitToPortal(filedOnPortal('G22.99-20261126-0000001'));
    const replay = await quantri.post<PullReport>('/api/dvcqg/pull');
    expect(replay.body.items).toEqual([
      expect.objectContaining({ code: 'G22.99-20261126-0000001', status: 'imported', created: false }),
    ]);
    const copies = await database.db
      .selectFrom('dossier')
      .select('id')
      .where('code', '=', 'G22.99-20261126-0000001')
      .execute();
    expect(copies).toHaveLength(1);
  });

  it('answers 503 when the portal cannot be reached, and records the run', async () => {
    await failNext(1);
    const failed = await quantri.post<{ code: string }>('/api/dvcqg/pull');
    expect(failed.status).toBe(503);
    const run = await database.db
      .selectFrom('dvcqg_pull_run')
      .select(['error'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(run.error).toContain('99');
  });
});

describe('the reconciliation', () => {
  it('flags a dossier whose last sync failed, compares with the portal’s list, and computes indicator 1.4', async () => {
    await syncNow(); // the imported dossiers' messages
    const filed = await fileOnline();
    await syncNow();
    await failNext(1);
    await receive(filed.id);
    received.push(filed.id);
    await syncNow();
    expect(await syncStatusOf(filed.id)).toBe('failed');
    // A dossier the portal holds that the back office does not know.
    await fetch(`${baseUrl}/simulators/dvcqg/dongbohoso`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ data: [{ ...(await heldOf(filed.code!)), MaHoSo: 'ZZZ.00-261126-0001' }] }),
    });

    const today = todayInVietnam();
    const yesterday = todayInVietnam(new Date(Date.now() - 86_400_000));
    const path = `/api/dvcqg/reconciliation?from=${yesterday}&to=${today}`;
    expect((await motcua.get(path)).status).toBe(403);
    const report = await quantri.get<SyncReconciliation>(path);
    expect(report.status, JSON.stringify(report.body)).toBe(200);

    expect(report.body.outOfSync).toEqual([
      expect.objectContaining({
        dossierId: filed.id,
        code: filed.code,
        currentStatus: 2,
        lastAcknowledgedStatus: 1,
        syncStatus: 'failed',
        lastError: expect.stringContaining('99') as string,
      }),
    ]);
    expect(report.body.portal).toMatchObject({
      available: true,
      missingThere: [],
      missingHere: ['ZZZ.00-261126-0001'],
      statusDiffers: [{ code: filed.code, ours: 2, theirs: 1 }],
    });
    const day = report.body.days.find((row) => row.day === today)!;
    expect(day.failed).toBeGreaterThanOrEqual(2);
    expect(day.pending).toBe(1);
    expect(day.acknowledged).toBe(day.messagesSent - day.failed);
    expect(day.dossiersChanged).toBe(received.length + 2);

    // Received in the period: three dossiers at the desk, one of them not acknowledged.
    expect(report.body.indicator14).toEqual({ received: 3, synced: 2, rate: 66.67, display: '66.67%' });

    const empty = await quantri.get<SyncReconciliation>(
      '/api/dvcqg/reconciliation?from=2020-01-01&to=2020-01-02',
    );
    expect(empty.body.indicator14).toEqual({ received: 0, synced: 0, rate: null, display: 'N/A' });
    const tooLong = await quantri.get<{ issues: { field: string }[] }>(
      '/api/dvcqg/reconciliation?from=2026-01-01&to=2026-03-01',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.issues[0]?.field).toBe('to');
  });
});
