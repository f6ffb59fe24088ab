/**
 * The parts every form shares, in the usual layout of Vietnamese administrative documents
 * (NĐ 30/2020/NĐ-CP): agency block and national motto, date line, form number, title, the dossier
 * code with its QR code, labelled fields, numbered lists and signature blocks.
 */
import { fitSize, type FontStyle, type Run } from './text-layout.ts';
import { formatDateLine } from './vietnam-time.ts';
import { drawQrCode } from './qr-code.ts';
import type { FormWriter } from './form-writer.ts';
import type { DossierReference, FormHeader } from './types.ts';

const upper = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi-VN');
/** Printed where a value is missing, to be filled in by hand. */
export const DOTS = '……………………';

/** Draws a column of centred lines at top without moving the cursor; returns its bottom. */
function centredColumn(
  writer: FormWriter,
  lines: { text: string; bold?: boolean; italic?: boolean; size: number }[],
  x: number,
  width: number,
  top: number,
): number {
  let y = top;
  for (const line of lines) {
    const style: FontStyle = line.bold ? 'bold' : line.italic ? 'italic' : 'regular';
    const box = { x, width, align: 'center' as const, size: line.size, style };
    y -= writer.drawLines(writer.wrap(line.text, box), y, box);
  }
  return y;
}

/** A short rule centred under a column, as wide as a third of it. */
function shortRule(writer: FormWriter, x: number, width: number, y: number): void {
  writer.rule(x + width / 3, x + (2 * width) / 3, y);
}

/**
 * Form number in the top-right corner; agency block on the left (parent upper-case, name upper-case
 * bold, a rule, 'Số: …'); motto on the right with its rule and the italic date line.
 */
export function drawFormHeader(writer: FormWriter, header: FormHeader, formNumber: string): void {
  const size = writer.layout.fontSize;
  const numberBox = { align: 'right' as const, size: size - 1, style: 'bold' as const };
  writer.y -= writer.drawLines(writer.wrap(`Mẫu số ${formNumber}`, numberBox), writer.y, numberBox);
  writer.skip(2);
  const leftWidth = writer.width * 0.4;
  const rightX = writer.left + leftWidth;
  const rightWidth = writer.width - leftWidth;
  const top = writer.y;
  const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const nationSize = fitSize(nation, writer.fonts.bold, {
    preferred: size,
    minimum: size - 3,
    maxWidth: rightWidth * 0.97,
  });
  const agencyLines = [
    ...(header.agency.parentName ? [{ text: upper(header.agency.parentName), size }] : []),
    { text: upper(header.agency.name), bold: true, size },
  ];
  let leftBottom = centredColumn(writer, agencyLines, writer.left, leftWidth, top);
  shortRule(writer, writer.left, leftWidth, leftBottom - 2);
  leftBottom = centredColumn(
    writer,
    [{ text: `Số: ${header.documentNumber ?? DOTS}`, size }],
    writer.left,
    leftWidth,
    leftBottom - 6,
  );
  let rightBottom = centredColumn(
    writer,
    [
      { text: nation, bold: true, size: nationSize },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size },
    ],
    rightX,
    rightWidth,
    top,
  );
  shortRule(writer, rightX, rightWidth, rightBottom - 2);
  const dateLine = `${header.place}, ${formatDateLine(header.issuedAt)}`;
  rightBottom = centredColumn(
    writer,
    [{ text: dateLine, italic: true, size }],
    rightX,
    rightWidth,
    rightBottom - 6,
  );
  writer.y = Math.min(leftBottom, rightBottom) - size;
}

export function drawTitle(writer: FormWriter, title: string, subtitle?: string): void {
  const size = writer.layout.fontSize + 3;
  writer.paragraph(upper(title), { align: 'center', style: 'bold', size });
  if (subtitle) writer.paragraph(subtitle, { align: 'center', style: 'italic' });
  writer.skip(writer.layout.fontSize * 0.6);
}

/**
 * The QR code of the lookup URL at the right, with 'Mã hồ sơ: …' and the URL beside it; the
 * paragraphs that follow wrap around the code.
 */
export function drawDossierCode(writer: FormWriter, dossier: DossierReference): void {
  const side = writer.layout.fontSize * 6.5;
  writer.ensureSpace(side + 4);
  const x = writer.left + writer.width - side;
  drawQrCode(writer, { text: dossier.lookupUrl, x, top: writer.y, side });
  writer.floatRight(x, writer.y - side - 4);
  writer.paragraph([{ text: 'Mã hồ sơ: ' }, { text: dossier.code, style: 'bold' }]);
  writer.paragraph(`Tra cứu hồ sơ: ${dossier.lookupUrl}`, {
    style: 'italic',
    size: writer.layout.fontSize - 1.5,
  });
  writer.skip(writer.layout.fontSize * 0.4);
}

/** 'Label: value', the value in bold when asked, dots when missing; wraps as one paragraph. */
export function drawField(
  writer: FormWriter,
  label: string,
  value: string | null,
  { isBold = false }: { isBold?: boolean } = {},
): void {
  const runs: Run[] = [{ text: `${label}: ` }, { text: value ?? DOTS, style: isBold ? 'bold' : 'regular' }];
  writer.paragraph(runs);
}

/** A numbered or bulleted list with a hanging indent, so wrapped lines align with the text. */
export function drawList(
  writer: FormWriter,
  items: (string | Run[])[],
  marker: (index: number) => string,
): void {
  const indent = writer.layout.fontSize * 2;
  items.forEach((item, index) => {
    writer.ensureSpace(writer.lineHeight());
    writer.drawLines(writer.wrap(marker(index)), writer.y, { x: writer.left + indent / 3 });
    writer.paragraph(item, { x: writer.left + indent, width: writer.width - indent });
  });
}

export interface SignatureBlock {
  /** The authority line above the title, e.g. 'KT. CHỦ TỊCH'. */
  authority?: string | null;
  title: string;
  note?: string;
  name: string | null;
}

/**
 * Signature blocks side by side, each with room to sign and the name in bold below; a null block
 * leaves its column empty (an agency signs on the right).
 */
export function drawSignatures(writer: FormWriter, blocks: (SignatureBlock | null)[]): void {
  const size = writer.layout.fontSize;
  const signingSpace = size * 5;
  writer.clearFloat();
  writer.skip(size * 0.8);
  writer.ensureSpace(signingSpace + size * 6);
  const width = writer.width / blocks.length;
  const top = writer.y;
  let bottom = top;
  blocks.forEach((block, index) => {
    if (!block) return;
    const x = writer.left + index * width;
    const heading = [
      ...(block.authority ? [{ text: upper(block.authority), bold: true, size }] : []),
      { text: upper(block.title), bold: true, size },
      { text: block.note ?? '(Ký, ghi rõ họ tên)', italic: true, size: size - 1 },
    ];
    const nameTop = centredColumn(writer, heading, x, width, top) - signingSpace;
    bottom = Math.min(
      bottom,
      centredColumn(writer, [{ text: block.name ?? '', bold: true, size }], x, width, nameTop),
    );
  });
  writer.y = bottom;
}
