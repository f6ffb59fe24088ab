import { describe, expect, it } from 'vitest';
import { formatDateLine, formatDateTime, formatDayLine, formatShortDateTime } from './vietnam-time.ts';

describe('Vietnam time', () => {
  it('prints an instant in UTC+7 whatever its offset', () => {
    expect(formatDateTime('2026-11-26T08:30:00Z')).toBe('15 giờ 30 phút, ngày 26/11/2026');
    expect(formatDateTime('2026-11-26T15:30:00+07:00')).toBe('15 giờ 30 phút, ngày 26/11/2026');
    expect(formatShortDateTime('2026-11-26T01:30:00-05:00')).toBe('13:30 26/11/2026');
  });

  it('ignores the server time zone', () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      expect(formatDateTime('2026-11-26T08:30:00Z')).toBe('15 giờ 30 phút, ngày 26/11/2026');
      expect(formatDayLine('2026-11-26')).toBe('ngày 26 tháng 11 năm 2026');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('moves to the next day after 17:00 UTC', () => {
    expect(formatDateTime('2026-12-31T18:05:00Z')).toBe('01 giờ 05 phút, ngày 01/01/2027');
    expect(formatDateLine('2026-12-31T18:05:00Z')).toBe('ngày 01 tháng 01 năm 2027');
  });

  it('writes a leading zero for days below 10 and months 1 and 2 only (NĐ 30/2020)', () => {
    expect(formatDayLine('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatDayLine('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    expect(formatDayLine('2026-11-26')).toBe('ngày 26 tháng 11 năm 2026');
  });

  it('refuses an instant without an offset, which would be read in the server zone', () => {
    expect(() => formatDateTime('2026-11-26T08:30:00')).toThrow(/with an offset/);
    expect(() => formatDayLine('26/11/2026')).toThrow(/not an ISO day/);
  });
});
