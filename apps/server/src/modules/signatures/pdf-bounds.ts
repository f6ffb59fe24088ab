import { constants, inflateSync } from 'node:zlib';
import { PdfSignatureError } from './pdf-errors.ts';

/**
 * The most the compressed object streams and cross-reference streams of one PDF may expand to, in
 * all. pdf-lib inflates these whole when it loads a file, so without a bound a 20 MB upload could
 * expand to gigabytes (a decompression bomb) and take the server's memory with it. Real documents
 * stay far below: an object stream holds dictionaries, not page content.
 */
export const MAX_INFLATED_STRUCTURE_BYTES = 64 * 1024 * 1024;

const STREAM = /(?<!end)stream\r?\n/g;
const STRUCTURE = /\/Type\s*\/(?:ObjStm|XRef)\b/;
const DICTIONARY_WINDOW = 4096;

/**
 * Refuses a PDF whose object or cross-reference streams would inflate beyond `limit` bytes, before
 * anything loads it (pdf-lib, then our signature code). Each stream is inflated with a cap on its
 * output, so the check itself never holds more than `limit` bytes. A stream that is not FlateDecode
 * or not a structure stream is left to the loader; so is one that does not inflate at all (the
 * loader reports it as malformed).
 */
export function assertBoundedStructure(pdf: Uint8Array, limit = MAX_INFLATED_STRUCTURE_BYTES): void {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let budget = limit;
  for (const match of text.matchAll(STREAM)) {
    const dictionary = text.slice(Math.max(0, match.index - DICTIONARY_WINDOW), match.index);
    const opened = dictionary.lastIndexOf(' obj');
    const own = opened === -1 ? dictionary : dictionary.slice(opened);
    if (!STRUCTURE.test(own) || !own.includes('/FlateDecode')) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const data = pdf.subarray(start, end === -1 ? pdf.byteLength : end);
    let inflated: number;
    try {
      inflated = inflateSync(data, {
        maxOutputLength: budget + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).byteLength;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      inflated = budget + 1;
    }
    budget -= inflated;
    if (budget < 0) {
      throw new PdfSignatureError(
        'decompression_bomb',
        `the PDF's compressed object streams expand beyond ${limit / 1024 / 1024} MiB (a decompression bomb is refused)`,
      );
    }
  }
}
