import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF of `pages` pages with one line of text each, as the signing benchmarks sign it. */
export async function samplePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage().drawText(`Quyet dinh so 12/QD-UBND, trang ${String(i)}`, { x: 50, y: 750, size: 12, font });
  }
  return doc.save();
}
