import { describe, expect, it } from 'vitest';
import { renderApologyLetter } from './apology-letter.ts';
import { missingFrom, pdfInfo, pdfText } from './pdf-probe.ts';
import { renderRefusalForm } from './refusal-form.ts';
import { renderStopNotice } from './stop-notice.ts';
import { renderSupplementRequestForm } from './supplement-request-form.ts';
import { applicant, dossier, header, otherApplicant, signer } from './test-data.ts';

/** The text with every run of whitespace made one space, so wrapped sentences read whole. */
const flatText = async (bytes: Uint8Array): Promise<string> => (await pdfText(bytes)).replace(/\s+/g, ' ');

const common = { header, dossier, applicant, receivedAt: '2026-11-26T08:30:00Z' };

async function expectA5Form(bytes: Uint8Array, formNumber: string, title: string): Promise<string> {
  const info = await pdfInfo(bytes);
  expect(info['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
  expect(info['Pages']).toBe('1');
  expect(info['Title']).toBe(`${title} – ${dossier.code}`);
  const text = await flatText(bytes);
  expect(
    missingFrom(text, [
      `Mẫu số ${formNumber}`,
      title.toLocaleUpperCase('vi-VN'),
      `Mã hồ sơ: ${dossier.code}`,
      'Quảng Trị, ngày 26 tháng 11 năm 2026',
      'Vào lúc 15 giờ 30 phút, ngày 26/11/2026',
    ]),
  ).toEqual([]);
  return text;
}

describe('Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  it('lists every item to supplement with its requirement and reason, and the officer', async () => {
    const items = [
      {
        name: 'Bản vẽ sơ đồ thửa đất',
        requirement: 'Bản chính',
        reason: 'Bản vẽ nộp không có xác nhận của đơn vị đo đạc',
      },
      {
        name: 'Giấy ủy quyền cho người nộp hồ sơ',
        requirement: 'Bản sao có chứng thực',
        reason: 'Người nộp không phải chủ sử dụng đất',
      },
    ];
    const bytes = await renderSupplementRequestForm({
      ...common,
      items,
      officer: { fullName: 'Phạm Minh Khôi', position: 'Chuyên viên', phone: '0233 3852 123' },
    });
    const text = await expectA5Form(bytes, '02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
    // Table cells wrap and pdftotext interleaves the columns' lines: look for words within a line.
    for (const word of ['sơ đồ thửa đất', 'ủy quyền', 'Bản sao có', 'xác nhận', 'chủ sử dụng'])
      expect(text).toContain(word);
    expect(text).toContain('Cán bộ hướng dẫn: Phạm Minh Khôi, Chuyên viên; số điện thoại: 0233 3852 123.');
    expect(text).toContain(
      'Lưu ý: thời hạn giải quyết được tính lại từ đầu kể từ khi cơ quan nhận đủ hồ sơ hợp lệ',
    );
  });

  it('says so when there is nothing to supplement', async () => {
    const bytes = await renderSupplementRequestForm({
      ...common,
      items: [],
      officer: { fullName: 'Phạm Minh Khôi', position: null, phone: null },
    });
    expect(await flatText(bytes)).toContain('Không có nội dung cần bổ sung.');
  });
});

describe('Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('numbers every reason for refusal', async () => {
    const reasons = [
      'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân tỉnh.',
      'Hồ sơ đã được giải quyết trước đó theo Quyết định số 1234/QĐ-UBND.',
    ];
    const bytes = await renderRefusalForm({
      ...common,
      applicant: otherApplicant,
      reasons,
      officer: { fullName: 'Võ Thị Lan' },
    });
    const text = await expectA5Form(bytes, '03', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');
    expect(
      missingFrom(text, ['Đặng Quốc Hưng', `1. ${reasons[0]}`, `2. ${reasons[1]}`, 'Võ Thị Lan']),
    ).toEqual([]);
  });
});

describe('Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', () => {
  it('gives the original due date, the reason, the new date and the apology, signed by the agency', async () => {
    const bytes = await renderApologyLetter({
      ...common,
      originalDueAt: '2026-12-10T09:00:00Z',
      newDueAt: '2026-12-17T02:00:00Z',
      delayReason: 'Cần xác minh nguồn gốc sử dụng đất với Ủy ban nhân dân xã Triệu Phong.',
      signer,
    });
    const text = await expectA5Form(bytes, '04', 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    expect(
      missingFrom(text, [
        'Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết',
        'hẹn trả kết quả là 16 giờ 00 phút, ngày 10/12/2026',
        'Cần xác minh nguồn gốc sử dụng đất với Ủy ban nhân dân xã Triệu Phong.',
        'xin lỗi Ông/Bà vì sự chậm trễ này',
        'đến 09 giờ 00 phút, ngày 17/12/2026',
        'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC',
        'Trần Văn Đức',
      ]),
    ).toEqual([]);
  });
});

describe('Mẫu số 05: Thông báo dừng giải quyết hồ sơ', () => {
  it('gives the withdrawal at the applicant’s request and the date', async () => {
    const bytes = await renderStopNotice({
      ...common,
      stoppedAt: '2026-12-01T03:15:00Z',
      reason: { kind: 'applicant_withdrawal', requestedAt: '2026-11-30T17:30:00Z' },
      signer,
    });
    const text = await expectA5Form(bytes, '05', 'Thông báo dừng giải quyết hồ sơ');
    expect(text).toContain('dừng giải quyết hồ sơ nêu trên kể từ 10 giờ 15 phút, ngày 01/12/2026');
    expect(text).toContain('Theo đề nghị rút hồ sơ của Ông/Bà ngày 00 giờ 30 phút, ngày 01/12/2026.');
  });

  it('gives another legal reason in its own words', async () => {
    const bytes = await renderStopNotice({
      ...common,
      stoppedAt: '2026-12-01T03:15:00Z',
      reason: {
        kind: 'legal_reason',
        detail: 'Tài sản đang bị Tòa án nhân dân tỉnh kê biên để bảo đảm thi hành án.',
      },
      signer: { authority: null, position: 'Giám đốc', fullName: 'Hoàng Văn Sơn' },
    });
    const text = await flatText(bytes);
    expect(text).toContain('Tài sản đang bị Tòa án nhân dân tỉnh kê biên để bảo đảm thi hành án.');
    expect(text).not.toContain('rút hồ sơ');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).not.toContain('KT.');
    expect(text).toContain('Hoàng Văn Sơn');
  });
});
