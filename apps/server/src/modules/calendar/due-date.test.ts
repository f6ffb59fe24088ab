import { describe, expect, it } from 'vitest';
import { computeDueDate, type DeadlineUnit } from './due-date.ts';
import { YEAR_DATA_2025_2026 } from './test-year-data.ts';
import { createWorkCalendar } from './work-calendar.ts';

const calendar = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: false });
const rules = { cutOff: '15:00', workingHours: ['08:00-12:00', '13:00-17:00'] };
const due = (receivedAt: string, amount: number, unit: DeadlineUnit) =>
  computeDueDate(calendar, { receivedAt: new Date(receivedAt), amount, unit, rules });

describe('computeDueDate', () => {
  it('counts working days from the day of receipt and falls due at closing time', () => {
    expect(due('2026-04-20T10:00:00+07:00', 3, 'working_day')).toMatchObject({
      countsFrom: '2026-04-20',
      receiptMoved: null,
      dueDate: '2026-04-23',
      dueAt: '2026-04-23T17:00:00+07:00',
    });
  });

  it('reads the receipt time in Vietnam, whatever the instant’s offset', () => {
    // 07:30 UTC is 14:30 in Hà Nội: before the cut-off.
    expect(due('2026-04-20T07:30:00Z', 0, 'working_day').countsFrom).toBe('2026-04-20');
    // 08:30 UTC is 15:30: after it.
    expect(due('2026-04-20T08:30:00Z', 0, 'working_day').countsFrom).toBe('2026-04-21');
  });

  it('R-CAL-5: a receipt after 15:00 counts from the next working day (trả trong ngày → next day)', () => {
    const result = due('2026-04-24T15:30:00+07:00', 0, 'working_day');
    expect(result).toMatchObject({
      countsFrom: '2026-04-28',
      receiptMoved: 'after_cut_off',
      dueDate: '2026-04-28',
    });
    expect(result.explanation.skipped.map((s) => s.reason)).toEqual(['weekend', 'holiday', 'nghi_bu']);
    expect(due('2026-04-24T14:59:00+07:00', 0, 'working_day').dueDate).toBe('2026-04-24');
  });

  it('counts a receipt on a day off from the next working day', () => {
    expect(due('2026-03-07T09:00:00+07:00', 1, 'working_day')).toMatchObject({
      countsFrom: '2026-03-09',
      receiptMoved: 'day_off',
      dueDate: '2026-03-10',
    });
  });

  it('rolls a period in calendar days that ends on a day off forward to the next working day', () => {
    const result = due('2026-04-16T09:00:00+07:00', 10, 'calendar_day');
    expect(result.dueDate).toBe('2026-04-28');
    expect(result.explanation.skipped.map((s) => s.day)).toEqual(['2026-04-26', '2026-04-27']);
    expect(due('2026-04-16T09:00:00+07:00', 5, 'calendar_day').dueDate).toBe('2026-04-21');
  });

  it('counts months to the same day, or the month’s last day, then rolls forward', () => {
    expect(due('2026-01-30T09:00:00+07:00', 1, 'month').dueDate).toBe('2026-03-02');
    expect(due('2026-03-16T09:00:00+07:00', 1, 'month').dueDate).toBe('2026-04-16');
  });

  it('counts hours inside working hours only, across lunch, weekends and holidays', () => {
    expect(due('2026-04-20T10:30:00+07:00', 4, 'hour').dueAt).toBe('2026-04-20T15:30:00+07:00');
    expect(due('2026-04-20T07:00:00+07:00', 1, 'hour').dueAt).toBe('2026-04-20T09:00:00+07:00');
    const overGioTo = due('2026-04-24T14:00:00+07:00', 8, 'hour');
    expect(overGioTo.dueAt).toBe('2026-04-28T14:00:00+07:00');
    expect(overGioTo.explanation.skipped).toHaveLength(3);
    expect(due('2026-04-20T16:00:00+07:00', 4, 'hour').dueAt).toBe('2026-04-21T12:00:00+07:00');
    expect(due('2026-04-20T09:00:00+07:00', 0.5, 'hour').dueAt).toBe('2026-04-20T09:30:00+07:00');
  });

  it('refuses bad rules and amounts', () => {
    expect(() => due('2026-04-20T10:00:00+07:00', 1.5, 'working_day')).toThrow(RangeError);
    expect(() =>
      computeDueDate(calendar, {
        receivedAt: new Date('2026-04-20T10:00:00+07:00'),
        amount: 1,
        unit: 'hour',
        rules: { cutOff: '15:00', workingHours: ['13:00-12:00'] },
      }),
    ).toThrow(RangeError);
  });
});
