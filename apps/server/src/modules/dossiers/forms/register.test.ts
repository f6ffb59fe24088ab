import { describe, expect, it } from 'vitest';
import { renderControlSheet } from './control-sheet.ts';
import { missingFrom, pdfInfo, pdfText } from './pdf-probe.ts';
import { renderRegister } from './register.ts';
import { applicant, dossier, header } from './test-data.ts';
import type { RegisterRow } from './types.ts';

const pagesOf = async (bytes: Uint8Array): Promise<string[]> =>
  (await pdfText(bytes)).split('\f').filter((page) => page.trim() !== '');

describe('Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('prints one row per hand-over with giver, receiver, time and outcome, on A4', async () => {
    const bytes = await renderControlSheet({
      header,
      dossier,
      applicant,
      receivedAt: '2026-11-26T08:30:00Z',
      dueAt: '2026-12-10T09:00:00Z',
      handovers: [
        {
          from: { unit: 'Bộ phận Một cửa', person: 'Lê Thị Hồng Nhung' },
          to: { unit: 'Phòng Đăng ký đất đai', person: 'Phạm Minh Khôi' },
          at: '2026-11-26T09:00:00Z',
          outcome: 'on_time',
          note: null,
        },
        {
          from: { unit: 'Phòng Đăng ký đất đai', person: 'Phạm Minh Khôi' },
          to: { unit: 'Lãnh đạo Văn phòng', person: 'Trần Văn Đức' },
          at: '2026-12-03T02:00:00Z',
          outcome: 'late',
          note: 'Chờ xác minh',
        },
      ],
    });
    const info = await pdfInfo(bytes);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts/);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    // Cells wrap and pdftotext interleaves the columns' lines: look for what fits in one line.
    const expected = [
      'Mẫu số 06',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      `Mã hồ sơ: ${dossier.code}`,
      'Người nộp hồ sơ: Nguyễn Thị Ánh Tuyết',
      '1. Giao: Bộ phận Một cửa',
      '2. Giao: Phòng Đăng ký',
      'Nhận: Lãnh đạo Văn phòng',
      'Người giao: Lê Thị Hồng',
      'Người nhận: Trần Văn Đức',
      '16 giờ 00 phút, ngày',
      '09 giờ 00 phút, ngày',
      '03/12/2026',
      'Đúng hạn',
      'Quá hạn',
      'Chờ xác minh',
    ];
    expect(missingFrom(text, expected)).toEqual([]);
  });
});

const LONG_PROCEDURE =
  'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu';

function registerRows(count: number): RegisterRow[] {
  return Array.from({ length: count }, (_, index) => ({
    code: `H45.26-261126-${String(index + 1).padStart(4, '0')}`,
    procedureName: index % 3 === 0 ? LONG_PROCEDURE : 'Đăng ký khai sinh',
    applicantName: index % 2 === 0 ? 'Đặng Quốc Hưng' : 'Nguyễn Thị Ánh Tuyết',
    receivedAt: '2026-11-26T08:30:00Z',
    dueAt: '2026-12-10T09:00:00Z',
    resultAt: index % 4 === 0 ? null : '2026-12-09T03:00:00Z',
    returnedAt: index % 4 === 0 ? null : '2026-12-09T07:45:00Z',
    status: index % 4 === 0 ? 'in_progress' : index % 4 === 1 ? 'late' : 'on_time',
    note: index === 119 ? 'Dòng cuối' : null,
  }));
}

describe('Mẫu số 07: Sổ theo dõi hồ sơ', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };

  it('spreads 120 rows over several A4 landscape pages, header repeated, pages numbered', async () => {
    const rows = registerRows(120);
    const bytes = await renderRegister({ header, period, bookNumber: '03', rows });
    const info = await pdfInfo(bytes);
    expect(info['Page size']).toMatch(/^841\.8\d* x 595\.2\d* pts/);
    const pages = await pagesOf(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(Number(info['Pages'])).toBe(pages.length);
    expect(pages[0]).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(pages[0]).toContain('Từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026 – Quyển số 03');
    pages.forEach((page, index) => {
      expect(
        missingFrom(page, ['Mã hồ sơ', 'Tên thủ tục hành chính', `Trang ${index + 1}/${pages.length}`]),
      ).toEqual([]);
    });
    // Every row appears exactly once, in order.
    const codes = pages.join('').match(/H45\.26-261126-\d{4}/g) ?? [];
    expect(codes).toEqual(rows.map((row) => row.code));
    const all = pages.join('');
    expect(
      missingFrom(all, [
        '15:30 26/11/2026',
        '14:45 09/12/2026',
        'Đang xử lý',
        'Quá hạn',
        'Nguyễn Thị Ánh',
        'Dòng cuối',
      ]),
    ).toEqual([]);
  });

  it('prints an empty register on one numbered page', async () => {
    const bytes = await renderRegister({ header, period, bookNumber: null, rows: [] });
    const pages = await pagesOf(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Không có hồ sơ nào trong kỳ.');
    expect(pages[0]).toContain('Trang 1/1');
    expect(pages[0]).not.toContain('Quyển số');
  });
});
