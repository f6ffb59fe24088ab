/** Mẫu số 05: Thông báo dừng giải quyết hồ sơ. */
import { drawAddressee, drawAgencySignature, drawReceivedSentence } from './dossier-parts.ts';
import { finishDossierForm, openDossierForm } from './dossier-form.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { StopNoticeData, StopReason } from './types.ts';

const TITLE = 'Thông báo dừng giải quyết hồ sơ';

function reasonText(reason: StopReason): string {
  switch (reason.kind) {
    case 'applicant_withdrawal':
      return reason.requestedAt
        ? `Theo đề nghị rút hồ sơ của Ông/Bà ngày ${formatDateTime(reason.requestedAt)}.`
        : 'Theo đề nghị rút hồ sơ của Ông/Bà.';
    case 'legal_reason':
      return reason.detail;
  }
}

/** The agency stops processing, on the applicant's withdrawal or another legal ground. */
export async function renderStopNotice(data: StopNoticeData): Promise<Uint8Array> {
  const writer = await openDossierForm({ formNumber: '05', title: TITLE, ...data });
  drawAddressee(writer, data.applicant);
  drawReceivedSentence(writer, data);
  writer.paragraph([
    { text: `${data.header.agency.name} thông báo dừng giải quyết hồ sơ nêu trên kể từ ` },
    { text: formatDateTime(data.stoppedAt), style: 'bold' },
    { text: '.' },
  ]);
  writer.paragraph('Lý do:');
  writer.paragraph(reasonText(data.reason), { x: writer.left + writer.layout.fontSize * 1.5 });
  writer.paragraph('Xin thông báo để Ông/Bà được biết.');
  drawAgencySignature(writer, data.signer);
  return finishDossierForm(writer);
}
