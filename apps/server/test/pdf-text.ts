import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestClient } from './harness.ts';

export interface PrintedPdf {
  status: number;
  contentType: string | null;
  /** The text poppler's `pdftotext -raw` reads, runs of white space folded as `whitespace` says. */
  text: string;
}

/**
 * Downloads a PDF the client may see and reads its text with poppler's `pdftotext`, which must be
 * installed (scripts/ensure-system-packages.sh): a missing tool fails the test, it never skips.
 * `whitespace: 'remove'` drops all white space, so a phrase that pdf-lib wrapped over two lines
 * still matches once compacted the same way; `'single'` folds runs into one space. A status other
 * than 200 answers an empty text.
 */
export async function downloadPdfText(
  client: TestClient,
  path: string,
  whitespace: 'remove' | 'single' = 'remove',
): Promise<PrintedPdf> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  if (response.status !== 200) return { status: response.status, contentType, text: '' };
  const dir = mkdtempSync(join(tmpdir(), 'tinhso-pdf-'));
  try {
    writeFileSync(join(dir, 'printed.pdf'), bytes);
    const raw = execFileSync('pdftotext', ['-raw', join(dir, 'printed.pdf'), '-'], { encoding: 'utf8' });
    return { status: 200, contentType, text: raw.replace(/\s+/g, whitespace === 'remove' ? '' : ' ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A phrase compacted as `downloadPdfText` compacts the text by default. */
export const compact = (text: string): string => text.replace(/\s+/g, '');
