/**
 * An outgoing document as a PDF in the layout of NĐ 30/2020 Phụ lục I: agency block and national
 * motto, "Số:" and the place and date line, type name and trích yếu (or "V/v" under the number for a
 * Công văn), the body, the signing block with its prefix lines, Nơi nhận. Plain data in, bytes out.
 *
 * A draft prints the number and date lines with blanks and a "DỰ THẢO" mark; the final version
 * leaves both lines empty and returns where they are, so that the clerk's stamp at issue writes the
 * number and the date there in the seal's revision (ADR 0019).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { DocumentConfidentiality, DocumentUrgency, SigningBlock } from '@tinhso/contracts';
import { FormWriter, type PageLayout } from '../dossiers/forms/form-writer.ts';
import { fitSize } from '../dossiers/forms/text-layout.ts';
import type { TextStamp } from '../signatures/signature-appearance.ts';
import type { StampBoxes } from './outgoing-tables.ts';
import { upper } from './signing-authority.ts';

const MM = 72 / 25.4;
/** Phụ lục I: A4, top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const DECREE_A4: PageLayout = {
  size: [210 * MM, 297 * MM],
  margin: { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM },
  fontSize: 12,
};

export interface OutgoingRenderData {
  mode: 'draft' | 'final';
  parentAgencyName: string | null;
  agencyName: string;
  typeName: string;
  isCongVan: boolean;
  /** The ký hiệu without the number, e.g. "QĐ-STP"; printed after the blank number in a draft. */
  symbol: string;
  summary: string;
  body: string;
  place: string;
  urgency: DocumentUrgency;
  confidentiality: DocumentConfidentiality;
  block: SigningBlock;
  recipients: string[];
  /** "VT, HCTP": the văn thư and the drafting unit keep a copy (Lưu). */
  keptBy: string;
  createdAt: Date;
}

const URGENCY_MARK: Record<DocumentUrgency, string | null> = {
  thuong: null,
  khan: 'KHẨN',
  thuong_khan: 'THƯỢNG KHẨN',
  hoa_toc: 'HỎA TỐC',
};
const SECRECY_MARK: Record<DocumentConfidentiality, string | null> = {
  thuong: null,
  mat: 'MẬT',
  toi_mat: 'TỐI MẬT',
  tuyet_mat: 'TUYỆT MẬT',
};

/** The type name as printed over the trích yếu: "Quyết định (cá biệt)" → "QUYẾT ĐỊNH". */
const printedTypeName = (typeName: string) => upper(typeName.replace(/\s*\(.*\)\s*$/, ''));

function centred(
  writer: FormWriter,
  text: string,
  box: { x: number; width: number; top: number; size: number; style?: 'bold' | 'italic' | 'regular' },
): number {
  const options = {
    x: box.x,
    width: box.width,
    align: 'center' as const,
    size: box.size,
    style: box.style ?? 'regular',
  };
  return box.top - writer.drawLines(writer.wrap(text, options), box.top, options);
}

function stampBox(writer: FormWriter, x: number, width: number, top: number, text: string): number {
  const size = writer.layout.fontSize - 1;
  const textWidth = writer.fonts.bold.widthOfTextAtSize(text, size);
  const boxWidth = textWidth + 8;
  const left = x + (width - boxWidth) / 2;
  writer.page.drawRectangle({
    x: left,
    y: top - size - 6,
    width: boxWidth,
    height: size + 6,
    borderWidth: 1,
    borderColor: rgb(0, 0, 0),
  });
  writer.page.drawText(text, { x: left + 4, y: top - size - 2, size, font: writer.fonts.bold });
  return top - size - 10;
}

/** Header on page 1; returns the stamp boxes (where the number and the date go). */
function drawHeader(writer: FormWriter, data: OutgoingRenderData): Omit<StampBoxes, 'signature'> {
  const size = writer.layout.fontSize;
  const leftWidth = writer.width * 0.42;
  const rightX = writer.left + leftWidth;
  const rightWidth = writer.width - leftWidth;
  const top = writer.y;
  const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const nationSize = fitSize(nation, writer.fonts.bold, {
    preferred: size,
    minimum: size - 3,
    maxWidth: rightWidth * 0.98,
  });
  let left = top;
  if (data.parentAgencyName)
    left = centred(writer, upper(data.parentAgencyName), {
      x: writer.left,
      width: leftWidth,
      top: left,
      size: size - 1,
    });
  left = centred(writer, upper(data.agencyName), {
    x: writer.left,
    width: leftWidth,
    top: left,
    size: size - 1,
    style: 'bold',
  });
  writer.rule(writer.left + leftWidth / 3, writer.left + (2 * leftWidth) / 3, left - 2);
  let right = centred(writer, nation, { x: rightX, width: rightWidth, top, size: nationSize, style: 'bold' });
  right = centred(writer, 'Độc lập - Tự do - Hạnh phúc', {
    x: rightX,
    width: rightWidth,
    top: right,
    size,
    style: 'bold',
  });
  writer.rule(rightX + rightWidth / 4, rightX + (3 * rightWidth) / 4, right - 2);

  const lineTop = Math.min(left, right) - 8;
  const boxes: Omit<StampBoxes, 'signature'> = {
    number: { x: writer.left, y: lineTop - size, width: leftWidth, size },
    date: { x: rightX, y: lineTop - size, width: rightWidth, size },
  };
  if (data.mode === 'draft') {
    const year = new Date(data.createdAt.getTime() + 7 * 3_600_000).getUTCFullYear();
    centred(writer, `Số:      /${data.symbol}`, { x: writer.left, width: leftWidth, top: lineTop, size });
    centred(writer, `${data.place}, ngày …… tháng …… năm ${year}`, {
      x: rightX,
      width: rightWidth,
      top: lineTop,
      size,
      style: 'italic',
    });
  }
  let below = lineTop - writer.lineHeight(size) - 4;
  if (data.isCongVan) {
    below = centred(writer, `V/v ${data.summary}`, {
      x: writer.left,
      width: leftWidth,
      top: below,
      size: size - 1,
    });
  }
  for (const mark of [URGENCY_MARK[data.urgency], SECRECY_MARK[data.confidentiality]]) {
    if (mark) below = stampBox(writer, writer.left, leftWidth, below - 2, mark);
  }
  writer.y = below - size;
  return boxes;
}

function drawBody(writer: FormWriter, data: OutgoingRenderData): void {
  const size = writer.layout.fontSize;
  if (!data.isCongVan) {
    writer.paragraph(printedTypeName(data.typeName), { align: 'center', style: 'bold', size: size + 1 });
    writer.paragraph(data.summary, { align: 'center', style: 'bold' });
    writer.skip(size);
  } else {
    const recipients = data.recipients.length === 1 ? `Kính gửi: ${data.recipients[0]}.` : 'Kính gửi:';
    writer.paragraph(recipients, { align: 'center' });
    for (const name of data.recipients.length > 1 ? data.recipients : [])
      writer.paragraph(`- ${name};`, { x: writer.left + writer.width * 0.35 });
    writer.skip(size * 0.5);
  }
  for (const paragraph of data.body
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)) {
    writer.paragraph(`      ${paragraph.replace(/\s*\n\s*/g, ' ')}`);
    writer.skip(size * 0.3);
  }
  writer.skip(size);
}

/** Nơi nhận on the left, the signing block on the right, side by side. */
function drawClosing(writer: FormWriter, data: OutgoingRenderData): StampBoxes['signature'] {
  const size = writer.layout.fontSize;
  const leftWidth = writer.width * 0.45;
  const rightX = writer.left + leftWidth;
  const rightWidth = writer.width - leftWidth;
  const recipients = [...data.recipients.map((name) => `- ${name};`), `- Lưu: ${data.keptBy}.`];
  const needed = (data.block.lines.length + 1) * writer.lineHeight(size) + 30 * MM;
  writer.ensureSpace(Math.max(needed, (recipients.length + 1) * writer.lineHeight(size - 1)));
  const top = writer.y;
  let right = top;
  for (const line of data.block.lines)
    right = centred(writer, line, { x: rightX, width: rightWidth, top: right, size, style: 'bold' });
  // The signer's image goes between the title and the name (Phụ lục I §II.7).
  const signature = {
    pageIndex: writer.doc.getPages().indexOf(writer.page),
    rect: { x: rightX + rightWidth / 2 - 30 * MM, y: right - 26 * MM, width: 60 * MM, height: 24 * MM },
  };
  if (data.mode === 'draft')
    centred(writer, '(dự thảo)', {
      x: rightX,
      width: rightWidth,
      top: right - 10 * MM,
      size: size - 2,
      style: 'italic',
    });
  right = centred(writer, data.block.name, {
    x: rightX,
    width: rightWidth,
    top: right - 28 * MM,
    size,
    style: 'bold',
  });
  centred(writer, 'Nơi nhận:', {
    x: writer.left,
    width: leftWidth,
    top,
    size: size - 1,
    style: 'bold',
  });
  let left = top - writer.lineHeight(size - 1);
  for (const line of recipients) {
    const box = { x: writer.left, width: leftWidth, size: size - 2 };
    left -= writer.drawLines(writer.wrap(line, box), left, box);
  }
  writer.y = Math.min(left, right);
  return signature;
}

/** Page numbers from page 2, centred in the top margin (Phụ lục I); "DỰ THẢO" on every page of a draft. */
async function finishPages(writer: FormWriter, mode: OutgoingRenderData['mode']): Promise<Uint8Array> {
  const pages = writer.doc.getPages();
  const size = writer.layout.fontSize - 1;
  pages.forEach((page, index) => {
    writer.page = page;
    if (index > 0) {
      const box = { size, align: 'center' as const };
      writer.drawLines(writer.wrap(String(index + 1), box), writer.layout.size[1] - 10 * MM, box);
    }
    if (mode === 'draft') {
      const box = { size: size - 1, align: 'right' as const, style: 'italic' as const };
      writer.drawLines(writer.wrap('DỰ THẢO', box), writer.layout.size[1] - 8 * MM, box);
    }
  });
  return writer.doc.save();
}

export async function renderOutgoing(
  data: OutgoingRenderData,
): Promise<{ pdf: Uint8Array; stampBoxes: StampBoxes }> {
  const writer = await FormWriter.create(DECREE_A4, {
    title: `${data.typeName}: ${data.summary}`.slice(0, 300),
    subject: data.summary,
    issuedAt: data.createdAt.toISOString(),
  });
  const header = drawHeader(writer, data);
  drawBody(writer, data);
  const stampBoxes = { ...header, signature: drawClosing(writer, data) };
  return { pdf: await finishPages(writer, data.mode), stampBoxes };
}

/**
 * The number and the date line the clerk adds at issue, centred in the blank lines of the final
 * version, as stamps that signPdf writes in the seal's own revision (serif, like its other stamps).
 */
export async function issueStamps(options: {
  boxes: Pick<StampBoxes, 'number' | 'date'>;
  numberSymbol: string;
  dateLine: string;
}): Promise<TextStamp[]> {
  const measure = await PDFDocument.create();
  measure.registerFontkit(fontkit);
  const font = await measure.embedFont(await fontFile('DejaVuSerif.ttf'), { subset: true });
  const centredStamp = (text: string, box: StampBoxes['number']): TextStamp => ({
    pageIndex: 0,
    x: box.x + (box.width - font.widthOfTextAtSize(text, box.size)) / 2,
    y: box.y,
    text,
    size: box.size,
  });
  return [
    centredStamp(`Số: ${options.numberSymbol}`, options.boxes.number),
    centredStamp(options.dateLine, options.boxes.date),
  ];
}

/** The DejaVu files the forms embed (package dejavu-fonts-ttf). */
async function fontFile(name: string): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  return readFile(path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name));
}
