/**
 * Mẫu số 07: Sổ theo dõi hồ sơ, on A4 landscape. The table's header repeats on every page and the
 * pages are numbered 'Trang x/y'.
 */
import { drawFormHeader, drawTitle } from './form-frame.ts';
import { A4_LANDSCAPE, FormWriter } from './form-writer.ts';
import { REGISTER_STATUS } from './labels.ts';
import { drawTable } from './table.ts';
import { formatDayLine, formatShortDateTime } from './vietnam-time.ts';
import type { IsoDateTime, RegisterData, RegisterRow } from './types.ts';

const TITLE = 'Sổ theo dõi hồ sơ';

const when = (instant: IsoDateTime | null): string => (instant ? formatShortDateTime(instant) : '');

function registerRow(row: RegisterRow, index: number): string[] {
  return [
    String(index + 1),
    row.code,
    row.procedureName,
    row.applicantName,
    when(row.receivedAt),
    when(row.dueAt),
    when(row.resultAt),
    when(row.returnedAt),
    REGISTER_STATUS[row.status],
    row.note ?? '',
  ];
}

/** The register of the dossiers received in a period, one row each. */
export async function renderRegister(data: RegisterData): Promise<Uint8Array> {
  const writer = await FormWriter.create(A4_LANDSCAPE, {
    title: `${TITLE} – ${data.header.agency.name}`,
    subject: 'Mẫu số 07, Phụ lục I, Thông tư 03/2025/TT-VPCP',
    issuedAt: data.header.issuedAt,
  });
  drawFormHeader(writer, data.header, '07');
  drawTitle(
    writer,
    TITLE,
    `Từ ${formatDayLine(data.period.from)} đến ${formatDayLine(data.period.to)}` +
      (data.bookNumber ? ` – Quyển số ${data.bookNumber}` : ''),
  );
  drawTable(writer, {
    // Weights in points at A4 landscape: a date column fits 'HH:MM DD/MM/YYYY' on one line.
    columns: [
      { header: 'STT', weight: 24, align: 'center' },
      { header: 'Mã hồ sơ', weight: 104 },
      { header: 'Tên thủ tục hành chính', weight: 140 },
      { header: 'Người nộp hồ sơ', weight: 80 },
      { header: 'Ngày nhận hồ sơ', weight: 82, align: 'center' },
      { header: 'Ngày hẹn trả kết quả', weight: 82, align: 'center' },
      { header: 'Ngày có kết quả', weight: 82, align: 'center' },
      { header: 'Ngày trả kết quả', weight: 82, align: 'center' },
      { header: 'Tình trạng', weight: 54, align: 'center' },
      { header: 'Ghi chú', weight: 50 },
    ],
    rows: data.rows.map(registerRow),
    emptyText: 'Không có hồ sơ nào trong kỳ.',
  });
  return writer.finish({ pageNumbers: true });
}
