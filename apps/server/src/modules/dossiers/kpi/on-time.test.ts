import { describe, expect, it } from 'vitest';
import { compareWithDue, measureOnTime, processingTime } from './on-time.ts';
import { at, dossier, elapsed } from './test-facts.ts';
import type { DossierFacts } from './types.ts';

// Received Mon 2 March 09:00, NgayHenTra Mon 9 March 17:00 (5 working days), Vietnam's time.
const periodEnd = at('2026-04-01T00:00:00');
const measure = (fact: DossierFacts, end: Date = periodEnd) =>
  measureOnTime(fact, { periodEnd: end, elapsed });

describe('QĐ 766 2.1: is a dossier on time', () => {
  it('is on time when NgayKetThucXuLy equals NgayHenTra exactly, late one millisecond after', () => {
    expect(measure(dossier({ resolvedAt: at('2026-03-09T17:00:00') }))).toMatchObject({
      timeliness: 'on_time',
      isOnTime: true,
      basis: 'due_at',
    });
    expect(measure(dossier({ resolvedAt: new Date(at('2026-03-09T17:00:00').getTime() + 1) }))).toMatchObject(
      {
        timeliness: 'late',
        isOnTime: false,
      },
    );
  });

  it('is early when resolved before the due day', () => {
    expect(measure(dossier({ resolvedAt: at('2026-03-06T16:00:00') })).timeliness).toBe('early');
  });

  it('ends at Đã xử lý xong before Đã trả kết quả, and at Đã trả kết quả before Dừng', () => {
    // Resolved on the due day, result returned two days late: the resolution counts.
    const resolved = measure(
      dossier({ resolvedAt: at('2026-03-09T10:00:00'), returnedAt: at('2026-03-11T10:00:00') }),
    );
    expect(resolved).toMatchObject({ endSource: 'resolved', timeliness: 'on_time' });
    // Returned late, a stop recorded earlier: the return counts.
    const returned = measure(
      dossier({ returnedAt: at('2026-03-10T10:00:00'), stoppedAt: at('2026-03-04T10:00:00') }),
    );
    expect(returned).toMatchObject({ endSource: 'returned', timeliness: 'late', isResolved: true });
  });

  it('ends a stopped, refused or withdrawn dossier at the first of those', () => {
    const result = measure(
      dossier({ withdrawnAt: at('2026-03-03T10:00:00'), refusedAt: at('2026-03-05T10:00:00') }),
    );
    expect(result).toMatchObject({
      endSource: 'withdrawn',
      isFinished: true,
      isResolved: false,
      timeliness: 'early',
    });
  });

  it('subtracts the supplement time, which makes a late dossier on time', () => {
    // Resolved Wed 11 March 10:00, 2 days after NgayHenTra; waited 48 h for the citizen (Tue 3 → Thu 5,
    // 10:00): 11 March 10:00 − 48 h = 9 March 10:00 ≤ 9 March 17:00 → on time.
    const result = measure(
      dossier({
        resolvedAt: at('2026-03-11T10:00:00'),
        supplements: [{ requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-05T10:00:00') }],
      }),
    );
    expect(result).toMatchObject({ pausedMs: 48 * 3_600_000, timeliness: 'on_time', isOnTime: true });
  });

  it('counts a dossier with two supplement requests as late, even when resolved early', () => {
    const result = measure(
      dossier({
        resolvedAt: at('2026-03-04T10:00:00'),
        supplements: [
          { requestedAt: at('2026-03-02T10:00:00'), completedAt: at('2026-03-02T11:00:00') },
          { requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-03T11:00:00') },
        ],
      }),
    );
    expect(result).toMatchObject({
      timeliness: 'late',
      basis: 'more_than_one_supplement',
      supplementRequests: 2,
    });
  });

  it('ignores a supplement requested at the desk before receipt', () => {
    // Requested Fri 27 Feb, completed Mon 2 March 08:30, received 09:00: not a pause, not a second request.
    const result = measure(
      dossier({
        resolvedAt: at('2026-03-10T09:00:00'),
        supplements: [
          { requestedAt: at('2026-02-27T10:00:00'), completedAt: at('2026-03-02T08:30:00') },
          { requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-04T10:00:00') },
        ],
      }),
    );
    // 10 March 09:00 − 24 h = 9 March 09:00 ≤ 9 March 17:00 → on time, one request counted
    expect(result).toMatchObject({ supplementRequests: 1, pausedMs: 24 * 3_600_000, timeliness: 'on_time' });
  });

  it('ends at the request of a supplement still awaited', () => {
    // Waiting since Wed 4 March: judged then (early), not at the end of the period (late).
    const result = measure(
      dossier({ supplements: [{ requestedAt: at('2026-03-04T10:00:00'), completedAt: null }] }),
    );
    expect(result).toMatchObject({
      endSource: 'waiting_supplement',
      endAt: at('2026-03-04T10:00:00'),
      isFinished: false,
      timeliness: 'early',
    });
  });

  it('ends an unfinished dossier at the end of the period', () => {
    expect(measure(dossier(), at('2026-03-20T00:00:00'))).toMatchObject({
      endSource: 'period_end',
      timeliness: 'late',
    });
    expect(measure(dossier(), at('2026-03-06T00:00:00'))).toMatchObject({
      endSource: 'period_end',
      isOnTime: true,
    });
  });

  it('ignores what happened after the end of the period', () => {
    // Resolved 20 March, but seen at 10 March 00:00: unfinished and already past 9 March 17:00.
    const result = measure(dossier({ resolvedAt: at('2026-03-20T09:00:00') }), at('2026-03-10T00:00:00'));
    expect(result).toMatchObject({ endSource: 'period_end', timeliness: 'late', isResolved: false });
  });

  it('does not let an apology with a new date make a late dossier on time', () => {
    const result = measure(
      dossier({ rescheduledDueAt: at('2026-03-13T17:00:00'), resolvedAt: at('2026-03-12T09:00:00') }),
    );
    expect(result.timeliness).toBe('late');
  });

  it('without NgayHenTra, compares the working days taken with the legal maximum', () => {
    const noDue = (resolvedAt: Date, supplements: DossierFacts['supplements'] = []) =>
      measure(dossier({ dueAt: null, resolvedAt, supplements }));
    // Mon 2 → Mon 9 March: 5 working days = 5 → on time; Tue 10: 6 → late; Fri 6: 4 → early.
    expect(noDue(at('2026-03-09T16:00:00'))).toMatchObject({
      timeliness: 'on_time',
      basis: 'legal_deadline',
    });
    expect(noDue(at('2026-03-10T09:00:00')).timeliness).toBe('late');
    expect(noDue(at('2026-03-06T09:00:00')).timeliness).toBe('early');
    // Wed 11 March: 7 working days − 2 waited (Tue 3 → Thu 5) = 5 → on time.
    const paused = [{ requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-05T10:00:00') }];
    expect(noDue(at('2026-03-11T09:00:00'), paused).timeliness).toBe('on_time');
  });

  it('without NgayHenTra, counts calendar days and months by Vietnam days', () => {
    const tenDays = { amount: 10, unit: 'calendar_day' as const };
    // 2 → 12 March: 10 days → on time; 13 March: 11 → late.
    expect(
      measure(dossier({ dueAt: null, legalDeadline: tenDays, resolvedAt: at('2026-03-12T16:00:00') }))
        .timeliness,
    ).toBe('on_time');
    expect(
      measure(dossier({ dueAt: null, legalDeadline: tenDays, resolvedAt: at('2026-03-13T08:00:00') }))
        .timeliness,
    ).toBe('late');
    // One month from 31 January ends on 28 February.
    const month = {
      dueAt: null,
      receivedAt: at('2026-01-31T09:00:00'),
      legalDeadline: { amount: 1, unit: 'month' as const },
    };
    expect(measure(dossier({ ...month, resolvedAt: at('2026-02-28T09:00:00') })).timeliness).toBe('on_time');
    expect(measure(dossier({ ...month, resolvedAt: at('2026-03-01T09:00:00') })).timeliness).toBe('late');
  });
});

describe('a unit step against its allotted time', () => {
  it('is early before the due day, on time on it, late after the instant', () => {
    const due = at('2026-03-05T12:00:00');
    expect(compareWithDue(at('2026-03-04T16:00:00'), due)).toBe('early');
    expect(compareWithDue(at('2026-03-05T08:00:00'), due)).toBe('on_time');
    expect(compareWithDue(due, due)).toBe('on_time');
    expect(compareWithDue(at('2026-03-05T12:01:00'), due)).toBe('late');
  });
});

describe('QĐ 766 2.2: processing time of a dossier', () => {
  it('counts working days from receipt to resolution, less the days waited', () => {
    // Mon 2 → Wed 11 March = 7 working days, less Tue 3 → Thu 5 = 2 → 5.
    const fact = dossier({
      resolvedAt: at('2026-03-11T09:00:00'),
      supplements: [{ requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-05T10:00:00') }],
    });
    expect(processingTime(fact, { periodEnd, elapsed })).toBe(5);
  });

  it('has none for an unresolved dossier, and counts clock hours without office hours', () => {
    expect(processingTime(dossier(), { periodEnd, elapsed })).toBeNull();
    const hours = dossier({
      legalDeadline: { amount: 8, unit: 'hour' },
      resolvedAt: at('2026-03-02T15:30:00'),
    });
    // 09:00 → 15:30 = 6.5 h
    expect(processingTime(hours, { periodEnd, elapsed })).toBe(6.5);
  });
});
