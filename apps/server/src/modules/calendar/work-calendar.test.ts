import { describe, expect, it } from 'vitest';
import { builtInHolidays } from './holidays.ts';
import { YEAR_DATA_2025_2026 } from './test-year-data.ts';
import { createWorkCalendar } from './work-calendar.ts';

const calendar = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: false });
const noData = createWorkCalendar(
  { holidays: [], swaps: [], yearsWithData: [] },
  { isVietnamCultureDayOn: false },
);

describe('built-in holidays', () => {
  it('has the four solar days and Giỗ Tổ computed from the lunar calendar', () => {
    expect(builtInHolidays(2026, { isVietnamCultureDayOn: false }).map((h) => [h.day, h.kind])).toEqual([
      ['2026-01-01', 'fixed'],
      ['2026-04-26', 'gio_to'],
      ['2026-04-30', 'fixed'],
      ['2026-05-01', 'fixed'],
      ['2026-09-02', 'fixed'],
    ]);
  });

  it('adds Ngày Văn hóa Việt Nam 24/11 only when the setting is on, and only from 2026', () => {
    const on = { isVietnamCultureDayOn: true };
    expect(builtInHolidays(2026, on).map((h) => h.day)).toContain('2026-11-24');
    expect(builtInHolidays(2025, on).map((h) => h.day)).not.toContain('2025-11-24');
    expect(builtInHolidays(2026, { isVietnamCultureDayOn: false }).map((h) => h.day)).not.toContain(
      '2026-11-24',
    );
  });
});

describe('the status of a day', () => {
  it('works Monday to Friday and rests at the weekend', () => {
    expect(calendar.statusOf('2026-03-02')).toMatchObject({ isWorkingDay: true, reason: 'weekday' });
    expect(calendar.statusOf('2026-03-07')).toMatchObject({ isWorkingDay: false, reason: 'weekend' });
  });

  it('gives the next working day off for a holiday on a weekend (Giỗ Tổ on Sunday 26/4/2026)', () => {
    expect(calendar.statusOf('2026-04-26')).toMatchObject({ reason: 'holiday', holiday: { kind: 'gio_to' } });
    expect(calendar.statusOf('2026-04-27')).toMatchObject({
      isWorkingDay: false,
      reason: 'nghi_bu',
      holiday: { day: '2026-04-26' },
    });
  });

  it('gives two days for two weekend holidays in a row (30/4 and 1/5/2022)', () => {
    const days = noData.daysOffOf(2022).map((s) => [s.day, s.reason]);
    expect(days).toEqual(
      expect.arrayContaining([
        ['2022-04-30', 'holiday'],
        ['2022-05-01', 'holiday'],
        ['2022-05-02', 'nghi_bu'],
        ['2022-05-03', 'nghi_bu'],
      ]),
    );
  });

  it('skips a holiday already off when placing a nghỉ bù (2/9/2028 on Saturday → Monday 4/9)', () => {
    expect(noData.statusOf('2028-09-04')).toMatchObject({
      reason: 'nghi_bu',
      holiday: { day: '2028-09-02' },
    });
  });

  it('applies the yearly swaps: a make-up Saturday is worked, a bridge day is not', () => {
    expect(calendar.statusOf('2025-04-26')).toMatchObject({ isWorkingDay: true, reason: 'makeup_workday' });
    expect(calendar.statusOf('2025-05-02')).toMatchObject({ isWorkingDay: false, reason: 'bridge_day' });
  });

  it('takes Tết and the day beside Quốc khánh from the year data', () => {
    expect(calendar.statusOf('2026-02-16')).toMatchObject({ reason: 'holiday', holiday: { kind: 'tet' } });
    expect(noData.statusOf('2026-02-16')).toMatchObject({ isWorkingDay: true });
    expect(calendar.statusOf('2026-09-01')).toMatchObject({ holiday: { kind: 'quoc_khanh_adjacent' } });
    expect(calendar.hasDataFor(2026)).toBe(true);
    expect(calendar.hasDataFor(2027)).toBe(false);
  });
});
