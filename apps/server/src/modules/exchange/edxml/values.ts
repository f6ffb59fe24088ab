import type { EdxmlProfile } from './profile.ts';

/** Checks and conversions of single values, shared by the builders and the parsers. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WIRE_DATE: Record<EdxmlProfile['dateFormat'], RegExp> = {
  'yyyy/MM/dd': /^(\d{4})\/(\d{2})\/(\d{2})$/,
  'dd/MM/yyyy': /^(\d{2})\/(\d{2})\/(\d{4})$/,
};
/** ISO 8601 in Vietnam time, as the status message carries it; seconds, optional milliseconds. */
const VIETNAM_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?\+07:00$/;
/** No repeated group: a group under `*` overflows the regex stack on a multi-megabyte attachment. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO `YYYY-MM-DD` → the profile's wire format. The caller has checked `isIsoDate`. */
export function formatWireDate(isoDate: string, format: EdxmlProfile['dateFormat']): string {
  const [year, month, day] = isoDate.split('-');
  return format === 'yyyy/MM/dd' ? `${year}/${month}/${day}` : `${day}/${month}/${year}`;
}

/** The profile's wire format → ISO `YYYY-MM-DD`, or null when it is not a real date in that format. */
export function parseWireDate(value: string, format: EdxmlProfile['dateFormat']): string | null {
  const match = WIRE_DATE[format].exec(value);
  if (match === null) return null;
  const [year, month, day] =
    format === 'yyyy/MM/dd' ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month}-${day}`;
}

export function isVietnamTimestamp(value: string): boolean {
  const match = VIETNAM_TIMESTAMP.exec(value);
  if (match === null) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  return (
    isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/** An instant as ISO 8601 in Vietnam time (UTC+7, no daylight saving): `2026-11-27T11:48:36+07:00`. */
export function toVietnamTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** Base64 as attachments carry it: line breaks and spaces allowed, removed here. Null if broken. */
export function normaliseBase64(value: string): string | null {
  const compact = value.replace(/[\t\n\r ]/g, '');
  return compact.length % 4 === 0 && BASE64.test(compact) ? compact : null;
}

export function hasNonXmlCharacter(value: string): boolean {
  return NOT_XML_CHAR.test(value);
}
