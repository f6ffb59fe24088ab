import { beforeAll, describe, expect, it } from 'vitest';
import { A5, FormWriter } from './form-writer.ts';
import type { Line } from './text-layout.ts';

let writer: FormWriter;
beforeAll(async () => {
  writer = await FormWriter.create(A5, { title: 't', subject: 's', issuedAt: '2026-11-26T08:30:00Z' });
});

const textOf = (line: Line): string => line.segments.map((segment) => segment.text).join('');
const widthOf = (line: Line, size: number): number =>
  line.segments.reduce((sum, segment) => sum + segment.font.widthOfTextAtSize(segment.text, size), 0);

describe('wrapping', () => {
  it('keeps every word, in order, within the width', () => {
    const words = Array.from({ length: 60 }, (_, index) => `Giấy-tờ-${index}`);
    const lines = writer.wrap(words.join(' '), { width: 150, size: 9 });
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(widthOf(line, 9)).toBeLessThanOrEqual(150);
    expect(lines.map(textOf).join(' ')).toBe(words.join(' '));
  });

  it('cuts a word wider than the box between characters, losing none', () => {
    const word = 'https://dichvucong.quangtri.gov.vn/tra-cuu/H45.26-261126-0042?ma=Đặng';
    const lines = writer.wrap(word, { width: 60, size: 9 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(widthOf(line, 9)).toBeLessThanOrEqual(60);
    expect(lines.map(textOf).join('')).toBe(word);
  });

  it('keeps the fonts of the runs and breaks at newlines', () => {
    const lines = writer.wrap([{ text: 'Họ tên: ' }, { text: 'Đặng Quốc Hưng\nĐịa chỉ', style: 'bold' }]);
    expect(lines.map(textOf)).toEqual(['Họ tên: Đặng Quốc Hưng', 'Địa chỉ']);
    expect(lines[0]?.segments.map((segment) => segment.font)).toEqual([
      writer.fonts.regular,
      writer.fonts.bold,
    ]);
  });

  it('composes decomposed input (NFC), so each letter is one glyph', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(textOf(writer.wrap(decomposed)[0] as Line)).toBe('Nguyễn'.normalize('NFC'));
  });

  it('gives one empty line for empty text', () => {
    expect(writer.wrap('').map(textOf)).toEqual(['']);
  });
});
