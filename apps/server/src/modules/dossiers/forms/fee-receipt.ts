/**
 * The printed copy of a fee e-receipt (bản thể hiện của biên lai điện tử): what was paid for which
 * dossier, how and when. Its legal template and series (NĐ 123/2020, TT 78/2021) are not confirmed;
 * see the payments module's README.
 */
import { A5, FormWriter } from './form-writer.ts';
import { drawDossierCode, drawField, drawSignatures, drawTitle } from './form-frame.ts';
import { formatDateTime } from './vietnam-time.ts';
import type { Agency, DossierReference, IsoDateTime } from './types.ts';

export interface FeeReceiptData {
  agency: Agency;
  dossier: DossierReference;
  receiptNo: string;
  payerName: string;
  content: string;
  amountVnd: number;
  /** null: cash at the desk; otherwise the platform's name. */
  paidThrough: string | null;
  issuedAt: IsoDateTime;
  /** The officer who took the cash; null when paid online. */
  collectedBy: string | null;
}

/** 200000 → '200.000 đồng' (Vietnamese groups thousands with dots). */
export const formatVnd = (amount: number): string =>
  `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

export async function renderFeeReceipt(data: FeeReceiptData): Promise<Uint8Array> {
  const writer = await FormWriter.create(A5, {
    title: `Biên lai thu phí, lệ phí ${data.receiptNo}`,
    subject: `Biên lai điện tử của hồ sơ ${data.dossier.code}`,
    issuedAt: data.issuedAt,
  });
  if (data.agency.parentName) writer.paragraph(data.agency.parentName.toUpperCase(), { align: 'center' });
  writer.paragraph(data.agency.name.toUpperCase(), { align: 'center', style: 'bold' });
  writer.skip(writer.layout.fontSize);
  drawTitle(writer, 'Biên lai thu phí, lệ phí', '(Bản thể hiện của biên lai điện tử)');
  drawDossierCode(writer, data.dossier);
  drawField(writer, 'Số biên lai', data.receiptNo, { isBold: true });
  drawField(writer, 'Người nộp', data.payerName);
  drawField(writer, 'Nội dung', data.content);
  drawField(writer, 'Số tiền', formatVnd(data.amountVnd), { isBold: true });
  drawField(
    writer,
    'Hình thức thanh toán',
    data.paidThrough === null ? 'Tiền mặt tại Bộ phận Một cửa' : `Trực tuyến qua ${data.paidThrough}`,
  );
  drawField(writer, 'Thời điểm thu', formatDateTime(data.issuedAt));
  drawSignatures(writer, [
    { title: 'Người nộp tiền', name: data.payerName },
    { title: 'Người thu tiền', name: data.collectedBy },
  ]);
  return writer.finish({ pageNumbers: false });
}
