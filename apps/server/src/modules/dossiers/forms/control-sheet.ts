/**
 * Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. Printed on A4 portrait: its four-column
 * table, with giver and receiver in each row, is too cramped on A5.
 */
import { drawField, drawSignatures } from './form-frame.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { A4 } from './form-writer.ts';
import { STEP_OUTCOME } from './labels.ts';
import { drawTable } from './table.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { ControlSheetData, Handover } from './types.ts';

const TITLE = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

function handoverRow(handover: Handover, index: number): string[] {
  return [
    `${index + 1}. Giao: ${handover.from.unit}\nNhận: ${handover.to.unit}`,
    `${formatDateTime(handover.at)}\nNgười giao: ${handover.from.person}\nNgười nhận: ${handover.to.person}`,
    handover.outcome ? STEP_OUTCOME[handover.outcome] : '',
    handover.note ?? '',
  ];
}

/** One row per hand-over of the dossier between units, with the result at that step. */
export async function renderControlSheet(data: ControlSheetData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '06', title: TITLE, layout: A4, ...data });
  drawField(writer, 'Người nộp hồ sơ', data.applicant.fullName, { isBold: true });
  drawField(writer, 'Thủ tục hành chính', data.dossier.procedureName);
  drawField(writer, 'Thời gian nhận hồ sơ', formatDateTime(data.receivedAt));
  drawField(writer, 'Thời gian trả kết quả giải quyết hồ sơ', formatDateTime(data.dueAt), { isBold: true });
  writer.skip(writer.layout.fontSize * 0.5);
  drawTable(writer, {
    columns: [
      { header: 'Tên cơ quan, bộ phận giao, nhận hồ sơ', weight: 5 },
      { header: 'Thời gian giao, nhận hồ sơ', weight: 5 },
      { header: 'Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)', weight: 3.2, align: 'center' },
      { header: 'Ghi chú', weight: 3 },
    ],
    rows: data.handovers.map(handoverRow),
    emptyText: 'Chưa có lần giao, nhận hồ sơ nào.',
  });
  drawSignatures(writer, [null, { title: 'Người lập phiếu', name: null }]);
  return finishDossierForm(writer);
}
