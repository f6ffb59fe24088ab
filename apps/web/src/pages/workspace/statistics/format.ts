import type { Language } from '../../../lib/dates.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it: 87,5 (vi-VN, comma decimal) or 87.5 (en), at most two decimals. */
export function formatNumber(value: number, language: Language, digits = 2): string {
  const key = `${language}:${String(digits)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** "2026-03" → "03/2026"; anything else as it is. */
export function formatMonth(key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  return match ? `${match[2] ?? ''}/${match[1] ?? ''}` : key;
}
