import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredIncoming, WorkFileList, WorkFileWithDocuments } from '@tinhso/contracts';
import { yearInVietnam } from '../src/modules/documents/numbering.ts';
import { agencyOf, uploadPdf } from './dossier-fixtures.ts';
import { fieldsOf, otherClerk, type ErrorBody } from './documents-fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

// Work files (hồ sơ công việc, NĐ 30/2020 ch. IV, Phụ lục VI; R-DOC-9, R-ARC-1, R-ARC-2):
// /api/documents/files and its commands, the retention schedule and the archive package.

let t: TestApp;
let vanthu: TestClient;
let chuyenvien: TestClient;
let giamdoc: TestClient;
let agencyId: string;
const year = yearInVietnam(new Date());
let notation = 0;

type FileAnswer = WorkFileWithDocuments & ErrorBody;

async function registered(
  client: TestClient,
  summary: string,
  typeCode: string,
  issuedOn: string,
  scan = false,
) {
  const answer = await client.post<RegisteredIncoming>('/api/documents/incoming', {
    issuerName: 'Ủy ban nhân dân tỉnh',
    numberSymbol: `${Math.floor(Math.random() * 9000) + 100}/${typeCode === 'cong_van' ? 'UBND-VP' : 'QĐ-UBND'}`,
    issuedOn,
    typeCode,
    summary,
    urgency: 'thuong',
    confidentiality: 'thuong',
    ...(scan ? { scanFileId: await uploadPdf(client, 'van-ban.pdf') } : {}),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

const openFile = (client: TestClient, body: Record<string, unknown> = {}) =>
  client.post<FileAnswer>('/api/documents/files', {
    fileNotation: `${String(++notation).padStart(2, '0')}.VP`,
    title: 'Hồ sơ triển khai chuyển đổi số năm nay',
    ...body,
  });
const add = (
  client: TestClient,
  id: string,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
) => client.post<FileAnswer>(`/api/documents/files/${id}/documents`, body, headers);

beforeAll(async () => {
  t = await startTestApp();
  vanthu = await t.signedIn('vanthu');
  chuyenvien = await t.signedIn('chuyenvien');
  giamdoc = await t.signedIn('giamdoc');
  agencyId = (await agencyOf(t, 'vanthu')).id;
});
afterAll(async () => t?.close());

describe('opening and filling a work file', () => {
  it('opens a file with its FileCode, numbers its documents 1…n and follows their retention', async () => {
    const opened = await openFile(chuyenvien);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const agency = await t.database.db
      .selectFrom('agency')
      .select('code')
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(opened.body.fileCode).toBe(`${agency.code}.${year}.${opened.body.fileNotation}`);
    expect(opened.body).toMatchObject({
      state: 'open',
      docTotal: 0,
      retentionFrom: 'documents',
      fileCatalog: year,
    });

    const letter = await registered(vanthu, 'Về việc báo cáo tiến độ', 'cong_van', `${year}-01-03`);
    const decision = await registered(vanthu, 'Quyết định phê duyệt kế hoạch', 'quyet_dinh', `${year}-01-02`);
    expect((await add(chuyenvien, opened.body.id, { incomingDocumentId: letter })).status).toBe(200);
    const filled = await add(chuyenvien, opened.body.id, { incomingDocumentId: decision });
    expect(filled.status).toBe(200);
    expect(filled.body.documents.map((d) => [d.docOrdinal, d.id])).toEqual([
      [1, letter],
      [2, decision],
    ]);
    // A Công văn is kept 10 years, a Quyết định permanently: the file keeps the longer.
    expect(filled.body.documents.map((d) => d.retention)).toEqual([10, 'permanent']);
    expect(filled.body.retention).toBe('permanent');
    expect(filled.body.docTotal).toBe(2);
  });

  it('keeps one document in several files without copying it, but only once per file', async () => {
    const letter = await registered(vanthu, 'Về việc phối hợp', 'cong_van', `${year}-01-04`);
    const first = (await openFile(chuyenvien)).body.id;
    const second = (await openFile(vanthu)).body.id;
    expect((await add(chuyenvien, first, { incomingDocumentId: letter })).status).toBe(200);
    expect((await add(vanthu, second, { incomingDocumentId: letter })).status).toBe(200);
    const again = await add(chuyenvien, first, { incomingDocumentId: letter });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['incomingDocumentId']);
    const rows = await t.database.db
      .selectFrom('work_file_document')
      .selectAll()
      .where('incoming_document_id', '=', letter)
      .execute();
    expect(rows.map((row) => row.work_file_id).sort()).toEqual([first, second].sort());
  });

  it('takes a document out and moves the later ones up', async () => {
    const id = (await openFile(chuyenvien)).body.id;
    const ids: string[] = [];
    for (const day of ['05', '06', '07']) {
      const doc = await registered(vanthu, `Công văn ngày ${day}`, 'cong_van', `${year}-01-${day}`);
      ids.push(doc);
      await add(chuyenvien, id, { incomingDocumentId: doc });
    }
    const removed = await chuyenvien.request<FileAnswer>('DELETE', `/api/documents/files/${id}/documents/1`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.documents.map((d) => [d.docOrdinal, d.id])).toEqual([
      [1, ids[1]],
      [2, ids[2]],
    ]);
    expect((await chuyenvien.request('DELETE', `/api/documents/files/${id}/documents/9`)).status).toBe(404);
  });

  it('answers a retried add once (Idempotency-Key) and refuses bad bodies naming the field', async () => {
    const id = (await openFile(chuyenvien)).body.id;
    const doc = await registered(vanthu, 'Về việc thử lại', 'cong_van', `${year}-01-08`);
    const key = { 'idempotency-key': `wf-${id}` };
    const first = await add(chuyenvien, id, { incomingDocumentId: doc }, key);
    const retry = await add(chuyenvien, id, { incomingDocumentId: doc }, key);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body.documents).toHaveLength(1);

    const both = await add(chuyenvien, id, { incomingDocumentId: doc, outgoingNumberId: doc });
    expect(both.status).toBe(400);
    expect(fieldsOf(both.body)).toEqual(['incomingDocumentId']);
    const neither = await add(chuyenvien, id, {});
    expect(neither.status).toBe(400);
    const badNotation = await openFile(chuyenvien, { fileNotation: 'có dấu cách' });
    expect(badNotation.status).toBe(400);
    expect(fieldsOf(badNotation.body)).toEqual(['fileNotation']);
    const taken = await chuyenvien.post<FileAnswer>('/api/documents/files', {
      fileNotation: (
        await t.database.db
          .selectFrom('work_file')
          .select('file_notation')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).file_notation,
      title: 'Trùng ký hiệu',
    });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['fileNotation']);
  });
});

describe('closing, the archive and another agency', () => {
  it('closes a file: retention frozen, hand-over due a year later; an empty file cannot close', async () => {
    const empty = (await openFile(chuyenvien)).body.id;
    const refused = await chuyenvien.post<FileAnswer>(`/api/documents/files/${empty}/close`, {});
    expect(refused.status).toBe(409);
    expect(fieldsOf(refused.body)).toEqual(['documents']);

    const id = (await openFile(chuyenvien, { kind: 'general' })).body.id;
    await add(chuyenvien, id, {
      incomingDocumentId: await registered(vanthu, 'Giấy mời họp', 'giay_moi', `${year}-01-02`),
    });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const closed = await chuyenvien.post<FileAnswer>(`/api/documents/files/${id}/close`, { endDate: today });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', endDate: today, retention: 5 });
    expect(closed.body.archiveDueOn).toBe(
      `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'),
    );
    // Closed: nothing more goes in, and it appears among the files due for the archive within a year.
    const late = await add(chuyenvien, id, {
      incomingDocumentId: await registered(vanthu, 'Muộn', 'cong_van', `${year}-01-02`),
    });
    expect(late.status).toBe(409);
    const due = await giamdoc.get<WorkFileList>('/api/documents/files?archiveDueWithinDays=366');
    expect(due.body.items.map((f) => f.id)).toContain(id);
    const notYet = await giamdoc.get<WorkFileList>('/api/documents/files?archiveDueWithinDays=30');
    expect(notYet.body.items.map((f) => f.id)).not.toContain(id);

    const archived = await vanthu.post<FileAnswer>(`/api/documents/files/${id}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.state).toBe('archived');
    expect((await vanthu.post(`/api/documents/files/${id}/archive`, {})).status).toBe(409);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select('type')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'work_file.created',
      'work_file.document_added',
      'work_file.closed',
      'work_file.archived',
    ]);
  });

  it('exports the archive package: METS with checksums, EAD, PREMIS, the PDFs in chronological order', async () => {
    const id = (await openFile(chuyenvien, { retention: 20 })).body.id;
    const later = await registered(vanthu, 'Văn bản sau', 'cong_van', `${year}-01-09`, true);
    const earlier = await registered(vanthu, 'Văn bản trước', 'cong_van', `${year}-01-02`, true);
    await add(chuyenvien, id, { incomingDocumentId: later });
    await add(chuyenvien, id, { incomingDocumentId: earlier });
    const response = await fetch(`${giamdoc.baseUrl}/api/documents/files/${id}/export`, {
      headers: { cookie: giamdoc.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(entries);
    const root = names[0]!.split('/')[0]!;
    expect(root).toMatch(/^uuid-[0-9A-F-]{36}$/);
    const pdfs = names.filter((name) => name.includes('/rep1/data/')).sort();
    expect(pdfs).toHaveLength(2);
    expect(names).toContain(`${root}/representations/rep2/data/ho-so.pdf`);
    const text = (name: string) => new TextDecoder().decode(entries[`${root}/${name}`]);
    const mets = text('METS.xml');
    expect(mets).toContain('TYPE="SIP_hoso"');
    expect(mets).toContain(`OBJID="${root}"`);
    // Every data file is listed with its own SHA-256.
    const { createHash } = await import('node:crypto');
    for (const name of pdfs) {
      const digest = createHash('sha256').update(entries[name]!).digest('hex');
      expect(mets).toContain(digest);
    }
    const metadata = text('documentation/ho-so.xml');
    expect(metadata.indexOf('Văn bản trước')).toBeLessThan(metadata.indexOf('Văn bản sau'));
    expect(metadata).toContain('<Maintenance>20 năm</Maintenance>');
    expect(text('metadata/descriptive/EAD.xml')).toContain('level="file"');
    expect(text('metadata/preservation/PREMIS.xml')).toContain('SHA-256');
  });

  it('answers another agency 404 and a caller without the permission 403', async () => {
    const id = (await openFile(chuyenvien)).body.id;
    const other = await otherClerk(t, agencyId);
    const stranger = await t.signedIn(other.username);
    expect((await stranger.get(`/api/documents/files/${id}`)).status).toBe(404);
    expect((await stranger.post(`/api/documents/files/${id}/close`, {})).status).toBe(404);
    expect(
      (await stranger.get<WorkFileList>('/api/documents/files')).body.items.map((f) => f.id),
    ).not.toContain(id);
    const doc = await registered(vanthu, 'Của Sở Tư pháp', 'cong_van', `${year}-01-02`);
    const ownFile = (await openFile(stranger)).body.id;
    expect((await add(stranger, ownFile, { incomingDocumentId: doc })).status).toBe(404);
    const desk = await t.signedIn('motcua');
    expect((await desk.post('/api/documents/files', { fileNotation: '99.X', title: 'x' })).status).toBe(403);
  });

  it('lists the retention schedule as data with its source', async () => {
    const answer = await vanthu.get<{
      items: { typeCode: string; retention: number | 'permanent'; source: string }[];
    }>('/api/documents/retention');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(29);
    expect(answer.body.items.find((r) => r.typeCode === 'quyet_dinh')?.retention).toBe('permanent');
    expect(answer.body.items.find((r) => r.typeCode === 'giay_moi')?.retention).toBe(5);
  });
});
