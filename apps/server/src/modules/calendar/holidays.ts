import { isoDay } from './iso-day.ts';
import { lunarToSolar } from './lunar.ts';

/**
 * Public holidays (ngày lễ, BLLĐ 2019 Art 112). The days fixed by law are computed here; the days the
 * Prime Minister sets each year (Tết, the day beside Quốc khánh) and one-off days come from data.
 */
export const DATA_HOLIDAY_KINDS = ['tet', 'quoc_khanh_adjacent', 'other'] as const;
export type DataHolidayKind = (typeof DATA_HOLIDAY_KINDS)[number];
export type HolidayKind = DataHolidayKind | 'fixed' | 'gio_to' | 'culture_day';

export interface Holiday {
  day: string;
  nameVi: string;
  nameEn: string;
  kind: HolidayKind;
  /** Where the day comes from: the law for built-in days, the notice for data. */
  source: string;
}

export interface BuiltInOptions {
  /** Ngày Văn hóa Việt Nam 24/11 from 2026: [S] until confirmed (vn-norms §7.1), so off by default. */
  isVietnamCultureDayOn: boolean;
}

/** The first year of Ngày Văn hóa Việt Nam as a day off (Nghị quyết 28/2026/QH16 [S]). */
export const CULTURE_DAY_FIRST_YEAR = 2026;

export function builtInHolidays(year: number, options: BuiltInOptions): Holiday[] {
  const fixed = (month: number, day: number, nameVi: string, nameEn: string): Holiday => ({
    day: isoDay(year, month, day),
    nameVi,
    nameEn,
    kind: 'fixed',
    source: 'BLLĐ 2019 Art 112.1',
  });
  const holidays: Holiday[] = [
    fixed(1, 1, 'Tết Dương lịch', 'New Year’s Day'),
    {
      day: lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false }),
      nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: 'Hùng Kings’ Commemoration (10th day of the 3rd lunar month)',
      kind: 'gio_to',
      source: 'BLLĐ 2019 Art 112.1.c',
    },
    fixed(4, 30, 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'),
    fixed(5, 1, 'Ngày Quốc tế lao động (1/5)', 'International Workers’ Day (1 May)'),
    fixed(9, 2, 'Quốc khánh (2/9)', 'National Day (2 September)'),
  ];
  if (options.isVietnamCultureDayOn && year >= CULTURE_DAY_FIRST_YEAR)
    holidays.push({
      day: isoDay(year, 11, 24),
      nameVi: 'Ngày Văn hóa Việt Nam (24/11)',
      nameEn: 'Vietnam Culture Day (24 November)',
      kind: 'culture_day',
      source: 'Nghị quyết 28/2026/QH16 (setting calendar.vietnamCultureDay)',
    });
  return holidays.sort((a, b) => a.day.localeCompare(b.day));
}
