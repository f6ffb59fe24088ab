import type { ColumnType } from 'kysely';
import type { DataHolidayKind } from './holidays.ts';
import type { SwapKind } from './work-calendar.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** The calendar's tables (migration 0004), added to the platform's DB type by interface merging. */
export interface CalendarHolidayTable {
  day: string;
  name_vi: string;
  name_en: string;
  kind: DataHolidayKind;
  note: string;
  created_at: CreatedAt;
}

export interface CalendarSwapTable {
  day: string;
  kind: SwapKind;
  note: string;
  created_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    calendar_holiday: CalendarHolidayTable;
    calendar_swap: CalendarSwapTable;
  }
}
