import { describe, expect, it } from 'vitest';
import { toInternationalPhone, withoutDiacritics } from './format.ts';

describe('phone numbers for gateways', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['+84912345678', '84912345678'],
    ['84 912 345 678', '84912345678'],
    ['091.234.5678', '84912345678'],
  ])('%s → %s', (given, expected) => expect(toInternationalPhone(given)).toBe(expected));

  it.each(['912345678', '01234567890', '+1 415 555 0100', ''])('refuses %j', (given) =>
    expect(() => toInternationalPhone(given)).toThrow(/not a Vietnamese mobile number/),
  );
});

describe('text without diacritics', () => {
  it('keeps the letters of Vietnamese, đ included', () => {
    expect(withoutDiacritics('Hồ sơ đã được tiếp nhận. ĐỒNG THÁP, Nguyễn Thị Mai')).toBe(
      'Ho so da duoc tiep nhan. DONG THAP, Nguyen Thi Mai',
    );
  });
});
