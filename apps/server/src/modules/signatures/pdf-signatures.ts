import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { assertBoundedStructure } from './pdf-bounds.ts';
import { PdfSignatureError, assertLooksLikePdf } from './pdf-errors.ts';

/** One signature dictionary of a PDF, as written, before any cryptographic check. */
export interface PdfSignatureEntry {
  fieldName: string | null;
  subFilter: string | null;
  /** /M as written, e.g. "D:20261127023000Z". */
  signingTimeText: string | null;
  reason: string | null;
  name: string | null;
  byteRange: number[];
  /** The hex digits of /Contents, as the dictionary holds them. */
  contentsHex: string;
}

const text = (value: unknown): string | null =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** A file cut short has no %%EOF in its last kilobyte (readers would "repair" it; we refuse it). */
function assertNotTruncated(pdf: Uint8Array): void {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new PdfSignatureError('malformed_pdf', 'the PDF is truncated (no %%EOF at its end)');
  }
}

/** The names of the signature fields, by the reference of their signature dictionary. */
function fieldNamesBySignature(doc: PDFDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    if (object.get(PDFName.of('FT'))?.toString() !== '/Sig' || !(value instanceof PDFRef)) continue;
    const name = text(object.get(PDFName.of('T')));
    if (name !== null) names.set(value.tag, name);
  }
  return names;
}

/**
 * The signature dictionaries of a PDF (any dictionary with /ByteRange and /Contents), in the order
 * they were signed: by the end of the range each covers.
 */
export async function findPdfSignatures(pdf: Uint8Array): Promise<PdfSignatureEntry[]> {
  assertLooksLikePdf(pdf);
  assertNotTruncated(pdf);
  assertBoundedStructure(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new PdfSignatureError('malformed_pdf', `the PDF cannot be read: ${(error as Error).message}`);
  }
  const fieldNames = fieldNamesBySignature(doc);
  const entries: PdfSignatureEntry[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const byteRange = object.get(PDFName.of('ByteRange'));
    const contents = object.get(PDFName.of('Contents'));
    if (!(byteRange instanceof PDFArray) || !(contents instanceof PDFHexString)) continue;
    entries.push({
      fieldName: fieldNames.get(ref.tag) ?? null,
      subFilter: object.get(PDFName.of('SubFilter'))?.toString().replace(/^\//, '') ?? null,
      signingTimeText: text(object.get(PDFName.of('M'))),
      reason: text(object.get(PDFName.of('Reason'))),
      name: text(object.get(PDFName.of('Name'))),
      byteRange: byteRange.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN)),
      contentsHex: contents.asString(),
    });
  }
  if (entries.length === 0) throw new PdfSignatureError('no_signature', 'the PDF has no signature');
  const end = (entry: PdfSignatureEntry) => (entry.byteRange[2] ?? 0) + (entry.byteRange[3] ?? 0);
  return entries.sort((a, b) => end(a) - end(b));
}

/** A PDF date ("D:YYYYMMDDHHmmSSOHH'mm'", ISO 32000-1 §7.9.4) as an instant; null if unreadable. */
export function parsePdfDate(value: string | null): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?$/.exec(
    value?.trim() ?? '',
  );
  if (!match) return null;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    sign,
    oh = '00',
    om = '00',
  ] = match;
  const offsetMinutes =
    !sign || /z/i.test(sign) ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant in ISO 8601 with Vietnam's offset, e.g. "2026-11-27T09:30:00+07:00". */
export function toVietnamIso(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
