/**
 * The processing-status codes a receiver sends back (`edXML:Status/StatusCode`), as implementers
 * attribute them to QĐ 28/2018/QĐ-TTg (vn-norms §2.3, [S]: the decision's text was not found). Data,
 * not logic: a code added or renamed by the VPCP integration specification is a row here.
 */
export interface EdxmlStatusCodeEntry {
  code: string;
  /** What the UI shows. */
  labelVi: string;
  labelEn: string;
  /** A refusal must say why (vn-norms §9.6 R-EDX-3: "02 on rejection, with a reason"). */
  needsDescription: boolean;
}

export const EDXML_STATUS_CODES = [
  { code: '01', labelVi: 'Đã đến', labelEn: 'arrived', needsDescription: false },
  { code: '02', labelVi: 'Từ chối / trả lại', labelEn: 'rejected or returned', needsDescription: true },
  { code: '03', labelVi: 'Đã tiếp nhận', labelEn: 'accepted, registered', needsDescription: false },
  { code: '04', labelVi: 'Phân công', labelEn: 'assigned', needsDescription: false },
  { code: '05', labelVi: 'Đang xử lý', labelEn: 'in process', needsDescription: false },
  { code: '06', labelVi: 'Hoàn thành', labelEn: 'done', needsDescription: false },
  { code: '13', labelVi: 'Yêu cầu lấy lại', labelEn: 'sender asks to recall', needsDescription: false },
  { code: '15', labelVi: 'Đồng ý lấy lại', labelEn: 'recall accepted', needsDescription: false },
  { code: '16', labelVi: 'Từ chối lấy lại', labelEn: 'recall refused', needsDescription: true },
] as const satisfies readonly EdxmlStatusCodeEntry[];

export type EdxmlStatusCode = (typeof EDXML_STATUS_CODES)[number]['code'];

export function findStatusCode(
  code: string,
  table: readonly EdxmlStatusCodeEntry[] = EDXML_STATUS_CODES,
): EdxmlStatusCodeEntry | undefined {
  return table.find((entry) => entry.code === code);
}
