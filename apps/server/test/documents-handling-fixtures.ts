import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { expect } from 'vitest';
import type { RegisteredIncoming } from '@tinhso/contracts';
import type { TestApp, TestClient } from './harness.ts';

/** poppler's pdftotext must be on the machine (scripts/ensure-system-packages.sh): a missing tool fails. */
export function assertPdftotext(): void {
  execFileSync('pdftotext', ['-v'], { stdio: 'pipe' });
}

/** A one-page PDF whose text layer holds `lines` (DejaVu Sans, so Vietnamese survives extraction). */
export async function textPdf(lines: string[]): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const directory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(path.join(directory, 'DejaVuSans.ttf')), { subset: true });
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 18, size: 11, font }));
  return pdf.save();
}

/** A PDF with a drawing and no text at all, as a scanner without OCR makes. */
export async function imagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 500, width: 300, height: 200, color: rgb(0.4, 0.4, 0.4) });
  return pdf.save();
}

export async function uploadBytes(client: TestClient, bytes: Uint8Array, name: string): Promise<string> {
  const answer = await client.upload<{ id: string }>('/api/files', { bytes, name, type: 'application/pdf' });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

/** A demo account's id. */
export async function accountId(t: TestApp, username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The unit of a demo official's primary post. */
export async function unitOf(t: TestApp, username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('account as a')
    .innerJoin('official as o', 'o.account_id', 'a.id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .select('p.org_unit_id')
    .where('a.username', '=', username)
    .where('ap.kind', '=', 'primary')
    .executeTakeFirstOrThrow();
  if (!row.org_unit_id) throw new Error(`${username} has no unit`);
  return row.org_unit_id;
}

/** The outbox messages `document.progress` written for one document, oldest first. */
export async function progressMessages(
  t: TestApp,
  documentId: string,
): Promise<(Record<string, unknown> & { dedupeKey: string | null })[]> {
  const rows = await t.database.db
    .selectFrom('outbox')
    .select(['payload', 'dedupe_key'])
    .where('topic', '=', 'document.progress')
    .where('dedupe_key', 'like', `document.progress:${documentId}:%`)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...((typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>),
    dedupeKey: row.dedupe_key,
  }));
}

let sequence = 0;
/** Registers a document as vanthu would (a fresh number and symbol each time). */
export async function registerDocument(
  client: TestClient,
  extra: Record<string, unknown> = {},
): Promise<RegisteredIncoming> {
  sequence += 1;
  const today = new Date().toISOString().slice(0, 10);
  const answer = await client.post<RegisteredIncoming>('/api/documents/incoming', {
    issuerName: 'Bộ Tư pháp',
    numberSymbol: `${100 + sequence}/BTP-VP`,
    issuedOn: today,
    typeCode: 'cong_van',
    summary: `Về việc rà soát thủ tục hành chính đợt ${sequence}`,
    urgency: 'thuong',
    confidentiality: 'thuong',
    ...extra,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
