/** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
import { DOTS, drawField, drawSignatures } from './form-frame.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { drawApplicant } from './dossier-parts.ts';
import { COMPONENT_FORM, RECEIVING_CHANNEL, RESULT_DELIVERY } from './labels.ts';
import { drawTable } from './table.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { ReceiptFormData } from './types.ts';

const TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

/** The receipt handed to the applicant: what was received, when the result is due, where. */
export async function renderReceiptForm(data: ReceiptFormData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '01', title: TITLE, ...data });
  writer.paragraph(`${data.header.agency.name} đã tiếp nhận hồ sơ của:`);
  drawApplicant(writer, data.applicant);
  drawField(writer, 'Nội dung yêu cầu giải quyết', data.dossier.procedureName, { isBold: true });
  drawField(writer, 'Hình thức tiếp nhận', RECEIVING_CHANNEL[data.channel]);
  writer.paragraph('1. Thành phần hồ sơ nộp gồm:');
  drawTable(writer, {
    columns: [
      { header: 'TT', weight: 1.1, align: 'center' },
      { header: 'Tên giấy tờ', weight: 7 },
      { header: 'Hình thức', weight: 3.2, align: 'center' },
      { header: 'Số lượng', weight: 1.8, align: 'center' },
    ],
    rows: data.components.map((component, index) => [
      String(index + 1),
      component.name,
      COMPONENT_FORM[component.form],
      String(component.count),
    ]),
    emptyText: 'Không có giấy tờ nào được ghi nhận.',
    size: writer.layout.fontSize - 0.5,
  });
  drawField(writer, '2. Số lượng hồ sơ', `${data.setCount} (bộ)`);
  drawField(writer, '3. Thời gian giải quyết hồ sơ theo quy định', data.legalProcessingTime);
  drawField(writer, '4. Thời gian nhận hồ sơ', formatDateTime(data.receivedAt));
  drawField(writer, '5. Thời gian trả kết quả giải quyết hồ sơ', formatDateTime(data.dueAt), {
    isBold: true,
  });
  drawField(writer, '6. Đăng ký nhận kết quả tại', RESULT_DELIVERY[data.resultDelivery]);
  const entry = data.registerEntry;
  writer.paragraph(
    `Vào Sổ theo dõi hồ sơ, Quyển số: ${entry?.bookNumber ?? DOTS}, Số thứ tự: ${entry?.sequence ?? DOTS}`,
    { style: 'italic' },
  );
  drawSignatures(writer, [
    { title: 'Người nộp hồ sơ', name: data.applicant.fullName },
    { title: 'Người tiếp nhận hồ sơ', name: data.receiver.fullName },
  ]);
  return finishDossierForm(writer);
}
