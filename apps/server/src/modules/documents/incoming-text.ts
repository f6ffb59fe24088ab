import { execFile } from 'node:child_process';

/** Enough for the search of a long document; the rest of a huge scan adds little and costs index space. */
const MAX_CHARS = 200_000;
const TIMEOUT_MS = 15_000;

/**
 * The text of a PDF as poppler's `pdftotext` reads it (UTF-8, layout dropped), for the search over
 * the content of incoming documents. Answers null when the PDF has no text layer (a scanned image:
 * nothing to read without OCR), when pdftotext cannot read it, or when poppler-utils is not installed
 * (an optional system dependency: the search then covers the metadata only).
 */
export function extractPdfText(bytes: Uint8Array): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(
      'pdftotext',
      ['-q', '-enc', 'UTF-8', '-nopgbrk', '-', '-'],
      { timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (error) return resolve(null);
        const text = stdout.replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
        resolve(text === '' ? null : text);
      },
    );
    child.stdin?.on('error', () => resolve(null));
    child.stdin?.end(Buffer.from(bytes));
  });
}
