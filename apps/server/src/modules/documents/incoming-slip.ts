import type { IncomingHandling } from '@tinhso/contracts';
import { drawField, drawSignatures } from '../dossiers/forms/form-frame.ts';
import { A4, FormWriter } from '../dossiers/forms/form-writer.ts';
import { formatDateTime, formatIsoDay } from '../dossiers/forms/vietnam-time.ts';

const ROLE_LINE = {
  lead: 'Đơn vị, người chủ trì',
  cooperate: 'Đơn vị, người phối hợp',
  inform: 'Để biết',
} as const;

/**
 * Phiếu giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV): the document, then its three blocks: the
 * head's instruction with the lead, the co-ordinators and the deadline of each; the unit head's
 * instruction (who in the unit handles it); the handler's proposals. Plain data in, PDF bytes out.
 */
export async function renderIncomingSlip(options: {
  agencyName: string;
  handling: IncomingHandling;
  printedAt: Date;
}): Promise<Uint8Array> {
  const { handling } = options;
  const { document } = handling;
  const writer = await FormWriter.create(A4, {
    title: `Phiếu giải quyết văn bản đến số ${String(document.arrivalNumber)}/${String(document.year)}`,
    subject: 'Phụ lục IV, Nghị định 30/2020/NĐ-CP',
    issuedAt: options.printedAt.toISOString(),
  });
  const size = writer.layout.fontSize;
  writer.paragraph(options.agencyName.toUpperCase(), {
    style: 'bold',
    width: writer.width * 0.5,
    align: 'center',
  });
  writer.skip(size);
  writer.paragraph('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', { align: 'center', style: 'bold', size: size + 3 });
  writer.skip(size * 0.6);
  drawField(writer, 'Số đến', `${String(document.arrivalNumber)}/${String(document.year)}`, { isBold: true });
  drawField(writer, 'Ngày đến', formatDateTime(document.receivedAt));
  drawField(
    writer,
    'Văn bản',
    `${document.typeName} số ${document.numberSymbol} ngày ${formatIsoDay(document.issuedOn)} của ${document.issuerName}`,
  );
  drawField(writer, 'Trích yếu', document.summary);
  writer.skip(size * 0.6);

  writer.paragraph('1. Ý kiến chỉ đạo của người đứng đầu cơ quan', { style: 'bold' });
  writer.paragraph(handling.instruction ?? '……………………');
  for (const assignment of handling.assignments) {
    const who = [assignment.orgUnitName, assignment.accountName].filter(Boolean).join(' — ');
    const due = assignment.dueOn ? ` (thời hạn: ${formatIsoDay(assignment.dueOn)})` : '';
    drawField(writer, `– ${ROLE_LINE[assignment.role]}`, `${who}${due}`);
  }
  if (handling.dueOn)
    drawField(writer, 'Thời hạn giải quyết', formatIsoDay(handling.dueOn), { isBold: true });
  const assigned = handling.history.find((line) => line.action === 'assign');
  if (assigned) drawField(writer, 'Ngày', formatDateTime(assigned.at));
  writer.skip(size * 0.6);

  writer.paragraph('2. Ý kiến của lãnh đạo đơn vị chủ trì', { style: 'bold' });
  const unitLines = handling.history.filter((line) => line.action === 'reassign');
  if (unitLines.length === 0) writer.paragraph('……………………');
  for (const line of unitLines)
    writer.paragraph(
      `${formatDateTime(line.at)} — ${line.actorLabel}: ${line.note ?? 'giao công chức xử lý'}`,
    );
  writer.skip(size * 0.6);

  writer.paragraph('3. Ý kiến đề xuất của người giải quyết', { style: 'bold' });
  const proposals = handling.history.filter(
    (line) => line.action === 'progress' || line.action === 'complete',
  );
  if (proposals.length === 0) writer.paragraph('……………………');
  for (const line of proposals)
    writer.paragraph(`${formatDateTime(line.at)} — ${line.actorLabel}: ${line.note ?? ''}`);
  if (handling.replyReference) drawField(writer, 'Văn bản trả lời', handling.replyReference);

  drawSignatures(writer, [
    null,
    { title: 'Người đứng đầu cơ quan', name: assigned?.actorLabel.replace(/ \(.*\)$/, '') ?? null },
  ]);
  return writer.finish({ pageNumbers: writer.doc.getPageCount() > 1 });
}
