import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { buildDetachedCms, sha256 } from './cms.ts';
import { requestTimestamp } from './tsa-client.ts';
import { appendIncrementalUpdate, snapshotObjects } from './pdf-incremental.ts';
import type { PdfSigner } from './pdf-signer.ts';
import {
  buildAppearanceStream,
  drawStamps,
  type SignatureAppearance,
  type TextStamp,
} from './signature-appearance.ts';
import { assertBoundedStructure } from './pdf-bounds.ts';
import { PdfSignatureError, assertLooksLikePdf } from './pdf-errors.ts';

export interface SignPdfOptions {
  /** /Reason, e.g. "Phê duyệt" or "Phát hành". */
  reason: string;
  /** /Location, e.g. the agency's place. */
  location: string;
  /** /Name: the signer's or agency's name as shown by readers. */
  name: string;
  /** /ContactInfo. */
  contactInfo?: string;
  /** The signing time written in /M (now by default). */
  signingTime?: Date;
  /** Bytes reserved for the CMS (8192 by default: three certificates and an RSA-4096 signature fit). */
  signatureLength?: number;
  /** A visible signature (R-SIG-2); without one the signature is invisible. */
  appearance?: SignatureAppearance;
  /** Texts written on the pages in the same revision, e.g. the number, symbol and date the clerk adds. */
  stamps?: TextStamp[];
  /** An RFC 3161 timestamp authority: the signature gets a signature-time-stamp (PAdES B-T). */
  timestampUrl?: string;
}

const PLACEHOLDER = `[ 0 /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER} ]`;

/** Whether any signature dictionary is in the document, wherever it sits (even in an object stream). */
function isSigned(doc: PDFDocument): boolean {
  return doc.context
    .enumerateIndirectObjects()
    .some(([, object]) => object instanceof PDFDict && object.has(PDFName.of('ByteRange')));
}

/** "SignatureN" with the first N no top-level field of the form already uses. */
function freeFieldName(doc: PDFDocument): string {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const used = new Set<string>();
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const name = fields?.lookupMaybe(i, PDFDict)?.get(PDFName.of('T'));
    if (name instanceof PDFString || name instanceof PDFHexString) used.add(name.decodeText());
  }
  let n = 1;
  while (used.has(`Signature${n}`)) n++;
  return `Signature${n}`;
}

/** An instant as a PDF date in Vietnam time, e.g. "D:20261127093000+07'00'". */
export function toPdfDate(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `D:${local.slice(0, 19).replace(/[-T:]/g, '')}+07'00'`;
}

/**
 * The placeholder names every field "Signature1" (names must be unique in a form) and writes its
 * text with PDFString.of, which mangles Vietnamese: the field is renamed and the signature
 * dictionary written again, its texts in UTF-16 and /M in Vietnam time, /Contents as '0' digits.
 */
function completeSignatureField(
  doc: PDFDocument,
  options: SignPdfOptions & {
    fieldName: string;
    bytes: number;
    signingTime: Date;
    appearanceRef: PDFRef | null;
  },
) {
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const widget = fields.lookup(fields.size() - 1, PDFDict);
  widget.set(PDFName.of('T'), PDFHexString.fromText(options.fieldName));
  if (options.appearanceRef) widget.set(PDFName.of('AP'), doc.context.obj({ N: options.appearanceRef }));
  const signatureRef = widget.get(PDFName.of('V'));
  if (!(signatureRef instanceof PDFRef)) throw new Error('the signature field has no dictionary');
  const placeholder = PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER);
  const dictionary = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('0'.repeat(options.bytes * 2)),
    Reason: PDFHexString.fromText(options.reason),
    M: PDFString.of(toPdfDate(options.signingTime)),
    ContactInfo: PDFHexString.fromText(options.contactInfo ?? ''),
    Name: PDFHexString.fromText(options.name),
    Location: PDFHexString.fromText(options.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'TinhSo' } },
  });
  // Written as raw bytes, as the placeholder does, so that no object stream ever holds it.
  const bytes = new Uint8Array(dictionary.sizeInBytes());
  dictionary.copyBytesInto(bytes, 0);
  doc.context.assign(signatureRef, PDFInvalidObject.of(bytes));
}

/**
 * Signs a PDF with a PAdES baseline B-B signature (subFilter ETSI.CAdES.detached). A document that
 * is already signed gets an incremental update, so earlier signatures stay valid: the official's
 * personal signature first, then the agency seal (vn-norms §3.2).
 */
export async function signPdf(
  pdf: Uint8Array,
  signer: PdfSigner,
  options: SignPdfOptions,
): Promise<Uint8Array> {
  assertLooksLikePdf(pdf);
  assertBoundedStructure(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new PdfSignatureError('malformed_pdf', `the PDF cannot be read: ${(error as Error).message}`);
  }
  // A signed document gets an incremental update; an unsigned one may be written again whole.
  const snapshot = isSigned(doc) ? snapshotObjects(doc) : null;
  const fieldName = freeFieldName(doc);
  const signatureLength = options.signatureLength ?? 8192;

  const signingTime = options.signingTime ?? new Date();
  const { appearance } = options;
  const pageCount = doc.getPageCount();
  for (const pageIndex of [appearance?.pageIndex ?? 0, ...(options.stamps ?? []).map((st) => st.pageIndex)]) {
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pageCount) {
      throw new RangeError(`page ${pageIndex} is not in a document of ${pageCount} pages`);
    }
  }
  // The widget, the page's /Annots and the AcroForm come from the placeholder; the dictionary is ours.
  const rect = appearance?.rect;
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: doc.getPage(appearance?.pageIndex ?? 0),
    reason: '',
    location: '',
    name: '',
    contactInfo: '',
    signatureLength: 1,
    ...(rect ? { widgetRect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] } : {}),
  });
  const appearanceRef = appearance ? await buildAppearanceStream(doc, appearance, signingTime) : null;
  await drawStamps(doc, options.stamps ?? []);
  completeSignatureField(doc, { ...options, fieldName, bytes: signatureLength, signingTime, appearanceRef });
  await doc.flush();
  const prepared = snapshot
    ? appendIncrementalUpdate(pdf, doc, snapshot)
    : await doc.save({ useObjectStreams: false });

  const { byteRange, contentsStart, contentsEnd } = fillByteRange(prepared);
  const signedBytes = Buffer.concat([prepared.subarray(0, byteRange[1]), prepared.subarray(byteRange[2])]);
  const cms = await buildDetachedCms({
    contentDigest: await sha256(signedBytes),
    certificateChain: signer.certificateChain,
    algorithm: signer.algorithm,
    sign: (data) => signer.sign(data),
    ...(options.timestampUrl
      ? { timestamp: (value: Uint8Array) => requestTimestamp(options.timestampUrl!, value) }
      : {}),
  });
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > contentsEnd - contentsStart - 2) {
    throw new PdfSignatureError(
      'signature_too_large',
      `the CMS needs ${cms.length} bytes, more than the ${signatureLength} reserved`,
    );
  }
  // The '0' digits left pad the CMS: poppler accepts a DER CMS followed only by '0's up to the '>'.
  prepared.set(Buffer.from(hex, 'latin1'), contentsStart + 1);
  return prepared;
}

/** Writes the real ByteRange over the placeholder of the last signature dictionary. */
function fillByteRange(prepared: Uint8Array): {
  byteRange: [number, number, number, number];
  contentsStart: number;
  contentsEnd: number;
} {
  const text = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.length).toString('latin1');
  const placeholderAt = text.lastIndexOf(PLACEHOLDER);
  const contentsKey = text.indexOf('/Contents <', placeholderAt);
  if (placeholderAt < 0 || contentsKey < 0) throw new Error('signature placeholder not found');
  const contentsStart = contentsKey + '/Contents '.length;
  const contentsEnd = text.indexOf('>', contentsStart) + 1;
  const byteRange: [number, number, number, number] = [
    0,
    contentsStart,
    contentsEnd,
    prepared.length - contentsEnd,
  ];
  const written = `[${byteRange.join(' ')}]`.padEnd(PLACEHOLDER.length, ' ');
  if (written.length > PLACEHOLDER.length) throw new Error('ByteRange does not fit its placeholder');
  prepared.set(Buffer.from(written, 'latin1'), placeholderAt);
  return { byteRange, contentsStart, contentsEnd };
}
