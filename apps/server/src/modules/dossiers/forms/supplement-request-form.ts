/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
import { DOTS, drawField, drawSignatures } from './form-frame.ts';
import { drawApplicantAndReceipt } from './dossier-parts.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { drawTable } from './table.ts';
import type { SupplementRequestFormData } from './types.ts';

const TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

/** Every paper to add or correct, why, and who to ask; the deadline restarts once complete. */
export async function renderSupplementRequestForm(data: SupplementRequestFormData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '02', title: TITLE, ...data });
  drawApplicantAndReceipt(writer, data);
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
  const { officer } = data;
  writer.paragraph([
    { text: 'Cán bộ hướng dẫn: ' },
    { text: officer.fullName, style: 'bold' },
    { text: `${officer.position ? `, ${officer.position}` : ''}; số điện thoại: ${officer.phone ?? DOTS}.` },
  ]);
  drawField(
    writer,
    'Lưu ý',
    'thời hạn giải quyết được tính lại từ đầu kể từ khi cơ quan nhận đủ hồ sơ hợp lệ.',
  );
  drawSignatures(writer, [
    { title: 'Người nộp hồ sơ', name: data.applicant.fullName },
    { title: 'Người hướng dẫn', name: data.officer.fullName },
  ]);
  return finishDossierForm(writer);
}
