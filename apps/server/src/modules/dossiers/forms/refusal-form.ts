/** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
import { drawList, drawSignatures } from './form-frame.ts';
import { drawApplicantAndReceipt } from './dossier-parts.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import type { RefusalFormData } from './types.ts';

const TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';

/** The refusal with every reason, numbered. */
export async function renderRefusalForm(data: RefusalFormData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '03', title: TITLE, ...data });
  drawApplicantAndReceipt(writer, data);
  writer.paragraph('Căn cứ quy định hiện hành, cơ quan từ chối tiếp nhận hồ sơ vì các lý do sau:');
  if (data.reasons.length === 0) writer.paragraph('(Chưa ghi lý do.)', { style: 'italic' });
  drawList(writer, data.reasons, (index) => `${index + 1}.`);
  writer.paragraph('Xin thông báo để Ông/Bà được biết và thực hiện.');
  drawSignatures(writer, [
    { title: 'Người nộp hồ sơ', name: data.applicant.fullName },
    { title: 'Người tiếp nhận hồ sơ', name: data.officer.fullName },
  ]);
  return finishDossierForm(writer);
}
