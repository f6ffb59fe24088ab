import type { Holiday } from './holidays.ts';
import type { YearData } from './work-calendar.ts';

/** The 2025 and 2026 notices as the migration ships them, for the unit tests of the pure rules. */
const tet = (day: string): Holiday => ({
  day,
  nameVi: 'Tết Nguyên đán',
  nameEn: 'Lunar New Year (Tết)',
  kind: 'tet',
  source: 'test',
});
const quocKhanh = (day: string): Holiday => ({
  day,
  nameVi: 'Nghỉ liền kề Quốc khánh',
  nameEn: 'Day beside National Day',
  kind: 'quoc_khanh_adjacent',
  source: 'test',
});

export const YEAR_DATA_2025_2026: YearData = {
  holidays: [
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map(tet),
    quocKhanh('2025-09-01'),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(tet),
    quocKhanh('2026-09-01'),
  ],
  swaps: [
    { day: '2025-04-26', kind: 'makeup_workday', note: 'làm bù cho thứ Sáu 02/05/2025' },
    { day: '2025-05-02', kind: 'bridge_day_off', note: 'hoán đổi với thứ Bảy 26/04/2025' },
    { day: '2026-08-31', kind: 'bridge_day_off', note: 'khối nghỉ Quốc khánh 31/8–2/9/2026' },
  ],
  yearsWithData: [2025, 2026],
};
