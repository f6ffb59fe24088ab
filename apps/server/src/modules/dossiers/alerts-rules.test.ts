import { describe, expect, it } from 'vitest';
import { YEAR_DATA_2025_2026 } from '../calendar/test-year-data.ts';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import {
  handoverDueAt,
  isConsultationOverdue,
  reminderAfterHours,
  stepReminderAt,
  stepSubject,
} from './alerts-rules.ts';

const calendar = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: false });
const workingHours = ['08:00-12:00', '13:00-17:00'];
const rules = { cutOff: '15:00', workingHours };
const at = (instant: string) => new Date(instant);
const handover = (receivedAt: string) => handoverDueAt(calendar, at(receivedAt), rules).toISOString();

describe('handoverDueAt (R-DOS-10)', () => {
  it('before 15:00: within the working day of receipt, at its close', () => {
    expect(handover('2026-04-20T10:00:00+07:00')).toBe(at('2026-04-20T17:00:00+07:00').toISOString());
    expect(handover('2026-04-20T14:59:00+07:00')).toBe(at('2026-04-20T17:00:00+07:00').toISOString());
  });

  it('at or after 15:00: at the opening of the next working day, not 24 hours later', () => {
    expect(handover('2026-04-20T15:00:00+07:00')).toBe(at('2026-04-21T08:00:00+07:00').toISOString());
    // Friday 24/04/2026 after 15:00: the weekend, Giỗ Tổ (Sunday 26/04) and its nghỉ bù (27/04) are skipped.
    expect(handover('2026-04-24T16:30:00+07:00')).toBe(at('2026-04-28T08:00:00+07:00').toISOString());
  });

  it('on a day off: the opening of the next working day (Tết 2026 ends on Friday 20/02)', () => {
    expect(handover('2026-02-18T09:00:00+07:00')).toBe(at('2026-02-23T08:00:00+07:00').toISOString());
    expect(handover('2026-03-07T09:00:00+07:00')).toBe(at('2026-03-09T08:00:00+07:00').toISOString());
  });
});

describe('reminderAfterHours', () => {
  const threshold = { remainingShare: 0.25, remainingHours: 4 };

  it('a long budget: when a quarter is left, if that is more than a half-day', () => {
    expect(reminderAfterHours(40, threshold)).toBe(30);
  });

  it('a middling budget: when a working half-day is left, which comes before the quarter', () => {
    expect(reminderAfterHours(8, threshold)).toBe(4);
    expect(reminderAfterHours(12, threshold)).toBe(8);
  });

  it('a budget of a half-day or less: the quarter only, not at once', () => {
    expect(reminderAfterHours(4, threshold)).toBe(3);
    expect(reminderAfterHours(2, threshold)).toBe(1.5);
  });

  it('follows the setting', () => {
    expect(reminderAfterHours(40, { remainingShare: 0.5, remainingHours: 4 })).toBe(20);
    expect(reminderAfterHours(40, { remainingShare: 0.05, remainingHours: 16 })).toBe(24);
  });
});

describe('stepReminderAt', () => {
  const threshold = { remainingShare: 0.25, remainingHours: 4 };

  it('counts office hours only: a one-day step entered at 14:00 is reminded at 09:00 the next day', () => {
    const reminder = stepReminderAt(
      calendar,
      { startedAt: at('2026-04-20T14:00:00+07:00'), budgetHours: 8 },
      threshold,
      workingHours,
    );
    expect(reminder.toISOString()).toBe(at('2026-04-21T09:00:00+07:00').toISOString());
  });

  it('skips the days off between: entered on Friday afternoon, reminded after the long weekend', () => {
    const reminder = stepReminderAt(
      calendar,
      { startedAt: at('2026-04-24T16:00:00+07:00'), budgetHours: 8 },
      threshold,
      workingHours,
    );
    expect(reminder.toISOString()).toBe(at('2026-04-28T11:00:00+07:00').toISOString());
  });
});

describe('isConsultationOverdue (R-DOS-11)', () => {
  it('is overdue from the first day after its due date in Vietnam', () => {
    expect(isConsultationOverdue('2026-04-20', at('2026-04-20T23:59:00+07:00'))).toBe(false);
    // 17:30 UTC on the 20th is already the 21st in Hà Nội.
    expect(isConsultationOverdue('2026-04-20', at('2026-04-20T17:30:00Z'))).toBe(true);
  });
});

describe('stepSubject', () => {
  it('tells a step entered again (sent back, restarted) from its first stay', () => {
    expect(stepSubject(1, at('2026-04-20T14:00:00+07:00'))).not.toBe(
      stepSubject(1, at('2026-04-22T14:00:00+07:00')),
    );
  });
});
