/** The province's clock: Vietnam has one time zone and no daylight saving, so the offset is fixed. */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const PROVINCE_OFFSET = '+07:00';

export type Language = 'vi' | 'en';

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** A calendar date "2025-07-01" shown as 01/07/2025 (vi) or 1 Jul 2025 (en), never shifted by a time zone. */
export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  if (language === 'vi') return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}

/** An instant shown in the province's time: dd/MM/yyyy HH:mm:ss (vi) or d MMM yyyy, HH:mm:ss (en). */
export function formatDateTime(isoInstant: string, language: Language): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: PROVINCE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const time = `${part(parts, 'hour')}:${part(parts, 'minute')}:${part(parts, 'second')}`;
  const isoDate = `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
  return `${formatDate(isoDate, language)} ${time}`;
}

/** Today's date in the province, as YYYY-MM-DD (the value of an <input type="date">). */
export function todayInProvince(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PROVINCE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The value of an <input type="datetime-local"> ("2026-01-05T08:30"), read as the province's wall
 * clock, as an ISO instant with offset. The audit viewer shows times in the province's zone, so a
 * filter typed by an officer abroad still means the same hours as the times on screen.
 */
export function localDateTimeToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!match) return undefined;
  return `${match[1] ?? ''}T${match[2] ?? ''}${match[3] ?? ':00'}${PROVINCE_OFFSET}`;
}
