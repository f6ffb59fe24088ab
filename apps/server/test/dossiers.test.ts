import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOSSIER_CODE_PATTERN,
  type Dossier,
  type DossierSummary,
  type PublicDossier,
} from '@tinhso/contracts';
import { todayInVietnam } from '../src/platform/time.ts';
import { agencyOf as agencyOfIn, CITIZEN, draftBody as draftBodyAt, uploadPdf } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

const OTHER_CITIZEN = '082185003417';

interface ErrorBody {
  code: string;
  message: string;
  issues?: { field: string; message: string }[];
}

let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let centreId: string;
let centreCode: string;

const agencyOf = (username: string) => agencyOfIn(t, username);
const draftBody = (client: TestClient) => draftBodyAt(client, centreId);

async function fileOnline(client: TestClient = citizen): Promise<Dossier> {
  const draft = await client.post<Dossier>('/api/dossiers', await draftBody(client));
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const submitted = await client.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  const centre = await agencyOf('motcua');
  centreId = centre.id;
  centreCode = centre.code;
});

afterAll(async () => t?.close());

describe('an online dossier from draft to result', () => {
  it('goes draft → submitted → received → processed → approved → returned, and the citizen rates it', async () => {
    const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', code: null, feeAmount: 200000, channel: 'online' });
    expect(draft.body.allowedActions).toEqual(['edit', 'submit', 'discard']);
    expect(draft.body.files).toHaveLength(2);

    const submitted = await citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`);
    expect(submitted.status).toBe(200);
    const code = submitted.body.code!;
    expect(code).toMatch(new RegExp(DOSSIER_CODE_PATTERN));
    const today = todayInVietnam().replaceAll('-', '').slice(2);
    expect(code.startsWith(`${centreCode}-${today}-`)).toBe(true);
    expect(submitted.body).toMatchObject({ status: 'submitted', dvcqgStatus: 1, channelCode: 2 });
    expect(submitted.body.competentAgency.code).toBe('000.00.05.H20');

    const lookup = await t.client().get<PublicDossier>(`/api/public/dossiers/${code}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ code, status: 'submitted', applicantInitials: 'N. T. Mai' });
    expect(JSON.stringify(lookup.body)).not.toContain('Nguyễn Thị Mai');
    expect(lookup.body.events.every((event) => event.actor === null)).toBe(true);

    const queue = await motcua.get<{ items: DossierSummary[] }>('/api/dossiers?status=submitted');
    expect(queue.body.items.map((item) => item.code)).toContain(code);

    const received = await motcua.post<Dossier>(`/api/dossiers/${draft.body.id}/receive`, {
      note: 'Đủ thành phần',
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body).toMatchObject({ status: 'received', dvcqgStatus: 2 });
    expect(received.body.dueAt).not.toBeNull();
    expect(received.body.currentAgency.code).toBe('000.00.05.H20');
    expect(received.body.currentStep?.name).toBe('Thẩm định, trình ký');
    expect(received.body.forms).toContain('01');

    const atSpecialist = await chuyenvien.get<Dossier>(`/api/dossiers/${draft.body.id}`);
    expect(atSpecialist.body.allowedActions).toContain('forward');
    expect(atSpecialist.body.allowedActions).not.toContain('resolve');
    const early = await chuyenvien.post<ErrorBody>(`/api/dossiers/${draft.body.id}/resolve`, {
      outcome: 'approved',
    });
    expect(early.status).toBe(409);
    expect(early.body.issues?.[0]?.message).toContain('forward');

    const forwarded = await chuyenvien.post<Dossier>(`/api/dossiers/${draft.body.id}/forward`, {
      note: 'Đủ điều kiện cấp phiếu',
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body).toMatchObject({ status: 'in_process', dvcqgStatus: 4 });
    expect(forwarded.body.currentStep?.role).toBe('lanh_dao');
    const handOver = forwarded.body.events.at(-1)!;
    expect(handOver).toMatchObject({ action: 'forward', stepName: 'Thẩm định, trình ký' });
    expect(['early', 'on_time', 'late']).toContain(handOver.timeliness);

    const resultId = await uploadPdf(giamdoc, 'phiếu lý lịch tư pháp.pdf');
    const noResult = await giamdoc.post<ErrorBody>(`/api/dossiers/${draft.body.id}/resolve`, {
      outcome: 'approved',
    });
    expect(noResult.status).toBe(400);
    expect(noResult.body.issues?.[0]?.field).toBe('resultFileId');
    const resolved = await giamdoc.post<Dossier>(`/api/dossiers/${draft.body.id}/resolve`, {
      outcome: 'approved',
      resultFileId: resultId,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'returned',
      dvcqgStatus: 10,
      outcome: 'approved',
      deliveryStatus: 'delivered',
    });
    expect(resolved.body.events.map((e) => e.action).slice(-2)).toEqual(['resolve', 'return']);

    const mine = await citizen.get<Dossier>(`/api/dossiers/${draft.body.id}`);
    expect(mine.body.files.find((f) => f.purpose === 'result')?.id).toBe(resultId);
    expect(mine.body.allowedActions).toEqual(['rate']);
    const rated = await citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/rate`, {
      satisfaction: 'satisfied',
      contactsToComplete: 0,
      staffAttitude: 'good',
    });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ satisfaction: 'satisfied' });
    const again = await citizen.post<ErrorBody>(`/api/dossiers/${draft.body.id}/rate`, {
      satisfaction: 'neutral',
    });
    expect(again.status).toBe(409);

    const chain = await t.database.db
      .selectFrom('audit_event')
      .select('data')
      .where('entity_id', '=', draft.body.id)
      .execute();
    expect(chain.length).toBeGreaterThanOrEqual(7);
    const sync = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'dvcqg.sync')
      .execute();
    expect(
      sync.filter((row) => JSON.stringify(row.payload).includes(draft.body.id)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('checks the form and the required components at submission, naming every failing field', async () => {
    const body = await draftBody(citizen);
    const draft = await citizen.post<Dossier>('/api/dossiers', {
      ...body,
      formData: {
        nguoiYeuCau: { hoTen: 'Nguyễn Thị Mai', soDinhDanh: CITIZEN },
        loaiPhieu: 'Phiếu số 3',
        soLuong: 0,
      },
      files: body.files.slice(0, 1),
    });
    expect(draft.status).toBe(201);
    const refused = await citizen.post<ErrorBody>(`/api/dossiers/${draft.body.id}/submit`);
    expect(refused.status).toBe(400);
    const fields = refused.body.issues!.map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining(['formData.loaiPhieu', 'formData.soLuong', 'components.1']),
    );
    const still = await citizen.get<Dossier>(`/api/dossiers/${draft.body.id}`);
    expect(still.body).toMatchObject({ status: 'draft', code: null });
  });

  it('refuses a receiving agency of the wrong kind and a fee case that does not exist', async () => {
    const body = await draftBody(citizen);
    const commune = await agencyOf('canboxa');
    const wrongAgency = await citizen.post<ErrorBody>('/api/dossiers', {
      ...body,
      receivingAgencyId: (
        await t.database.db
          .selectFrom('agency')
          .select('id')
          .where('kind', '=', 'ubnd_tinh')
          .executeTakeFirstOrThrow()
      ).id,
    });
    expect(wrongAgency.status).toBe(400);
    expect(wrongAgency.body.issues?.[0]?.field).toBe('receivingAgencyId');
    const wrongFee = await citizen.post<ErrorBody>('/api/dossiers', { ...body, feeCase: 9 });
    expect(wrongFee.status).toBe(400);
    expect(wrongFee.body.issues?.[0]?.field).toBe('feeCase');
    expect(commune.id).not.toBe(centreId);
  });

  it('keeps another citizen and another agency out: 404 as for a missing dossier', async () => {
    const dossier = await fileOnline();
    const other = await t.signedIn(OTHER_CITIZEN);
    expect((await other.get(`/api/dossiers/${dossier.id}`)).status).toBe(404);
    expect((await other.post(`/api/dossiers/${dossier.id}/withdraw`, {})).status).toBe(404);
    const commune = await t.signedIn('canboxa');
    expect((await commune.get(`/api/dossiers/${dossier.id}`)).status).toBe(404);
    expect((await commune.post(`/api/dossiers/${dossier.id}/receive`, {})).status).toBe(404);
    const worklist = await commune.get<{ items: DossierSummary[] }>('/api/dossiers');
    expect(worklist.body.items.map((item) => item.id)).not.toContain(dossier.id);
    expect((await t.client().get('/api/dossiers/' + dossier.id)).status).toBe(401);
  });

  it('returns the first answer to a repeated submit with the same idempotency key and creates one code', async () => {
    const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen));
    const headers = { 'idempotency-key': `submit-${draft.body.id}` };
    const [first, second] = await Promise.all([
      citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`, {}, headers),
      citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`, {}, headers),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.code).toBe(first.body.code);
    const submits = await t.database.db
      .selectFrom('dossier_event')
      .select('id')
      .where('dossier_id', '=', draft.body.id)
      .where('action', '=', 'submit')
      .execute();
    expect(submits).toHaveLength(1);
  });
});

describe('the counter', () => {
  const paper = async (outcome: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const body = await draftBody(motcua);
    return motcua.post<Dossier>('/api/dossiers/counter', {
      ...body,
      channel: 'counter',
      deliveryMethod: 'counter',
      outcome,
      ...extra,
    });
  };

  it('receives a paper dossier at once with form 01, its scans marked digitised', async () => {
    const answer = await paper({ kind: 'receive' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ status: 'received', channel: 'counter', channelCode: 1 });
    expect(answer.body.code).toMatch(new RegExp(DOSSIER_CODE_PATTERN));
    expect(answer.body.events.map((e) => e.action)).toEqual(['create', 'submit', 'receive']);
    const digitised = await t.database.db
      .selectFrom('dossier_file')
      .select('digitised')
      .where('dossier_id', '=', answer.body.id)
      .execute();
    expect(digitised.every((row) => row.digitised)).toBe(true);
  });

  it('asks for every missing item at once (form 02); the supplement brings it back to the check', async () => {
    const answer = await paper({
      kind: 'request_supplement',
      items: [
        { name: 'Văn bản ủy quyền', reason: 'Người nộp không phải người yêu cầu cấp phiếu' },
        { name: 'Bản sao thẻ căn cước', reason: 'Bản chụp mờ, không đọc được số' },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ status: 'supplement_requested', dvcqgStatus: 5 });
    expect(answer.body.supplements[0]?.items).toHaveLength(2);
    expect(answer.body.forms).toContain('02');
    const supplemented = await motcua.post<Dossier>(`/api/dossiers/${answer.body.id}/supplement`, {
      files: [{ componentIndex: 2, fileId: await uploadPdf(motcua, 'uy-quyen.pdf') }],
    });
    expect(supplemented.status, JSON.stringify(supplemented.body)).toBe(200);
    expect(supplemented.body.status).toBe('submitted');
    expect(supplemented.body.supplements[0]?.completedAt).not.toBeNull();
    const received = await motcua.post<Dossier>(`/api/dossiers/${answer.body.id}/receive`, {});
    expect(received.body.status).toBe('received');
  });

  it('refuses with reasons (form 03) and then allows nothing but a rating by the applicant', async () => {
    const answer = await paper({
      kind: 'refuse',
      reasons: ['Không thuộc thẩm quyền giải quyết của Sở Tư pháp'],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'not_received', dvcqgStatus: 3 });
    expect(answer.body.forms).toContain('03');
    const late = await motcua.post<ErrorBody>(`/api/dossiers/${answer.body.id}/receive`, {});
    expect(late.status).toBe(409);
  });

  it('gives concurrent receipts distinct, consecutive codes', async () => {
    const bodies = await Promise.all(Array.from({ length: 6 }, () => draftBody(motcua)));
    const answers = await Promise.all(
      bodies.map((body) =>
        motcua.post<Dossier>('/api/dossiers/counter', {
          ...body,
          channel: 'counter',
          deliveryMethod: 'counter',
          outcome: { kind: 'receive' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const sequences = answers.map((a) => Number(a.body.code!.slice(-4))).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(6);
    expect(sequences.at(-1)! - sequences[0]!).toBe(5);
  });

  it('hands a counter dossier’s result back at the desk: resolved (9) until returned (10)', async () => {
    const answer = await paper({ kind: 'receive' });
    const id = answer.body.id;
    await chuyenvien.post(`/api/dossiers/${id}/forward`, {});
    const resolved = await giamdoc.post<Dossier>(`/api/dossiers/${id}/resolve`, { outcome: 'approved' });
    expect(resolved.body).toMatchObject({ status: 'resolved', dvcqgStatus: 9, deliveryStatus: 'ready' });
    expect(resolved.body.currentAgency.id).toBe(centreId);
    const returned = await motcua.post<Dossier>(`/api/dossiers/${id}/return`, {
      note: 'Công dân nhận tại quầy',
    });
    expect(returned.body).toMatchObject({ status: 'returned', dvcqgStatus: 10, deliveryStatus: 'delivered' });
  });
});

describe('deadlines', () => {
  async function received(): Promise<Dossier> {
    const body = await draftBody(motcua);
    const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
      ...body,
      channel: 'counter',
      deliveryMethod: 'counter',
      outcome: { kind: 'receive' },
    });
    return answer.body;
  }

  it('allows one apology with a later date, at least a working day before the due date, and refuses a second', async () => {
    const dossier = await received();
    const dueDay = todayInVietnam(new Date(dossier.dueAt!));
    const sameDay = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/apologise`, {
      reason: 'Cần xác minh thêm',
      newDueDate: dueDay,
    });
    expect(sameDay.status).toBe(400);
    expect(sameDay.body.issues?.[0]?.field).toBe('newDueDate');
    const newDate = new Date(new Date(dossier.dueAt!).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const first = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/apologise`, {
      reason: 'Cần xác minh thông tin tại cơ quan công an',
      newDueDate: newDate,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ rescheduled: true, originalDueAt: dossier.dueAt });
    expect(todayInVietnam(new Date(first.body.dueAt!))).toBe(newDate);
    expect(first.body.forms).toContain('04');
    const second = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/apologise`, {
      reason: 'Lần hai',
      newDueDate: newDate,
    });
    expect(second.status).toBe(409);
  });

  it('refuses an apology sent on the due date itself', async () => {
    const dossier = await received();
    await t.database.db
      .updateTable('dossier')
      // Due at the end of today in Vietnam, whatever the hour the test runs.
      .set({ due_at: new Date(`${todayInVietnam()}T23:59:00+07:00`) })
      .where('id', '=', dossier.id)
      .execute();
    const late = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/apologise`, {
      reason: 'Chậm',
      newDueDate: '2099-01-01',
    });
    expect(late.status).toBe(400);
    expect(late.body.issues?.[0]?.message).toMatch(/ngày làm việc/);
  });

  it('needs a justification for a supplement request more than 3 working days after receipt, then restarts the deadline', async () => {
    const dossier = await received();
    // Received 20 days ago and due 5 days ago: the restart gives a due date in the future.
    const firstDue = new Date(Date.now() - 5 * 86_400_000);
    await t.database.db
      .updateTable('dossier')
      .set({ received_at: new Date(Date.now() - 20 * 86_400_000), due_at: firstDue, first_due_at: firstDue })
      .where('id', '=', dossier.id)
      .execute();
    const items = [{ name: 'Giấy xác nhận nơi cư trú', reason: 'Cần đối chiếu nơi cư trú trước đây' }];
    const unjustified = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/request-supplement`, {
      items,
    });
    expect(unjustified.status).toBe(400);
    expect(unjustified.body.issues?.[0]?.field).toBe('justification');
    const justified = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/request-supplement`, {
      items,
      justification: 'Phát hiện khi xác minh với cơ quan công an',
    });
    expect(justified.status, JSON.stringify(justified.body)).toBe(200);
    expect(justified.body.supplements[0]).toMatchObject({ stage: 'appraisal' });
    const before = new Date(justified.body.dueAt!).getTime();
    const completed = await motcua.post<Dossier>(`/api/dossiers/${dossier.id}/supplement`, {
      files: [{ componentIndex: 2, fileId: await uploadPdf(motcua, 'xac-nhan.pdf') }],
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.status).toBe('in_process');
    expect(new Date(completed.body.dueAt!).getTime()).toBeGreaterThanOrEqual(before);
    // The due date given at receipt is kept for QĐ 766 indicator 2.1 (R-CAL-7).
    const kept = await t.database.db
      .selectFrom('dossier')
      .select(['first_due_at', 'due_at'])
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(kept.first_due_at?.toISOString()).toBe(firstDue.toISOString());
    expect(kept.due_at!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('printed forms, register, fee and notices', () => {
  const pdfText = async (client: TestClient, path: string) => {
    const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) return { status: response.status, text: '' };
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'tinhso-pdf-'));
    writeFileSync(join(dir, 'form.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
    // Table cells wrap (-raw keeps a cell's lines together): compare without white space.
    return { status: 200, text: text.replace(/\s+/g, '') };
  };

  it('prints form 01 with the code and the applicant, 06 from the action log, and refuses a form with no history', async () => {
    const dossier = await fileOnline();
    await motcua.post(`/api/dossiers/${dossier.id}/receive`, {});
    await chuyenvien.post(`/api/dossiers/${dossier.id}/forward`, { note: 'Đủ điều kiện' });
    const receipt = await pdfText(citizen, `/api/dossiers/${dossier.id}/forms/01`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain(dossier.code);
    expect(receipt.text).toContain('NguyễnThịMai');
    expect(receipt.text).toContain('GIẤYTIẾPNHẬNHỒSƠ');
    const slip = await pdfText(chuyenvien, `/api/dossiers/${dossier.id}/forms/06`);
    expect(slip.status).toBe(200);
    expect(slip.text).toContain('Thẩmđịnh,trìnhký');
    expect((await pdfText(citizen, `/api/dossiers/${dossier.id}/forms/04`)).status).toBe(409);
    const other = await t.signedIn(OTHER_CITIZEN);
    expect((await pdfText(other, `/api/dossiers/${dossier.id}/forms/01`)).status).toBe(404);
  });

  it('prints the register of the desk with every dossier received in the period, and not another agency’s', async () => {
    const dossier = await fileOnline();
    await motcua.post(`/api/dossiers/${dossier.id}/receive`, {});
    const today = todayInVietnam();
    const register = await pdfText(
      motcua,
      `/api/dossiers/register?agencyId=${centreId}&from=${today}&to=${today}`,
    );
    expect(register.status).toBe(200);
    expect(register.text).toContain(dossier.code);
    const commune = await agencyOf('canboxa');
    expect(
      (await pdfText(motcua, `/api/dossiers/register?agencyId=${commune.id}&from=${today}&to=${today}`))
        .status,
    ).toBe(404);
  });

  it('invoices the fee at receipt; paying through the payment simulator marks the dossier paid and tells the citizen', async () => {
    const dossier = await fileOnline();
    const received = await motcua.post<Dossier>(`/api/dossiers/${dossier.id}/receive`, {});
    expect(received.body).toMatchObject({ paymentStatus: 'due', feeAmount: 200000 });
    expect(received.body.invoiceId).not.toBeNull();
    const started = await citizen.post<{ redirectUrl: string }>(
      `/api/payments/invoices/${received.body.invoiceId}/start`,
      { returnPath: `/my/dossiers/${dossier.id}` },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const page = await fetch(started.body.redirectUrl);
    const html = await page.text();
    const unescape = (text: string) =>
      text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
        unescape(m[1]!),
        unescape(m[2]!),
      ]),
    );
    const action = new URL(
      unescape(/<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? ''),
      started.body.redirectUrl,
    );
    const pressed = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, result: 'success' }).toString(),
      redirect: 'manual',
    });
    expect(pressed.status).toBe(303);
    const paid = await citizen.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(paid.body.paymentStatus).toBe('paid');
    expect(paid.body.events.map((e) => e.action)).toContain('pay');

    const inbox = await citizen.get<{ items: { subject: string }[] }>('/api/me/notifications?limit=50');
    const subjects = inbox.body.items.map((item) => item.subject);
    expect(subjects).toContain(`Hồ sơ ${dossier.code} đã được tiếp nhận`);
    expect(
      subjects.some(
        (subject) => subject.includes(dossier.code!) && /thanh toán|nộp phí|lệ phí/i.test(subject),
      ),
    ).toBe(true);
  });

  it('sends the applicant’s e-mail through the outbox to the mail simulator', async () => {
    const dossier = await fileOnline();
    await motcua.post(`/api/dossiers/${dossier.id}/receive`, {});
    let sent: { status: string }[] = [];
    for (let attempt = 0; attempt < 120 && !sent.some((row) => row.status === 'sent'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sent = await t.database.db
        .selectFrom('notification')
        .select('status')
        .where('channel', '=', 'email')
        .where('subject', '=', `Hồ sơ ${dossier.code} đã được tiếp nhận`)
        .execute();
    }
    expect(sent.map((row) => row.status)).toContain('sent');
  });
});
