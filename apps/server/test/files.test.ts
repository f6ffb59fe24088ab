import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachFiles } from '../src/modules/files/attach-files.ts';
import { detachFiles } from '../src/modules/files/detach-files.ts';
import { builtinScanner, parseNdb } from '../src/modules/files/builtin-scanner.ts';
import { clamdScanner } from '../src/modules/files/clamd-scanner.ts';
import { PROJECT_SIGNATURES } from '../src/modules/files/create-scanner.ts';
import { fileSummary } from '../src/modules/files/file-summary.ts';
import { purgeUnattachedFiles } from '../src/modules/files/purge-unattached-files.ts';
import { readFile } from '../src/modules/files/read-file.ts';
import type { Scanner } from '../src/modules/files/scanner.ts';
import type * as CreateScanner from '../src/modules/files/create-scanner.ts';
import type * as AppModule from '../src/app.ts';
import { EICAR, pdfWithEicar } from './fixtures/eicar.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { readFileSync } from 'node:fs';

/**
 * Each suite runs the real app with the scanner it wants: createScanner (called by app.ts) answers
 * with whatever `wiring.scanner` is when a file is scanned. Until app.ts registers the files module,
 * the wrapped buildApp registers it.
 */
const wiring = vi.hoisted(() => ({ scanner: null as Scanner | null }));
const currentScanner = (): Scanner => {
  if (!wiring.scanner) throw new Error('set wiring.scanner before starting the app');
  return wiring.scanner;
};
vi.mock('../src/modules/files/create-scanner.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof CreateScanner>()),
  createScanner: (): Scanner => ({
    get kind() {
      return currentScanner().kind;
    },
    scan: (bytes) => currentScanner().scan(bytes),
  }),
}));
vi.mock('../src/app.ts', async (importOriginal) => {
  const original = await importOriginal<typeof AppModule>();
  const { fileRoutes } = await import('../src/modules/files/routes.ts');
  const { createScanner } = await import('../src/modules/files/create-scanner.ts');
  return {
    ...original,
    buildApp: async (...args: Parameters<typeof original.buildApp>) => {
      const app = await original.buildApp(...args);
      if (!app.hasRoute({ method: 'POST', url: '/api/files' })) {
        await app.register(fileRoutes, { db: args[1].db, scanner: createScanner({}) });
      }
      return app;
    },
  };
});

const MIB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\0\0\0\rIHDR rest of a png'),
]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode'),
]);
/** The start of a ZIP whose first entry is word/document.xml, as in a DOCX. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('word/document.xml<w:document/>'),
]);

interface Uploaded {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}
interface ErrorAnswer {
  code: string;
  message: string;
  issues?: { field: string; message: string }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload<T = Uploaded>(
  client: TestClient,
  file: { bytes: Uint8Array; name: string; type: string },
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  form.append('file', new File([file.bytes], file.name, { type: file.type }));
  const headers: Record<string, string> = { 'accept-language': client.language };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const response = await fetch(`${client.baseUrl}/api/files`, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as T };
}

async function download(client: TestClient, id: string) {
  const response = await fetch(`${client.baseUrl}/api/files/${id}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function storedCount(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A port nothing listens on: bound by us for a moment, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const scanners: [string, () => Scanner][] = [
  ['built-in scanner', () => builtinScanner(parseNdb(readFileSync(PROJECT_SIGNATURES, 'utf8')))],
];
if (process.env.CLAMD_PORT) {
  const clamd = { host: process.env.CLAMD_HOST ?? '127.0.0.1', port: Number(process.env.CLAMD_PORT) };
  scanners.push([`clamd at ${clamd.host}:${clamd.port}`, () => clamdScanner(clamd)]);
}

describe.each(scanners)('uploads with the %s', (_label, makeScanner) => {
  let t: TestApp;
  let mai: TestClient;
  let ngoc: TestClient;
  beforeAll(async () => {
    wiring.scanner = makeScanner();
    t = await startTestApp();
    mai = await t.signedIn('087099001234');
    ngoc = await t.signedIn('082185003417');
  });
  afterAll(() => t.close());

  it('stores a citizen’s PDF and gives the same bytes back, as an attachment that is not sniffed', async () => {
    const answer = await upload(mai, { bytes: PDF, name: 'don-de-nghi.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      name: 'don-de-nghi.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
    });
    const got = await download(mai, answer.body.id);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="don-de-nghi.pdf"/);
  });

  it('keeps a Vietnamese file name and sends it back in RFC 5987 form', async () => {
    const name = 'Giấy khai sinh – Nguyễn Văn Đức (bản sao).pdf';
    const answer = await upload(mai, { bytes: PDF, name, type: 'application/pdf' });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe(name);
    const disposition = (await download(mai, answer.body.id)).headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="Giay khai sinh _ Nguyen Van Duc (ban sao).pdf"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('accepts a DOCX by its ZIP signature and entries, and refuses the same bytes named .xlsx', async () => {
    const docx = await upload(mai, { bytes: DOCX, name: 'to-khai.docx', type: '' });
    expect(docx.status).toBe(201);
    expect(docx.body.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await upload(mai, { bytes: DOCX, name: 'to-khai.xlsx', type: '' })).status).toBe(415);
  });

  it('refuses a PNG declared as a PDF with 415, naming what the content is', async () => {
    const before = await storedCount(t);
    const answer = await upload<ErrorAnswer>(mai, { bytes: PNG, name: 'scan.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(415);
    expect(answer.body.code).toBe('unsupported_type');
    expect(answer.body.issues?.[0]?.message).toContain('PNG');
    expect(await storedCount(t)).toBe(before);
  });

  it('refuses an executable with 415, naming the allowed types', async () => {
    mai.language = 'en';
    const answer = await upload<ErrorAnswer>(mai, {
      bytes: EXE,
      name: 'setup.exe',
      type: 'application/x-msdownload',
    });
    mai.language = 'vi';
    expect(answer.status).toBe(415);
    expect(answer.body.message).toContain('only PDF, JPEG, PNG, DOCX, XLSX files are accepted');
  });

  it('refuses 11 MiB with 413 naming the 10 MiB limit, and stores nothing', async () => {
    const before = await storedCount(t);
    const big = Buffer.alloc(11 * MIB, 0x20);
    PDF.copy(big);
    const answer = await upload<ErrorAnswer>(mai, { bytes: big, name: 'big.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('too_large');
    expect(answer.body.message).toContain('10 MiB');
    expect(await storedCount(t)).toBe(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const atLimit = Buffer.alloc(10 * MIB, 0x20);
    PDF.copy(atLimit);
    const answer = await upload(mai, { bytes: atLimit, name: 'scan-300dpi.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(201);
    expect(answer.body.sha256).toBe(sha256(atLimit));
    expect((await download(mai, answer.body.id)).bytes.equals(atLimit)).toBe(true);
  });

  it('cuts off a chunked upload (no length announced) at the limit with 413', async () => {
    const before = await storedCount(t);
    const boundary = 'tinhso-test-boundary';
    const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\ncontent-type: application/pdf\r\n\r\n`;
    const chunks = [
      Buffer.from(head + '%PDF-1.7\n'),
      ...Array.from({ length: 11 }, () => Buffer.alloc(MIB, 0x20)),
    ];
    chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      headers: {
        cookie: mai.cookie,
        'x-csrf-token': mai.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorAnswer).code).toBe('too_large');
    expect(await storedCount(t)).toBe(before);
  });

  it('answers 400 to a form without its file or with other fields', async () => {
    const send = async (form: FormData) =>
      (
        await fetch(`${t.baseUrl}/api/files`, {
          method: 'POST',
          headers: { cookie: mai.cookie, 'x-csrf-token': mai.csrfToken },
          body: form,
        })
      ).status;
    const onlyText = new FormData();
    onlyText.append('note', 'hello');
    expect(await send(onlyText)).toBe(400);
    const textFirst = new FormData();
    textFirst.append('note', 'hello');
    textFirst.append('file', new File([PDF], 'a.pdf', { type: 'application/pdf' }));
    expect(await send(textFirst)).toBe(400);
    const wrongName = new FormData();
    wrongName.append('attachment', new File([PDF], 'a.pdf', { type: 'application/pdf' }));
    expect(await send(wrongName)).toBe(400);
    const twoFiles = new FormData();
    twoFiles.append('file', new File([PDF], 'a.pdf', { type: 'application/pdf' }));
    twoFiles.append('file', new File([PDF], 'b.pdf', { type: 'application/pdf' }));
    expect(await send(twoFiles)).toBe(400);
    expect((await mai.post('/api/files', { file: 'x' })).status).toBe(400);
  });

  it('refuses EICAR inside a PDF with 422, stores nothing, and records a security event', async () => {
    const before = await storedCount(t);
    const bytes = pdfWithEicar();
    const answer = await upload<ErrorAnswer>(mai, { bytes, name: 'ho-so.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('unprocessable');
    expect(answer.body.message).toMatch(/mã độc \(Tinhso\.Test\.EICAR/);
    expect(await storedCount(t)).toBe(before);

    const auditor = await t.signedIn('thanhtra');
    const events = await auditor.get<{ items: { actorLabel: string; entityId: string; data: unknown }[] }>(
      '/api/audit/events?type=file.infected_upload_refused',
    );
    expect(events.status).toBe(200);
    const [event] = events.body.items;
    expect(event?.actorLabel).toContain('087099001234');
    expect(event?.entityId).toBe(sha256(bytes));
    expect(event?.data).toEqual({
      fileName: 'ho-so.pdf',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      signature: expect.stringMatching(/^Tinhso\.Test\.EICAR/) as unknown,
      scanner: wiring.scanner?.kind,
    });
  });

  it('hides one citizen’s file from another (404 to read and to delete), and lets the owner delete it', async () => {
    const mine = await upload(mai, { bytes: PNG, name: 'anh-the.png', type: 'image/png' });
    expect(mine.status).toBe(201);
    expect((await download(ngoc, mine.body.id)).status).toBe(404);
    expect((await ngoc.request('DELETE', `/api/files/${mine.body.id}`)).status).toBe(404);
    expect((await download(mai, mine.body.id)).status).toBe(200);
    expect((await mai.request('DELETE', `/api/files/${mine.body.id}`)).status).toBe(204);
    expect((await download(mai, mine.body.id)).status).toBe(404);
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const stranger = t.client();
    expect((await upload(stranger, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' })).status).toBe(401);
    const mine = await upload(mai, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' });
    expect((await download(stranger, mine.body.id)).status).toBe(401);
  });

  it('attaches own files to a record, refusing others’ and taken ones by index; attached files leave this endpoint', async () => {
    const first = await upload(mai, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' });
    const theirs = await upload(ngoc, { bytes: PDF, name: 'b.pdf', type: 'application/pdf' });
    const account = await t.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', '087099001234')
      .executeTakeFirstOrThrow();
    const dossierId = crypto.randomUUID();
    const attach = (fileIds: string[], id = dossierId) =>
      t.database.db
        .transaction()
        .execute((tx) => attachFiles(tx, { fileIds, ownerAccountId: account.id, kind: 'dossier', id }));

    await expect(attach([first.body.id, theirs.body.id, crypto.randomUUID()])).rejects.toMatchObject({
      code: 'validation',
      issues: [
        { field: 'fileIds.1', key: 'no_such_record' },
        { field: 'fileIds.2', key: 'no_such_record' },
      ],
    });
    await attach([first.body.id]);
    await attach([first.body.id]); // the same record again: nothing to do
    await expect(attach([first.body.id], crypto.randomUUID())).rejects.toMatchObject({
      issues: [{ field: 'fileIds.0', key: 'file.alreadyAttached' }],
    });

    const [summary] = await fileSummary(t.database.db, [first.body.id]);
    expect(summary?.attachedTo).toEqual({ kind: 'dossier', id: dossierId });
    expect((await readFile(t.database.db, first.body.id)).content.equals(PDF)).toBe(true);
    expect((await download(mai, first.body.id)).status).toBe(404);
    expect((await mai.request('DELETE', `/api/files/${first.body.id}`)).status).toBe(404);

    const detach = (id: string) =>
      t.database.db
        .transaction()
        .execute((tx) => detachFiles(tx, { fileIds: [first.body.id], kind: 'dossier', id }));
    expect(await detach(crypto.randomUUID())).toBe(0);
    expect(await detach(dossierId)).toBe(1);
    expect((await download(mai, first.body.id)).status).toBe(200);
  });
  it('purges files no dossier took in time, and leaves attached and recent ones', async () => {
    const old = await upload(mai, { bytes: PDF, name: 'old.pdf', type: 'application/pdf' });
    const recent = await upload(mai, { bytes: PDF, name: 'recent.pdf', type: 'application/pdf' });
    await sql`update stored_file set created_at = now() - interval '3 days' where id = ${old.body.id}`.execute(
      t.database.db,
    );
    const attachedIds = (
      await t.database.db
        .selectFrom('stored_file')
        .select('id')
        .where('attached_kind', 'is not', null)
        .execute()
    ).map((row) => row.id);
    const purged = await purgeUnattachedFiles(t.database.db, {
      olderThan: new Date(Date.now() - 86_400_000),
    });
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await fileSummary(t.database.db, [old.body.id, recent.body.id, ...attachedIds])).toEqual(
      [recent.body.id, ...attachedIds].map((id) => expect.objectContaining({ id }) as unknown),
    );
  });

  it('follows the dated setting files.maxBytes', async () => {
    await t.database.db
      .insertInto('setting')
      .values({ key: 'files.maxBytes', effective_from: '2026-02-01', value: '1000', note: 'test' })
      .execute();
    try {
      const answer = await upload<ErrorAnswer>(mai, {
        bytes: Buffer.concat([PDF, Buffer.alloc(1000)]),
        name: 'a.pdf',
        type: 'application/pdf',
      });
      expect(answer.status).toBe(413);
      expect(answer.body.message).toContain('1000');
    } finally {
      await t.database.db
        .deleteFrom('setting')
        .where('key', '=', 'files.maxBytes')
        .where('effective_from', '=', '2026-02-01')
        .execute();
    }
  });
});

describe('uploads while clamd is unreachable', () => {
  let t: TestApp;
  let mai: TestClient;
  beforeAll(async () => {
    wiring.scanner = clamdScanner({ host: '127.0.0.1', port: await closedPort(), timeoutMs: 2000 });
    t = await startTestApp();
    mai = await t.signedIn('087099001234');
  });
  afterAll(() => t.close());

  it('refuses with 503 and stores nothing (fail closed)', async () => {
    const before = await storedCount(t);
    const answer = await upload<ErrorAnswer>(mai, { bytes: PDF, name: 'a.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('unavailable');
    expect(answer.body.issues?.[0]?.message).toContain('dịch vụ quét');
    expect(await storedCount(t)).toBe(before);
  });

  it('still refuses a wrong type first (415), since the type is checked before the scan', async () => {
    expect((await upload(mai, { bytes: EXE, name: 'x.exe', type: 'application/octet-stream' })).status).toBe(
      415,
    );
  });
});

describe('the EICAR fixture', () => {
  it('is the 68-character test string', () => {
    expect(EICAR).toHaveLength(68);
    expect(sha256(Buffer.from(EICAR))).toBe(
      '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
    );
  });
});
