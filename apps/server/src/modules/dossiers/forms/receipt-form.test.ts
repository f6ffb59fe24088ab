import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { missingFrom, pdfFonts, pdfInfo, pdfText } from './pdf-probe.ts';
import { renderReceiptForm } from './receipt-form.ts';
import { applicant, dossier, header, otherApplicant } from './test-data.ts';
import type { ReceiptFormData } from './types.ts';

const receipt: ReceiptFormData = {
  header,
  dossier,
  applicant,
  channel: 'counter',
  components: [
    {
      name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)',
      form: 'original',
      count: 1,
    },
    { name: 'Căn cước công dân của người đề nghị', form: 'shown', count: 1 },
    { name: 'Hợp đồng chuyển nhượng quyền sử dụng đất', form: 'certified_copy', count: 2 },
  ],
  setCount: 1,
  legalProcessingTime: '10 ngày làm việc',
  receivedAt: '2026-11-26T08:30:00Z',
  dueAt: '2026-12-10T09:00:00Z',
  resultDelivery: 'post',
  registerEntry: { bookNumber: '03', sequence: '1542' },
  receiver: { fullName: 'Lê Thị Hồng Nhung' },
};

/** Collapses runs of spaces, so assertions do not depend on column padding. */
const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');

describe('Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints the header, title, applicant, dossier code and times in Vietnam time', async () => {
    const text = squeeze(await pdfText(await renderReceiptForm(receipt)));
    const expected = [
      'Mẫu số 01',
      'ỦY BAN NHÂN DÂN TỈNH',
      'QUẢNG TRỊ',
      'TRUNG TÂM PHỤC VỤ',
      'HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Trị, ngày 26 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: H45.26-261126-0042',
      'Ông/Bà (tổ chức): Nguyễn Thị Ánh Tuyết',
      'Số điện thoại: 0912 345 678; Email: anhtuyet.nguyen@example.vn',
      'Hình thức tiếp nhận: Trực tiếp tại Bộ phận Một cửa',
      'Căn cước công dân của người đề nghị',
      'Bản sao có chứng',
      'xuất',
      '2. Số lượng hồ sơ: 1 (bộ)',
      '10 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 15 giờ 30 phút, ngày 26/11/2026',
      '6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích',
      'Quyển số: 03, Số thứ tự: 1542',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Thị Hồng Nhung',
    ];
    expect(missingFrom(text, expected)).toEqual([]);
    // The due time may wrap; across lines it reads the same.
    expect(text.replace(/\s+/g, ' ')).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 10/12/2026',
    );
    expect(text).not.toContain('08 giờ 30 phút');
  });

  it('is one A5 portrait page with its metadata', async () => {
    const bytes = await renderReceiptForm(receipt);
    const info = await pdfInfo(bytes);
    expect(info['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    expect(info['Pages']).toBe('1');
    expect(info['Title']).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả – H45.26-261126-0042');
    expect(info['Creator']).toBe('TinhSo');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('vi-VN');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-26T08:30:00.000Z');
    // DejaVu Sans embedded as a subset (the whole regular face alone is over 700 kB), with ToUnicode.
    const fonts = await pdfFonts(bytes);
    expect(fonts.map((font) => font.name.replace(/-\d+$/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSans-Oblique',
    ]);
    expect(fonts.every((font) => font.isEmbedded && font.hasUnicode)).toBe(true);
    expect(bytes.length).toBeLessThan(120_000);
  });

  it('wraps a very long component name over several lines and loses no word', async () => {
    const words = Array.from({ length: 40 }, (_, index) => `giấytờ${index}`);
    const text = await pdfText(
      await renderReceiptForm({
        ...receipt,
        components: [{ name: words.join(' '), form: 'copy', count: 3 }],
      }),
    );
    const found = words.filter((word) => new RegExp(`\\b${word}\\b`, 'u').test(text));
    expect(found).toEqual(words);
    const linesWithWords = text.split('\n').filter((line) => line.includes('giấytờ'));
    expect(linesWithWords.length).toBeGreaterThanOrEqual(5);
    // Reading the lines in order gives the words in order: no line was dropped or repeated.
    const inOrder = linesWithWords.flatMap((line) => line.match(/giấytờ\d+/gu) ?? []);
    expect(inOrder).toEqual(words);
  });

  it('handles an empty list of components and missing contact details', async () => {
    const text = squeeze(
      await pdfText(
        await renderReceiptForm({
          ...receipt,
          applicant: otherApplicant,
          components: [],
          registerEntry: null,
        }),
      ),
    );
    expect(
      missingFrom(text, [
        'Không có giấy tờ nào được ghi nhận.',
        'Ông/Bà (tổ chức): Đặng Quốc Hưng',
        'Địa chỉ: ……………………',
        'Quyển số: ……………………,',
      ]),
    ).toEqual([]);
    expect(text).not.toContain('Quyển số: 03');
  });

  it('runs onto a second page with numbered pages when the list is long', async () => {
    const components = Array.from({ length: 40 }, (_, index) => ({
      name: `Giấy tờ chứng minh số ${index + 1}`,
      form: 'copy' as const,
      count: 1,
    }));
    const bytes = await renderReceiptForm({ ...receipt, components });
    const pages = (await pdfText(bytes)).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`Trang 1/${pages.length}`);
    // The table header repeats on the next page, and no row is lost.
    expect(pages[1]).toContain('Tên giấy tờ');
    for (const component of components) expect(pages.join('')).toContain(component.name);
  });
});
