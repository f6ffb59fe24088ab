/** Test helpers: read rendered PDFs with poppler (pdftotext, pdfinfo, pdftoppm), an independent reader. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(
  bytes: Uint8Array,
  use: (file: string, directory: string) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tinhso-forms-'));
  try {
    const file = path.join(directory, 'form.pdf');
    await writeFile(file, bytes);
    return await use(file, directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The text as `pdftotext -layout` extracts it; pages are separated by form feeds. */
export function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdfFile(bytes, async (file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
}

/** `pdfinfo`'s fields by name ('Pages', 'Page size', 'Title', …). */
export function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  return withPdfFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
  });
}

/** `pdffonts`' rows: the font name and whether it is embedded and has a ToUnicode map. */
export function pdfFonts(
  bytes: Uint8Array,
): Promise<{ name: string; isEmbedded: boolean; hasUnicode: boolean }[]> {
  return withPdfFile(bytes, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    // name, type words…, encoding, emb, sub, uni, object, generation
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        return {
          name: columns[0] ?? '',
          isEmbedded: columns.at(-5) === 'yes',
          hasUnicode: columns.at(-3) === 'yes',
        };
      });
  });
}

/** The first page as 8-bit grey pixels (0 = black) at `dpi`. */
export function rasterise(
  bytes: Uint8Array,
  dpi: number,
): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  return withPdfFile(bytes, async (file, directory) => {
    const prefix = path.join(directory, 'page');
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    const pgm = await readFile(`${prefix}.pgm`);
    // P5 header: magic, width, height, maximum value, each followed by one whitespace byte.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not an 8-bit PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    return { width, height, pixels: pgm.subarray(header[0].length) };
  });
}

/** The strings of expected that text lacks; an assertion on it names every missing one at once. */
export function missingFrom(text: string, expected: string[]): string[] {
  return expected.filter((part) => !text.includes(part));
}
