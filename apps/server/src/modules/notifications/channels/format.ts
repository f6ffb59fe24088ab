/**
 * A Vietnamese phone in the international form gateways want, 84 and the subscriber number
 * without its leading 0: 0912345678, +84912345678 and 84 912 345 678 all give 84912345678.
 */
export function toInternationalPhone(phone: string): string {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  if (/^0[0-9]{9}$/.test(digits)) return `84${digits.slice(1)}`;
  if (/^84[0-9]{9}$/.test(digits)) return digits;
  throw new Error(`not a Vietnamese mobile number: ${phone}`);
}

/**
 * Vietnamese without its diacritics ("Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan"). Many
 * SMS brandname contracts bill an unaccented message as one 160-character part and an accented one
 * as 70-character Unicode parts, or refuse Unicode altogether.
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
