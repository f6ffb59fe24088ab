import type { DeadlineUnit } from '@tinhso/contracts';
import { vietnamDayNumberOf, vietnamDayOf } from './periods.ts';
import type { DossierFacts, Elapsed } from './types.ts';

/**
 * The QĐ 766 on-time rule (indicator 2.1, vn-norms §1.9 [S, F766]) for one dossier, and the elapsed
 * time in the procedure's unit (2.2). Everything is seen as it stood at `periodEnd`: a state reached
 * later did not happen yet, so a past quarter's report does not change when dossiers move on.
 */

export type Timeliness = 'early' | 'on_time' | 'late';

/** Which state ended the measurement. */
export type EndSource =
  'resolved' | 'returned' | 'stopped' | 'refused' | 'withdrawn' | 'waiting_supplement' | 'period_end';

export interface OnTime {
  endAt: Date;
  endSource: EndSource;
  /** Ended by Đã xử lý xong or Đã trả kết quả. */
  isResolved: boolean;
  /** Ended by a state at all (resolved, returned, stopped, refused, withdrawn). */
  isFinished: boolean;
  supplementRequests: number;
  /** Milliseconds the citizen took to supplement, subtracted from the processing time. */
  pausedMs: number;
  timeliness: Timeliness;
  isOnTime: boolean;
  basis: 'due_at' | 'legal_deadline' | 'more_than_one_supplement';
}

/**
 * Early: before the due day; on time: on the due day, not after the due instant; late: after it.
 * Used for dossiers and for each unit's step (TT 01/2018 index 2, phiếu kiểm soát quá trình).
 */
export function compareWithDue(endAt: Date, dueAt: Date): Timeliness {
  if (endAt.getTime() > dueAt.getTime()) return 'late';
  return vietnamDayNumberOf(endAt) < vietnamDayNumberOf(dueAt) ? 'early' : 'on_time';
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function calendarDaysBetween(from: Date, to: Date): number {
  return (Date.parse(vietnamDayOf(to)) - Date.parse(vietnamDayOf(from))) / DAY_MS;
}

/** Calendar days of `months` months from a day: the month-unit deadline compared in days. */
function daysInMonths(from: Date, months: number): number {
  const start = new Date(`${vietnamDayOf(from)}T00:00:00Z`);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  // A 31st with no 31st in the target month ends on that month's last day (as the calendar does).
  if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0);
  return (end.getTime() - start.getTime()) / DAY_MS;
}

/**
 * Time from `from` to `to` in a deadline unit: working days by the calendar, calendar days by
 * Vietnam's days, hours by the calendar's office hours when given (else clock hours), months as
 * calendar days / 30 (only 2.2's average uses months; on-time compares months in days).
 */
export function elapsedIn(unit: DeadlineUnit, from: Date, to: Date, elapsed: Elapsed): number {
  switch (unit) {
    case 'working_day':
      return elapsed.workingDaysBetween(from, to);
    case 'calendar_day':
      return calendarDaysBetween(from, to);
    case 'hour':
      return elapsed.workingHoursBetween
        ? elapsed.workingHoursBetween(from, to)
        : (to.getTime() - from.getTime()) / HOUR_MS;
    case 'month':
      return calendarDaysBetween(from, to) / 30;
  }
}

/**
 * The supplement requests made after receipt (TrangThaiHoSo 5). A Phiếu yêu cầu bổ sung at the desk,
 * before the dossier is received, pauses nothing: the clock has not started.
 */
const afterReceipt = (fact: DossierFacts) =>
  fact.supplements.filter((pause) => pause.requestedAt >= fact.receivedAt);

// getTime() rather than `<=` on the Dates: the same comparison, without converting each Date first.
const at = (instant: Date | null | undefined, periodEnd: Date): Date | null =>
  instant && instant.getTime() <= periodEnd.getTime() ? instant : null;

function earliest(...instants: (Date | null)[]): Date | null {
  return instants.reduce<Date | null>(
    (first, next) => (next && (!first || next < first) ? next : first),
    null,
  );
}

function findEnd(fact: DossierFacts, periodEnd: Date): { endAt: Date; endSource: EndSource } {
  const resolvedAt = at(fact.resolvedAt, periodEnd);
  if (resolvedAt) return { endAt: resolvedAt, endSource: 'resolved' };
  const returnedAt = at(fact.returnedAt, periodEnd);
  if (returnedAt) return { endAt: returnedAt, endSource: 'returned' };
  const stoppedAt = at(fact.stoppedAt, periodEnd);
  const refusedAt = at(fact.refusedAt, periodEnd);
  const withdrawnAt = at(fact.withdrawnAt, periodEnd);
  const closedAt = earliest(stoppedAt, refusedAt, withdrawnAt);
  if (closedAt) {
    const endSource = closedAt === stoppedAt ? 'stopped' : closedAt === refusedAt ? 'refused' : 'withdrawn';
    return { endAt: closedAt, endSource };
  }
  const waiting = afterReceipt(fact)
    .filter((pause) => pause.requestedAt <= periodEnd && !at(pause.completedAt, periodEnd))
    .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
  if (waiting) return { endAt: waiting.requestedAt, endSource: 'waiting_supplement' };
  return { endAt: periodEnd, endSource: 'period_end' };
}

/** The supplement intervals before the end, a pending one running to the end. */
function pausesBefore(fact: DossierFacts, endAt: Date): { from: Date; to: Date }[] {
  // Most dossiers never wait for a supplement: no arrays made for them (the figures measure a year's).
  if (fact.supplements.length === 0) return [];
  return afterReceipt(fact)
    .filter((pause) => pause.requestedAt < endAt)
    .map((pause) => ({
      from: pause.requestedAt,
      to: pause.completedAt && pause.completedAt < endAt ? pause.completedAt : endAt,
    }));
}

function compareWithLegalDeadline(fact: DossierFacts, endAt: Date, elapsed: Elapsed): Timeliness {
  const { amount, unit } = fact.legalDeadline;
  const measureUnit = unit === 'month' ? 'calendar_day' : unit;
  const maximum = unit === 'month' ? daysInMonths(fact.receivedAt, amount) : amount;
  const paused = pausesBefore(fact, endAt).reduce(
    (sum, pause) => sum + elapsedIn(measureUnit, pause.from, pause.to, elapsed),
    0,
  );
  const taken = elapsedIn(measureUnit, fact.receivedAt, endAt, elapsed) - paused;
  if (taken > maximum) return 'late';
  return taken < maximum ? 'early' : 'on_time';
}

/**
 * QĐ 766 2.1 for one dossier. End = Đã xử lý xong, else Đã trả kết quả, else the first of Dừng xử lý,
 * Từ chối, Rút; else the request of a supplement still awaited; else the end of the period. The
 * citizen's supplement time is subtracted; more than one supplement request is late whatever the
 * dates. Compared with NgayHenTra (on time if equal), or without it with the legal deadline.
 */
export function measureOnTime(fact: DossierFacts, options: { periodEnd: Date; elapsed: Elapsed }): OnTime {
  const { endAt, endSource } = findEnd(fact, options.periodEnd);
  const pauses = pausesBefore(fact, endAt);
  const pausedMs = pauses.reduce((sum, pause) => sum + (pause.to.getTime() - pause.from.getTime()), 0);
  const supplementRequests =
    fact.supplements.length === 0
      ? 0
      : afterReceipt(fact).filter((pause) => pause.requestedAt <= options.periodEnd).length;
  const isResolved = endSource === 'resolved' || endSource === 'returned';
  const isFinished = endSource !== 'waiting_supplement' && endSource !== 'period_end';
  const base = { endAt, endSource, isResolved, isFinished, supplementRequests, pausedMs };
  if (supplementRequests > 1)
    return { ...base, timeliness: 'late', isOnTime: false, basis: 'more_than_one_supplement' };
  const timeliness = fact.dueAt
    ? compareWithDue(new Date(endAt.getTime() - pausedMs), fact.dueAt)
    : compareWithLegalDeadline(fact, endAt, options.elapsed);
  return {
    ...base,
    timeliness,
    isOnTime: timeliness !== 'late',
    basis: fact.dueAt ? 'due_at' : 'legal_deadline',
  };
}

/**
 * Processing time of a resolved dossier in its procedure's unit (or `unit`), supplement time
 * subtracted (QĐ 766 2.2): from NgayTiepNhan to Đã xử lý xong (else Đã trả kết quả). Null if not
 * resolved.
 */
export function processingTime(
  fact: DossierFacts,
  options: { periodEnd: Date; elapsed: Elapsed; unit?: DeadlineUnit },
): number | null {
  const endAt = at(fact.resolvedAt, options.periodEnd) ?? at(fact.returnedAt, options.periodEnd);
  if (!endAt) return null;
  const unit = options.unit ?? fact.legalDeadline.unit;
  const paused = pausesBefore(fact, endAt).reduce(
    (sum, pause) => sum + elapsedIn(unit, pause.from, pause.to, options.elapsed),
    0,
  );
  return Math.max(0, elapsedIn(unit, fact.receivedAt, endAt, options.elapsed) - paused);
}
