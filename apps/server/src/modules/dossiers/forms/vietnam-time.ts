/**
 * Dates as Vietnamese administrative documents print them, in Vietnam's time (UTC+7, no daylight
 * saving), so the server's own time zone never moves a date.
 */
import type { IsoDateTime, IsoDay } from './types.ts';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** An offset is required: without one, Date.parse would read the server's local time. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsOf(instant: IsoDateTime): VietnamParts {
  const ms = WITH_OFFSET.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 instant with an offset: ${instant}`);
  const shifted = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function dayParts(day: IsoDay): VietnamParts {
  if (!DAY.test(day)) throw new Error(`not an ISO day: ${day}`);
  return partsOf(`${day}T00:00:00+07:00`);
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * 'ngày 05 tháng 3 năm 2026': NĐ 30/2020/NĐ-CP (Phụ lục I) writes a leading zero for days below 10
 * and for months 1 and 2 only.
 */
function dateLine({ year, month, day }: VietnamParts): string {
  return `ngày ${pad(day)} tháng ${month < 3 ? pad(month) : String(month)} năm ${year}`;
}

export const formatDateLine = (instant: IsoDateTime): string => dateLine(partsOf(instant));
export const formatDayLine = (day: IsoDay): string => dateLine(dayParts(day));

/** '26/11/2026'. */
export function formatDay(instant: IsoDateTime): string {
  const { year, month, day } = partsOf(instant);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** '26/11/2026' from an ISO day. */
export function formatIsoDay(day: IsoDay): string {
  const parts = dayParts(day);
  return `${pad(parts.day)}/${pad(parts.month)}/${parts.year}`;
}

/** '15 giờ 30 phút, ngày 26/11/2026'. */
export function formatDateTime(instant: IsoDateTime): string {
  const { hour, minute } = partsOf(instant);
  return `${pad(hour)} giờ ${pad(minute)} phút, ngày ${formatDay(instant)}`;
}

/** '15:30 26/11/2026', for narrow table cells. */
export function formatShortDateTime(instant: IsoDateTime): string {
  const { hour, minute } = partsOf(instant);
  return `${pad(hour)}:${pad(minute)} ${formatDay(instant)}`;
}

/** The instant as a Date, for the PDF's metadata. */
export function toDate(instant: IsoDateTime): Date {
  partsOf(instant);
  return new Date(instant);
}
