import { describe, expect, it } from 'vitest';
import { YEAR_DATA_2025_2026 } from './test-year-data.ts';
import { createWorkCalendar } from './work-calendar.ts';
import { addWorkingDays } from './working-days.ts';

const calendar = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: false });
const add = (from: string, count: number) => addWorkingDays(calendar, from, count);

describe('addWorkingDays (the receipt day is day 0)', () => {
  it('R-CAL-3: Friday 24/4/2026 + 1 is Tuesday 28/4, past the weekend, Giỗ Tổ and its nghỉ bù', () => {
    const result = add('2026-04-24', 1);
    expect(result.date).toBe('2026-04-28');
    expect(result.explanation.skipped).toEqual([
      { day: '2026-04-25', reason: 'weekend', labelVi: 'Thứ Bảy', labelEn: 'Saturday' },
      {
        day: '2026-04-26',
        reason: 'holiday',
        labelVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        labelEn: 'Hùng Kings’ Commemoration (10th day of the 3rd lunar month)',
      },
      {
        day: '2026-04-27',
        reason: 'nghi_bu',
        labelVi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) (2026-04-26)',
        labelEn:
          'Compensatory day off for Hùng Kings’ Commemoration (10th day of the 3rd lunar month) (2026-04-26)',
      },
    ]);
  });

  it('R-CAL-3: Wednesday 29/4/2026 + 1 is Monday 4/5, past 30/4, 1/5 and the weekend', () => {
    const result = add('2026-04-29', 1);
    expect(result.date).toBe('2026-05-04');
    expect(result.explanation.skipped.map((s) => [s.day, s.reason])).toEqual([
      ['2026-04-30', 'holiday'],
      ['2026-05-01', 'holiday'],
      ['2026-05-02', 'weekend'],
      ['2026-05-03', 'weekend'],
    ]);
  });

  it('answers the day itself for 0 and the next weekday otherwise', () => {
    expect(add('2026-03-02', 0)).toEqual({
      date: '2026-03-02',
      explanation: { skipped: [], makeUpDaysCounted: [], yearsWithoutData: [] },
    });
    expect(add('2026-03-02', 4).date).toBe('2026-03-06');
    expect(add('2026-03-02', 5).date).toBe('2026-03-09');
  });

  it('counts a make-up Saturday and skips the bridge day it pays for (2025)', () => {
    const saturday = add('2025-04-25', 1);
    expect(saturday.date).toBe('2025-04-26');
    expect(saturday.explanation.makeUpDaysCounted).toEqual([
      { day: '2025-04-26', note: 'làm bù cho thứ Sáu 02/05/2025' },
    ]);
    const bridge = add('2025-04-29', 1);
    expect(bridge.date).toBe('2025-05-05');
    expect(bridge.explanation.skipped.map((s) => s.reason)).toEqual([
      'holiday',
      'holiday',
      'bridge_day',
      'weekend',
      'weekend',
    ]);
  });

  it('passes over the five Tết days of 2026', () => {
    const result = add('2026-02-13', 1);
    expect(result.date).toBe('2026-02-23');
    expect(result.explanation.skipped.filter((s) => s.reason === 'holiday')).toHaveLength(5);
  });

  it('passes over the Quốc khánh block 31/8–2/9/2026', () => {
    expect(add('2026-08-28', 1).date).toBe('2026-09-03');
  });

  it('skips 24/11/2026 only when the Vietnam Culture Day setting is on', () => {
    expect(add('2026-11-23', 1).date).toBe('2026-11-24');
    const withCultureDay = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: true });
    expect(addWorkingDays(withCultureDay, '2026-11-23', 1).date).toBe('2026-11-25');
  });

  it('names the years crossed for which no official notice is loaded', () => {
    expect(add('2026-12-30', 3).explanation.yearsWithoutData).toEqual([2027]);
  });

  it('refuses negative, fractional or huge counts', () => {
    expect(() => add('2026-03-02', -1)).toThrow(RangeError);
    expect(() => add('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => add('2026-03-02', 10_000)).toThrow(RangeError);
  });
});
