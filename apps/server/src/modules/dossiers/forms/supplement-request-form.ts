/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
import { drawField, drawList, drawSignatures } from './form-frame.ts';
import { drawApplicant, drawReceivedSentence } from './dossier-parts.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { drawTable } from './table.ts';
import type { SupplementRequestFormData } from './types.ts';

const TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

/** Every paper to add or correct, why, and who to ask; the deadline restarts once complete. */
export async function renderSupplementRequestForm(data: SupplementRequestFormData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '02', title: TITLE, ...data });
  writer.paragraph('Kính gửi:');
  drawApplicant(writer, data.applicant);
  drawReceivedSentence(writer, { agencyName: data.header.agency.name, ...data });
  writer.paragraph(
    'Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm:',
  );
  drawTable(writer, {
    columns: [
      { header: 'TT', weight: 1.1, align: 'center' },
      { header: 'Giấy tờ cần bổ sung, hoàn thiện', weight: 5.5 },
      { header: 'Yêu cầu', weight: 3 },
      { header: 'Lý do', weight: 4.5 },
    ],
    rows: data.items.map((item, index) => [String(index + 1), item.name, item.requirement, item.reason]),
    emptyText: 'Không có nội dung cần bổ sung.',
    size: writer.layout.fontSize - 0.5,
  });
  writer.paragraph('Cán bộ hướng dẫn:');
  drawList(
    writer,
    [
      [{ text: 'Họ và tên: ' }, { text: data.officer.fullName, style: 'bold' }],
      `Chức vụ: ${data.officer.position ?? '……………………'}`,
      `Số điện thoại: ${data.officer.phone ?? '……………………'}`,
    ],
    () => '-',
  );
  drawField(
    writer,
    'Lưu ý',
    'Thời hạn giải quyết được tính lại từ đầu kể từ khi cơ quan nhận đủ hồ sơ hợp lệ. ' +
      'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ cán bộ hướng dẫn nêu trên.',
  );
  drawSignatures(writer, [
    { title: 'Người nộp hồ sơ', name: data.applicant.fullName },
    { title: 'Người hướng dẫn', name: data.officer.fullName },
  ]);
  return finishDossierForm(writer);
}
