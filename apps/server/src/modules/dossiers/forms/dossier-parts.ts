/** Paragraphs several dossier forms print the same way. */
import { DOTS, drawField, drawSignatures } from './form-frame.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { FormWriter } from './form-writer.ts';
import type { AgencySigner, Applicant, DossierReference, FormHeader, IsoDateTime } from './types.ts';

/** The applicant's name in bold, then address, phone and email (dots when missing). */
export function drawApplicant(writer: FormWriter, applicant: Applicant): void {
  drawField(writer, 'Ông/Bà (tổ chức)', applicant.fullName, { isBold: true });
  drawField(writer, 'Địa chỉ', applicant.address);
  writer.paragraph(`Số điện thoại: ${applicant.phone ?? DOTS}; Email: ${applicant.email ?? DOTS}`);
}

interface ReceivedDossier {
  header: FormHeader;
  dossier: DossierReference;
  applicant: Applicant;
  receivedAt: IsoDateTime;
}

/** 'Vào lúc …, <agency> đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục <procedure> (mã hồ sơ …).' */
export function drawReceivedSentence(
  writer: FormWriter,
  { header, dossier, receivedAt }: ReceivedDossier,
): void {
  writer.paragraph([
    {
      text: `Vào lúc ${formatDateTime(receivedAt)}, ${header.agency.name} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục `,
    },
    { text: dossier.procedureName, style: 'bold' },
    { text: ` (mã hồ sơ ${dossier.code}).` },
  ]);
}

/** 'Kính gửi:' the applicant with contact details, then the received sentence (Mẫu 02, 03). */
export function drawApplicantAndReceipt(writer: FormWriter, data: ReceivedDossier): void {
  writer.paragraph('Kính gửi:');
  drawApplicant(writer, data.applicant);
  drawReceivedSentence(writer, data);
}

/** 'Kính gửi: Ông/Bà X', for letters the agency sends to the applicant. */
export function drawAddressee(writer: FormWriter, applicant: Applicant): void {
  writer.paragraph([{ text: 'Kính gửi: Ông/Bà ' }, { text: applicant.fullName, style: 'bold' }], {
    align: 'center',
  });
  if (applicant.address) writer.paragraph(`Địa chỉ: ${applicant.address}`, { align: 'center' });
  writer.skip(writer.layout.fontSize * 0.4);
}

/** The agency's signature on the right, sealed. */
export function drawAgencySignature(writer: FormWriter, signer: AgencySigner): void {
  drawSignatures(writer, [
    null,
    {
      authority: signer.authority,
      title: signer.position,
      note: '(Ký, ghi rõ họ tên, đóng dấu)',
      name: signer.fullName,
    },
  ]);
}
