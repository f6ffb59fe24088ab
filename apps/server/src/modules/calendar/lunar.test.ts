import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar } from './lunar.ts';

const tet = (year: number) => lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false });
const gioTo = (year: number) => lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false });

describe('lunar calendar for Vietnam (UTC+7)', () => {
  it('puts Tết where Vietnam has it, not where China does', () => {
    expect(tet(2007)).toBe('2007-02-17'); // China: 18/02/2007
    expect(tet(1985)).toBe('1985-01-21'); // China: 20/02/1985
  });

  it('knows the leap month: 1/6 nhuận Ất Tỵ is 25/07/2025', () => {
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, isLeapMonth: true })).toBe('2025-07-25');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, isLeapMonth: false })).toBe('2025-06-25');
  });

  it.each([
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-04-23'],
    [2030, '2030-02-02', '2030-04-12'],
    [2031, '2031-01-23', '2031-04-01'],
  ])('vn-norms §7.2: %i has Mùng 1 Tết on %s and Giỗ Tổ on %s', (year, mung1, gioToDay) => {
    expect(tet(year)).toBe(mung1);
    expect(gioTo(year)).toBe(gioToDay);
  });

  it('converts solar days back, across the lunar new year', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, isLeapMonth: false });
  });

  it('refuses lunar dates that do not exist instead of inventing a day', () => {
    expect(() => lunarToSolar({ year: 2026, month: 6, day: 1, isLeapMonth: true })).toThrow(/does not exist/);
    // Tháng Chạp Ất Tỵ has 29 days: 29/12 is 16/02/2026 and Mùng 1 the next day.
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, isLeapMonth: false })).toThrow(
      /does not exist/,
    );
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });
});
