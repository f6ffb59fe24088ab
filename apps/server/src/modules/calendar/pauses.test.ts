import { describe, expect, it } from 'vitest';
import { computePausedDeadline, type SupplementPause } from './pauses.ts';
import { YEAR_DATA_2025_2026 } from './test-year-data.ts';
import { createWorkCalendar } from './work-calendar.ts';

const calendar = createWorkCalendar(YEAR_DATA_2025_2026, { isVietnamCultureDayOn: false });
const rules = { cutOff: '15:00', workingHours: ['08:00-12:00', '13:00-17:00'] };
const at = (time: string) => new Date(`${time}+07:00`);
const deadline = (pauses: SupplementPause[]) =>
  computePausedDeadline(calendar, {
    receivedAt: at('2026-03-02T09:00:00'),
    amount: 5,
    unit: 'working_day',
    rules,
    pauses,
  });

describe('deadlines paused for supplements (R-CAL-7)', () => {
  it('without a pause, both measures are the plain due date', () => {
    const result = deadline([]);
    expect(result.legal?.dueDate).toBe('2026-03-09');
    expect(result.f766).toEqual({ dueDate: '2026-03-09', pausedWorkingDays: 0, isLateByRule: false });
  });

  it('restarts the legal count from the complete supplement; QĐ 766 adds the days waited', () => {
    const result = deadline([
      { requestedAt: at('2026-03-04T10:00:00'), completedAt: at('2026-03-06T14:00:00') },
    ]);
    expect(result.legal).toMatchObject({ countsFrom: '2026-03-06', dueDate: '2026-03-13' });
    expect(result.f766).toEqual({ dueDate: '2026-03-11', pausedWorkingDays: 2, isLateByRule: false });
  });

  it('treats a supplement completed after the cut-off as received the next working day', () => {
    const result = deadline([
      { requestedAt: at('2026-03-04T10:00:00'), completedAt: at('2026-03-06T16:00:00') },
    ]);
    expect(result.legal).toMatchObject({
      countsFrom: '2026-03-09',
      receiptMoved: 'after_cut_off',
      dueDate: '2026-03-16',
    });
  });

  it('has no legal due date while the dossier waits', () => {
    const result = deadline([{ requestedAt: at('2026-03-04T10:00:00'), completedAt: null }]);
    expect(result).toEqual({
      isPaused: true,
      legal: null,
      f766: { dueDate: null, pausedWorkingDays: 0, isLateByRule: false },
    });
  });

  it('counts a second supplement request as late for QĐ 766, and restarts from the last completion', () => {
    const result = deadline([
      { requestedAt: at('2026-03-09T10:00:00'), completedAt: at('2026-03-10T09:00:00') },
      { requestedAt: at('2026-03-04T10:00:00'), completedAt: at('2026-03-05T09:00:00') },
    ]);
    expect(result.f766).toMatchObject({ pausedWorkingDays: 2, isLateByRule: true });
    expect(result.legal?.countsFrom).toBe('2026-03-10');
  });
});
