import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, LIMITS } from './common.ts';

/** The largest number of working days the calendar adds in one question (about three years). */
export const MAX_WORKING_DAYS_ADDED = 750;

export const WorkingDaysQuery = Type.Object(
  {
    from: { ...IsoDate, description: 'Day 0 of the count, YYYY-MM-DD (e.g. the day of receipt)' },
    add: Type.Integer({
      minimum: 0,
      maximum: MAX_WORKING_DAYS_ADDED,
      description: 'How many working days to add; the answer is the add-th working day after from',
    }),
  },
  { additionalProperties: false },
);
export type WorkingDaysQuery = Static<typeof WorkingDaysQuery>;

export const SKIP_REASONS = ['weekend', 'holiday', 'nghi_bu', 'bridge_day'] as const;
export const SkippedDay = Type.Object({
  day: IsoDate,
  reason: Type.Enum(SKIP_REASONS, {
    description: 'weekend; holiday; nghi_bu (compensatory day off for a holiday on a weekend); bridge_day',
  }),
  labelVi: Type.String({
    description: 'Why the day is off, in Vietnamese, e.g. "Nghỉ bù Giỗ Tổ Hùng Vương"',
  }),
  labelEn: Type.String({ description: 'Why the day is off, in English' }),
});
export type SkippedDay = Static<typeof SkippedDay>;

export const DeadlineExplanation = Type.Object({
  skipped: Type.Array(SkippedDay, { description: 'Every day passed over that was not counted, in order' }),
  makeUpDaysCounted: Type.Array(Type.Object({ day: IsoDate, note: Type.String() }), {
    description: 'Weekend days worked by the yearly notice (làm bù) that were counted',
  }),
  yearsWithoutData: Type.Array(Type.Integer(), {
    description:
      'Years crossed whose official notice (Tết days, swaps) is not loaded: the answer may be wrong',
  }),
});
export type DeadlineExplanation = Static<typeof DeadlineExplanation>;

export const WorkingDaysAnswer = Type.Object({
  from: IsoDate,
  add: Type.Integer(),
  date: { ...IsoDate, description: 'The add-th working day after from' },
  explanation: DeadlineExplanation,
});
export type WorkingDaysAnswer = Static<typeof WorkingDaysAnswer>;

export const CalendarYearParams = Type.Object(
  { year: Type.Integer({ minimum: 1900, maximum: 2199 }) },
  { additionalProperties: false },
);
export type CalendarYearParams = Static<typeof CalendarYearParams>;

export const DATA_HOLIDAY_KINDS = ['tet', 'quoc_khanh_adjacent', 'other'] as const;
export const HOLIDAY_KINDS = [...DATA_HOLIDAY_KINDS, 'fixed', 'gio_to', 'culture_day'] as const;
export const SWAP_KINDS = ['makeup_workday', 'bridge_day_off'] as const;

export const CalendarDayOff = Type.Object({
  day: IsoDate,
  reason: Type.Enum(['holiday', 'nghi_bu'] as const),
  holidayKind: Type.Enum(HOLIDAY_KINDS, {
    description:
      'fixed/gio_to/culture_day are computed from the law; tet, quoc_khanh_adjacent, other are data',
  }),
  labelVi: Type.String(),
  labelEn: Type.String(),
  source: Type.String({ description: 'The law or notice the day comes from' }),
});
export type CalendarDayOff = Static<typeof CalendarDayOff>;

export const CalendarSwap = Type.Object({
  day: IsoDate,
  kind: Type.Enum(SWAP_KINDS, {
    description: 'makeup_workday: a weekend day worked (làm bù); bridge_day_off: a weekday off',
  }),
  note: Type.String({ description: 'What the swap pairs with, and its source' }),
});
export type CalendarSwap = Static<typeof CalendarSwap>;

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  hasOfficialNotice: Type.Boolean({
    description: 'Whether the year’s notice (at least its Tết days) is loaded; without it Tết is not counted',
  }),
  daysOff: Type.Array(CalendarDayOff, { description: 'Public holidays and nghỉ bù, in order' }),
  swaps: Type.Array(CalendarSwap),
  workingDayCount: Type.Integer({ description: 'Working days in the year' }),
});
export type CalendarYear = Static<typeof CalendarYear>;

export const CreateCalendarHoliday = Type.Object(
  {
    day: IsoDate,
    nameVi: NonEmpty(LIMITS.nameMax),
    nameEn: NonEmpty(LIMITS.nameMax),
    kind: Type.Enum(DATA_HOLIDAY_KINDS),
    note: NonEmpty(1000, 'The source: the notice and its date'),
  },
  { additionalProperties: false },
);
export type CreateCalendarHoliday = Static<typeof CreateCalendarHoliday>;

export const CalendarHoliday = Type.Object({
  day: IsoDate,
  nameVi: Type.String(),
  nameEn: Type.String(),
  kind: Type.Enum(DATA_HOLIDAY_KINDS),
  note: Type.String(),
});
export type CalendarHoliday = Static<typeof CalendarHoliday>;

export const CreateCalendarSwap = Type.Object(
  {
    day: IsoDate,
    kind: Type.Enum(SWAP_KINDS),
    note: NonEmpty(1000, 'What the swap pairs with, and the notice'),
  },
  { additionalProperties: false },
);
export type CreateCalendarSwap = Static<typeof CreateCalendarSwap>;

export const CalendarDayParams = Type.Object({ day: IsoDate }, { additionalProperties: false });
export type CalendarDayParams = Static<typeof CalendarDayParams>;

export const DueDateQuery = Type.Object(
  {
    receivedAt: { ...IsoDateTime, description: 'When the dossier was received, ISO 8601 with offset' },
    amount: Type.Number({
      minimum: 0,
      maximum: MAX_WORKING_DAYS_ADDED,
      description: 'The legal deadline; whole except in hours (0.5 = half an hour)',
    }),
    unit: Type.Enum(['working_day', 'calendar_day', 'hour', 'month'] as const, {
      description: 'The unit of the deadline (DonViTinh)',
    }),
    cutOff: Type.Optional(
      Type.String({
        pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
        description:
          'The procedure’s cut-off, HH:MM in Vietnam’s time; the setting calendar.cutOff otherwise',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DueDateQuery = Static<typeof DueDateQuery>;

export const DueDateAnswer = Type.Object({
  countsFrom: { ...IsoDate, description: 'Day 0 of the count' },
  receiptMoved: Type.Union([Type.Enum(['after_cut_off', 'day_off'] as const), Type.Null()], {
    description: 'Why counting does not start on the day of receipt, if it does not',
  }),
  dueDate: IsoDate,
  dueAt: { ...IsoDateTime, description: 'When the deadline runs out, in Vietnam’s time (+07:00)' },
  explanation: DeadlineExplanation,
});
export type DueDateAnswer = Static<typeof DueDateAnswer>;
