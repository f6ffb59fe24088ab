import { PDFStream, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

/**
 * Incremental updates (ISO 32000-1 §7.5.6) over pdf-lib, which can only rewrite a whole file. A
 * second signature must not move a byte of the first one's ByteRange, so the new and changed
 * objects are appended after the original bytes with an xref section whose /Prev points to the
 * previous one.
 */

/** The serialised form of every non-stream object, to tell afterwards what a change touched. */
export type ObjectSnapshot = Map<string, string | null>;

export function snapshotObjects(doc: PDFDocument): ObjectSnapshot {
  const snapshot: ObjectSnapshot = new Map();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    // Streams are not edited in place by a signature placeholder: their content is not compared.
    snapshot.set(ref.tag, object instanceof PDFStream ? null : object.toString());
  }
  return snapshot;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

function serialise(ref: PDFRef, object: PDFObject): Buffer {
  const body = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return Buffer.concat([
    latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`),
    body,
    latin1('\nendobj\n'),
  ]);
}

/** The offset the last `startxref` of the file points to. */
export function findLastXrefOffset(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match?.[1]) throw new Error('no startxref at the end of the file');
  return Number(match[1]);
}

/** `original` followed by an update holding every object of `doc` that is new or changed since `snapshot`. */
export function appendIncrementalUpdate(
  original: Uint8Array,
  doc: PDFDocument,
  snapshot: ObjectSnapshot,
): Uint8Array {
  const changed = doc.context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => {
      const before = snapshot.get(ref.tag);
      if (before === undefined) return true;
      return before !== null && object.toString() !== before;
    })
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);

  const separator = original[original.length - 1] === 0x0a ? Buffer.alloc(0) : latin1('\n');
  const chunks: Buffer[] = [Buffer.from(original), separator];
  let offset = original.length + separator.length;
  const entries: { objectNumber: number; generation: number; offset: number }[] = [];
  for (const [ref, object] of changed) {
    const bytes = serialise(ref, object);
    entries.push({ objectNumber: ref.objectNumber, generation: ref.generationNumber, offset });
    chunks.push(bytes);
    offset += bytes.length;
  }

  const trailer = doc.context.obj({
    Size: doc.context.largestObjectNumber + 1,
    Root: doc.context.trailerInfo.Root,
    Prev: findLastXrefOffset(original),
    ...(doc.context.trailerInfo.Info ? { Info: doc.context.trailerInfo.Info } : {}),
    ...(doc.context.trailerInfo.ID ? { ID: doc.context.trailerInfo.ID } : {}),
  });
  chunks.push(latin1(`${xrefSection(entries)}trailer\n${trailer.toString()}\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A classic xref table: one subsection per run of consecutive object numbers, 20-byte entries. */
function xrefSection(entries: { objectNumber: number; generation: number; offset: number }[]): string {
  let text = 'xref\n';
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    while (end < entries.length && entries[end]!.objectNumber === entries[end - 1]!.objectNumber + 1) end++;
    const run = entries.slice(start, end);
    text += `${run[0]!.objectNumber} ${run.length}\n`;
    for (const entry of run) {
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
    }
    start = end;
  }
  return text;
}
