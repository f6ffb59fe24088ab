/**
 * Calendar days as 'YYYY-MM-DD' strings. Arithmetic runs on UTC midnights, so a server's own time zone
 * never shifts a day; which day an instant falls on is decided in Vietnam's time (UTC+7).
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(day: string): { year: number; month: number; day: number } | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = new Date(Date.UTC(year, month - 1, date));
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date)
    return null;
  return { year, month, day: date };
}

export function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export const yearOf = (day: string): number => Number(day.slice(0, 4));

/** The same day of the month `count` months later; the month's last day when it has no such day. */
export function addMonths(day: string, count: number): string {
  const parsed = parseIsoDay(day);
  if (!parsed) throw new Error(`not a day: ${day}`);
  const monthIndex = parsed.month - 1 + count;
  const lastDay = new Date(Date.UTC(parsed.year, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(parsed.year, monthIndex, Math.min(parsed.day, lastDay)))
    .toISOString()
    .slice(0, 10);
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The day and minute of the day of an instant in Vietnam's time (UTC+7, no daylight saving). */
export function vietnamDayAndMinute(instant: Date): { day: string; minute: number } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    day: shifted.toISOString().slice(0, 10),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}
