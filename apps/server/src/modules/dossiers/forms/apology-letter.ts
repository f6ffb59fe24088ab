/** Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
import { drawAddressee, drawAgencySignature, drawReceivedSentence } from './dossier-parts.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { ApologyLetterData } from './types.ts';

const TITLE = 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết';

/** The agency apologises for a late result, says why, and proposes a new date. */
export async function renderApologyLetter(data: ApologyLetterData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '04', title: TITLE, ...data });
  const agency = data.header.agency.name;
  drawAddressee(writer, data.applicant);
  drawReceivedSentence(writer, data);
  writer.paragraph([
    { text: 'Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ' },
    { text: formatDateTime(data.originalDueAt), style: 'bold' },
    { text: '. Đến nay, hồ sơ chưa được giải quyết xong vì lý do:' },
  ]);
  writer.paragraph(data.delayReason, { x: writer.left + writer.layout.fontSize * 1.5 });
  writer.paragraph([
    { text: `${agency} xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian trả kết quả đến ` },
    { text: formatDateTime(data.newDueAt), style: 'bold' },
    { text: '.' },
  ]);
  writer.paragraph('Rất mong nhận được sự thông cảm của Ông/Bà. Trân trọng!');
  drawAgencySignature(writer, data.signer);
  return finishDossierForm(writer);
}
