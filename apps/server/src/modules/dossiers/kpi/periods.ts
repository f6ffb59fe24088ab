import type { Period } from './types.ts';

/** Vietnam keeps UTC+7 all year; periods and months are Vietnam's, whatever the server's zone. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The instant Vietnam's clocks show 00:00 on the first of the month (month 1–12; 13 is next January). */
function vietnamMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - VIETNAM_OFFSET_MS);
}

/** Quý 1–4 of a year, [00:00 on its first day, 00:00 on the next quarter's first day) in Vietnam. */
export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { from: vietnamMonthStart(year, firstMonth), to: vietnamMonthStart(year, firstMonth + 3) };
}

export function yearPeriod(year: number): Period {
  return { from: vietnamMonthStart(year, 1), to: vietnamMonthStart(year + 1, 1) };
}

export function monthPeriod(year: number, month: number): Period {
  return { from: vietnamMonthStart(year, month), to: vietnamMonthStart(year, month + 1) };
}

export function isWithin(instant: Date, period: Period): boolean {
  return instant >= period.from && instant < period.to;
}

const DAY_MS = 86_400_000;

/** The number of the day (since 1970-01-01) an instant falls on in Vietnam: days compared as numbers. */
export function vietnamDayNumberOf(instant: Date): number {
  return Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Months by day number: the statistics ask the month of every dossier, over a few hundred days. */
const monthOfDay = new Map<number, string>();

/** 'YYYY-MM' of an instant in Vietnam's time, the key of the statistics page's month column. */
export function vietnamMonthOf(instant: Date): string {
  const day = vietnamDayNumberOf(instant);
  let month = monthOfDay.get(day);
  if (month === undefined) {
    if (monthOfDay.size > 100_000) monthOfDay.clear();
    month = new Date(day * DAY_MS).toISOString().slice(0, 7);
    monthOfDay.set(day, month);
  }
  return month;
}

/** 'YYYY-MM-DD' of an instant in Vietnam's time. */
export function vietnamDayOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The dossiers received in a period: the population of most indicators (NgayTiepNhan in the period). */
export function receivedIn<T extends { receivedAt: Date }>(facts: readonly T[], period: Period): T[] {
  return facts.filter((fact) => isWithin(fact.receivedAt, period));
}

/**
 * The dossiers resolved in a period (Đã xử lý xong, else Đã trả kết quả): the population of a
 * TT 01/2018 evaluation, so a dossier is scored once, in the quarter it was finished.
 */
export function resolvedIn<T extends { resolvedAt?: Date | null; returnedAt?: Date | null }>(
  facts: readonly T[],
  period: Period,
): T[] {
  return facts.filter((fact) => {
    const endAt = fact.resolvedAt ?? fact.returnedAt;
    return endAt !== null && endAt !== undefined && isWithin(endAt, period);
  });
}
