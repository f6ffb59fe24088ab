import type { LegalDeadline } from '@tinhso/contracts';
import { i18n } from '../../i18n/index.ts';
import { todayInProvince } from '../../lib/dates.ts';

/** "200.000 ₫" (vi) or "₫200,000" (en). */
export function formatVnd(amount: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function deadlineText(deadline: LegalDeadline): string {
  return i18n.t(`portal.deadlineUnit.${deadline.unit}`, { count: deadline.value, value: deadline.value });
}

/** Whole days from today (in the province) to an instant's day: negative when past. */
export function daysUntil(isoInstant: string): number {
  const due = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(isoInstant));
  const day = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((day(due) - day(todayInProvince())) / 86_400_000);
}

/** A fresh key for one filing (crypto.randomUUID needs a secure context; the fallback is for plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
