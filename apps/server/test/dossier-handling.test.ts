import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierSummary } from '@tinhso/contracts';
import { todayInVietnam } from '../src/platform/time.ts';
import { agencyOf, CITIZEN, draftBody, uploadPdf } from './dossier-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { compact, downloadPdfText } from './pdf-text.ts';

let t: TestApp;
let citizen: TestClient;
let motcua: TestClient;
let chuyenvien: TestClient;
let giamdoc: TestClient;
/** A specialist of Sở Tài chính: the agency consulted and transferred to. */
let taichinh: TestClient;
let taichinhId: string;
let centreId: string;

interface ErrorBody {
  code: string;
  issues?: { field: string; message: string }[];
}

/** A staff member of an agency (by code) from the demo province. */
async function staffOf(agencyCode: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('agency as g', 'g.id', 'p.agency_id')
    .select('a.username')
    .where('g.code', '=', agencyCode)
    .where('p.position_type', '=', 'chuyen_vien')
    .executeTakeFirstOrThrow();
  return row.username;
}

async function submittedOnline(): Promise<Dossier> {
  const draft = await citizen.post<Dossier>('/api/dossiers', await draftBody(citizen, centreId));
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const submitted = await citizen.post<Dossier>(`/api/dossiers/${draft.body.id}/submit`);
  expect(submitted.status).toBe(200);
  return submitted.body;
}

async function atSpecialist(): Promise<Dossier> {
  const body = await draftBody(motcua, centreId);
  const answer = await motcua.post<Dossier>('/api/dossiers/counter', {
    ...body,
    channel: 'counter',
    deliveryMethod: 'counter',
    outcome: { kind: 'receive' },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await t.signedIn(CITIZEN);
  motcua = await t.signedIn('motcua');
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  taichinh = await t.signedIn(await staffOf('000.00.03.H20'));
  taichinhId = (
    await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', '000.00.03.H20')
      .executeTakeFirstOrThrow()
  ).id;
  centreId = (await agencyOf(t, 'motcua')).id;
});

afterAll(async () => t?.close());

describe('consultation and transfer between agencies', () => {
  it('asks another agency with a deadline; it sees the dossier, answers once, and a third agency cannot', async () => {
    const dossier = await atSpecialist();
    const dueDate = todayInVietnam(new Date(Date.now() + 5 * 86_400_000));
    const asked = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/consult`, {
      agencyId: taichinhId,
      question: 'Đề nghị cho ý kiến về nghĩa vụ tài chính của người yêu cầu',
      dueDate,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const consultation = asked.body.consultations[0]!;
    expect(consultation).toMatchObject({ dueDate, answer: null });
    expect(asked.body.status).toBe('in_process');

    const seen = await taichinh.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    const replyPath = `/api/dossiers/${dossier.id}/consultations/${consultation.id}/reply`;
    const commune = await t.signedIn('canboxa');
    expect((await commune.post(replyPath, { answer: 'Không' })).status).toBe(403);
    const answered = await taichinh.post(replyPath, {
      answer: 'Người yêu cầu không còn nợ nghĩa vụ tài chính',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect((await taichinh.post<ErrorBody>(replyPath, { answer: 'Lần hai' })).status).toBe(409);
    const after = await chuyenvien.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(after.body.consultations[0]?.answer).toBe('Người yêu cầu không còn nợ nghĩa vụ tài chính');
    expect(after.body.events.at(-1)?.action).toBe('reply_consultation');
  });

  it('refuses to consult the agency that holds the dossier or with a past deadline', async () => {
    const dossier = await atSpecialist();
    const justice = dossier.currentAgency.id;
    const same = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/consult`, {
      agencyId: justice,
      question: 'Câu hỏi',
      dueDate: todayInVietnam(),
    });
    expect(same.status).toBe(400);
    expect(same.body.issues?.[0]?.field).toBe('agencyId');
    const past = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/consult`, {
      agencyId: taichinhId,
      question: 'Câu hỏi',
      dueDate: '2020-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.issues?.[0]?.field).toBe('dueDate');
  });

  it('hands the dossier over to another agency (liên thông): the hand-over is logged and the new agency acts', async () => {
    const dossier = await atSpecialist();
    const moved = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/transfer`, {
      agencyId: taichinhId,
      note: 'Chuyển Sở Tài chính thẩm định phần nghĩa vụ tài chính',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.currentAgency.id).toBe(taichinhId);
    expect(moved.body.events.at(-1)).toMatchObject({ action: 'transfer', stepName: 'Thẩm định, trình ký' });
    expect(['early', 'on_time', 'late']).toContain(moved.body.events.at(-1)?.timeliness);
    expect(moved.body.allowedActions).not.toContain('forward');
    const there = await taichinh.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(there.body.allowedActions).toContain('forward');
    const worklist = await taichinh.get<{ items: DossierSummary[] }>('/api/dossiers');
    expect(worklist.body.items.map((item) => item.id)).toContain(dossier.id);
  });
});

describe('steps, ends and forms', () => {
  it('acts once on a repeated action with the same Idempotency-Key (a double click)', async () => {
    const dossier = await atSpecialist();
    const headers = { 'idempotency-key': `forward-${dossier.id}` };
    const first = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {}, headers);
    const second = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {}, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.currentStep?.role).toBe('lanh_dao');
    expect(second.body.events.filter((event) => event.action === 'forward')).toHaveLength(1);
  });

  it('sends a dossier back from the leader to the specialist with the reason', async () => {
    const dossier = await atSpecialist();
    await chuyenvien.post(`/api/dossiers/${dossier.id}/forward`, {});
    const back = await giamdoc.post<Dossier>(`/api/dossiers/${dossier.id}/send-back`, {
      reason: 'Bổ sung ý kiến thẩm định về mục đích sử dụng',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.currentStep?.name).toBe('Thẩm định, trình ký');
    expect(back.body.events.at(-1)).toMatchObject({
      action: 'send_back',
      note: 'Bổ sung ý kiến thẩm định về mục đích sử dụng',
    });
    const first = await chuyenvien.post<ErrorBody>(`/api/dossiers/${dossier.id}/send-back`, { reason: 'x' });
    expect(first.status).toBe(409);
  });

  it('assigns the next step to a named official, who finds it under "mine"', async () => {
    const dossier = await atSpecialist();
    const leader = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'giamdoc')
      .executeTakeFirstOrThrow();
    const assigned = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/forward`, {
      assigneeId: leader.id,
    });
    expect(assigned.body.assignee?.id).toBe(leader.id);
    const mine = await giamdoc.get<{ items: DossierSummary[] }>('/api/dossiers?mine=true');
    expect(mine.body.items.map((item) => item.id)).toContain(dossier.id);
    const other = await atSpecialist();
    const stranger = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'canboxa')
      .executeTakeFirstOrThrow();
    const refused = await chuyenvien.post<ErrorBody>(`/api/dossiers/${other.id}/forward`, {
      assigneeId: stranger.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues?.[0]?.field).toBe('assigneeId');
  });

  it('stops processing with form 05 giving the reason', async () => {
    const dossier = await atSpecialist();
    const stopped = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/stop`, {
      reason: 'Người yêu cầu đang bị truy cứu trách nhiệm hình sự',
    });
    expect(stopped.body).toMatchObject({ status: 'stopped', dvcqgStatus: 8 });
    const notice = await downloadPdfText(chuyenvien, `/api/dossiers/${dossier.id}/forms/05`);
    expect(notice.status).toBe(200);
    expect(notice.text).toContain(compact('đang bị truy cứu trách nhiệm hình sự'));
    expect((await chuyenvien.post(`/api/dossiers/${dossier.id}/forward`, {})).status).toBe(409);
  });

  it('lets the citizen withdraw a submitted dossier (7), printed as a withdrawal on form 05', async () => {
    const dossier = await submittedOnline();
    const withdrawn = await citizen.post<Dossier>(`/api/dossiers/${dossier.id}/withdraw`, {
      reason: 'Không còn nhu cầu',
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', dvcqgStatus: 7 });
    const notice = await downloadPdfText(citizen, `/api/dossiers/${dossier.id}/forms/05`);
    expect(notice.status).toBe(200);
    expect(notice.text).toMatch(/rút/i);
  });

  it('lets the citizen answer a supplement request online; form 02 lists every item; form 03 the reasons', async () => {
    const dossier = await submittedOnline();
    const asked = await motcua.post<Dossier>(`/api/dossiers/${dossier.id}/request-supplement`, {
      items: [
        { name: 'Văn bản ủy quyền có chứng thực', reason: 'Người nộp không phải người yêu cầu' },
        { name: 'Ảnh chân dung 4x6', reason: 'Chưa có ảnh' },
      ],
    });
    expect(asked.body.status).toBe('supplement_requested');
    const form = await downloadPdfText(citizen, `/api/dossiers/${dossier.id}/forms/02`);
    expect(form.text).toContain(compact('Văn bản ủy quyền có chứng thực'));
    expect(form.text).toContain(compact('Ảnh chân dung 4x6'));
    const mine = await citizen.get<Dossier>(`/api/dossiers/${dossier.id}`);
    expect(mine.body.allowedActions).toEqual(expect.arrayContaining(['supplement', 'withdraw']));
    const done = await citizen.post<Dossier>(`/api/dossiers/${dossier.id}/supplement`, {
      files: [{ componentIndex: 2, fileId: await uploadPdf(citizen, 'uy-quyen.pdf') }],
      note: 'Đã bổ sung văn bản ủy quyền',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('submitted');
    const refused = await motcua.post<Dossier>(`/api/dossiers/${dossier.id}/refuse`, {
      reasons: ['Giấy tờ tùy thân đã hết hạn sử dụng'],
    });
    expect(refused.body.status).toBe('not_received');
    const slip = await downloadPdfText(citizen, `/api/dossiers/${dossier.id}/forms/03`);
    expect(slip.text).toContain(compact('Giấy tờ tùy thân đã hết hạn sử dụng'));
  });

  it('prints the apology (form 04) with the new date', async () => {
    const dossier = await atSpecialist();
    const newDate = todayInVietnam(new Date(new Date(dossier.dueAt!).getTime() + 10 * 86_400_000));
    const sorry = await chuyenvien.post<Dossier>(`/api/dossiers/${dossier.id}/apologise`, {
      reason: 'Chờ kết quả xác minh của cơ quan công an',
      newDueDate: newDate,
    });
    expect(sorry.status, JSON.stringify(sorry.body)).toBe(200);
    const letter = await downloadPdfText(citizen, `/api/dossiers/${dossier.id}/forms/04`);
    expect(letter.status).toBe(200);
    expect(letter.text).toContain(compact('Chờ kết quả xác minh của cơ quan công an'));
    expect(letter.text).toContain(newDate.split('-').reverse().join('/'));
  });
});

describe('drafts, lists and lookup', () => {
  it('saves a draft, lists it first among my dossiers, and discards it', async () => {
    const body = await draftBody(citizen, centreId);
    const draft = await citizen.post<Dossier>('/api/dossiers', body);
    const saved = await citizen.put<Dossier>(`/api/dossiers/${draft.body.id}`, {
      ...Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'procedureCode')),
      formData: { ...body.formData, mucDich: 'Du học' },
      files: body.files.slice(0, 1),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.formData).toMatchObject({ mucDich: 'Du học' });
    expect(saved.body.files).toHaveLength(1);
    const mine = await citizen.get<{ items: DossierSummary[] }>('/api/me/dossiers');
    expect(mine.body.items[0]?.id).toBe(draft.body.id);
    expect((await motcua.get(`/api/dossiers/${draft.body.id}`)).status).toBe(404);
    expect((await citizen.request('DELETE', `/api/dossiers/${draft.body.id}`)).status).toBe(200);
    expect((await citizen.get(`/api/dossiers/${draft.body.id}`)).status).toBe(404);
  });

  it('lists the work my agency holds now; finished or handed-on dossiers only through a search or a status', async () => {
    const dossier = await atSpecialist();
    const ids = async (client: TestClient, query = '') =>
      (await client.get<{ items: DossierSummary[] }>(`/api/dossiers?limit=200${query}`)).body.items.map(
        (i) => i.id,
      );
    // At Sở Tư pháp now: the specialist's work, no longer the desk's, which still finds it by code.
    expect(await ids(chuyenvien)).toContain(dossier.id);
    expect(await ids(motcua)).not.toContain(dossier.id);
    expect(await ids(motcua, `&q=${dossier.code}`)).toEqual([dossier.id]);
    await chuyenvien.post(`/api/dossiers/${dossier.id}/forward`, {});
    await giamdoc.post(`/api/dossiers/${dossier.id}/resolve`, { outcome: 'approved' });
    // Resolved: back at the desk to be returned.
    expect(await ids(motcua)).toContain(dossier.id);
    await motcua.post(`/api/dossiers/${dossier.id}/return`, {});
    expect(await ids(motcua)).not.toContain(dossier.id);
    expect(await ids(motcua, '&status=returned')).toContain(dossier.id);
  });

  it('filters the worklist by urgency and finds an applicant without diacritics', async () => {
    const late = await atSpecialist();
    await t.database.db
      .updateTable('dossier')
      .set({ due_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', late.id)
      .execute();
    const overdue = await chuyenvien.get<{ items: DossierSummary[] }>('/api/dossiers?urgency=overdue');
    expect(overdue.body.items.map((item) => item.id)).toContain(late.id);
    expect(overdue.body.items.every((item) => item.urgency === 'overdue')).toBe(true);
    const found = await motcua.get<{ items: DossierSummary[] }>('/api/dossiers?q=nguyen%20thi%20mai');
    expect(found.body.items.map((item) => item.id)).toContain(late.id);
    const byCode = await motcua.get<{ items: DossierSummary[] }>(`/api/dossiers?q=${late.code}`);
    expect(byCode.body.items.map((item) => item.id)).toEqual([late.id]);
  });

  it('shows a change on the public lookup at once, although answers are kept a few seconds', async () => {
    const dossier = await submittedOnline();
    const anonymous = t.client();
    const before = await anonymous.get<{ status: string }>(`/api/public/dossiers/${dossier.code}`);
    expect(before.body.status).toBe('submitted');
    await motcua.post(`/api/dossiers/${dossier.id}/receive`, {});
    const after = await anonymous.get<{ status: string }>(`/api/public/dossiers/${dossier.code}`);
    expect(after.body.status).toBe('received');
  });

  it('answers an unknown code 404, a malformed one 400, and throttles lookups per address (429)', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/public/dossiers/000.00.99.H20-260101-0001')).status).toBe(404);
    expect((await anonymous.get('/api/public/dossiers/not-a-code')).status).toBe(400);
    let answer = await anonymous.get('/api/public/dossiers/000.00.99.H20-260101-0001');
    for (let i = 0; i < 40 && answer.status !== 429; i++) {
      answer = await anonymous.get('/api/public/dossiers/000.00.99.H20-260101-0001');
    }
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.body).toMatchObject({ code: 'throttled' });
  });
});
