import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';

let t: TestApp;
let admin: TestClient;
let anonymous: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signedIn('quantri');
  anonymous = t.client();
});
afterAll(() => t.close());

interface Answer {
  from: string;
  add: number;
  date: string;
  explanation: {
    skipped: { day: string; reason: string; labelVi: string; labelEn: string }[];
    makeUpDaysCounted: { day: string; note: string }[];
    yearsWithoutData: number[];
  };
}
interface ErrorAnswer {
  code: string;
  message: string;
  issues: { field: string; message: string }[];
}

const workingDays = (from: string, add: number | string) =>
  anonymous.get<Answer>(`/api/calendar/working-days?from=${from}&add=${add}`);

describe('GET /api/calendar/working-days (public)', () => {
  it('R-CAL-3: Friday 24/4/2026 + 1 is Tuesday 28/4, and says why', async () => {
    const answer = await workingDays('2026-04-24', 1);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ from: '2026-04-24', add: 1, date: '2026-04-28' });
    const [saturday, gioTo, nghiBu, ...rest] = answer.body.explanation.skipped;
    expect(saturday).toEqual({
      day: '2026-04-25',
      reason: 'weekend',
      labelVi: 'Thứ Bảy',
      labelEn: 'Saturday',
    });
    expect(gioTo).toMatchObject({ day: '2026-04-26', reason: 'holiday' });
    expect(gioTo?.labelVi).toContain('Giỗ Tổ Hùng Vương');
    expect(nghiBu).toMatchObject({ day: '2026-04-27', reason: 'nghi_bu' });
    expect(nghiBu?.labelVi).toMatch(/^Nghỉ bù Giỗ Tổ Hùng Vương/);
    expect(nghiBu?.labelEn).toMatch(/^Compensatory day off for Hùng Kings/);
    expect(rest).toEqual([]);
    expect(answer.body.explanation.yearsWithoutData).toEqual([]);
  });

  it('R-CAL-3: Wednesday 29/4/2026 + 1 is Monday 4/5', async () => {
    const answer = await workingDays('2026-04-29', 1);
    expect(answer.body.date).toBe('2026-05-04');
    expect(answer.body.explanation.skipped.map((s) => s.reason)).toEqual([
      'holiday',
      'holiday',
      'weekend',
      'weekend',
    ]);
  });

  it('uses the shipped year data: Tết 2026, and the 2025 make-up Saturday and bridge day', async () => {
    expect((await workingDays('2026-02-13', 1)).body.date).toBe('2026-02-23');
    const saturday = await workingDays('2025-04-25', 1);
    expect(saturday.body.date).toBe('2025-04-26');
    expect(saturday.body.explanation.makeUpDaysCounted).toHaveLength(1);
    expect((await workingDays('2025-04-29', 1)).body.date).toBe('2025-05-05');
  });

  it('warns when the count crosses a year whose notice is not loaded', async () => {
    expect((await workingDays('2026-12-30', 3)).body.explanation.yearsWithoutData).toEqual([2027]);
  });

  it.each([
    ['from=2026-13-01&add=1', 'from'],
    ['from=2026-02-30&add=1', 'from'],
    ['from=yesterday&add=1', 'from'],
    ['add=1', 'from'],
    ['from=2026-04-24&add=-1', 'add'],
    ['from=2026-04-24&add=1.5', 'add'],
    ['from=2026-04-24&add=lots', 'add'],
    ['from=2026-04-24&add=100000', 'add'],
    ['from=2026-04-24', 'add'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const answer = await anonymous.get<ErrorAnswer>(`/api/calendar/working-days?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((issue) => issue.field)).toContain(field);
    expect(answer.body.message).toContain(field);
  });
});

interface DueDate {
  countsFrom: string;
  receiptMoved: string | null;
  dueDate: string;
  dueAt: string;
  explanation: Answer['explanation'];
}
const dueDate = (query: string) => anonymous.get<DueDate>(`/api/calendar/due-date?${query}`);

describe('GET /api/calendar/due-date (public)', () => {
  it('counts from the next working day after the 15:00 cut-off and explains the days passed', async () => {
    const answer = await dueDate('receivedAt=2026-04-24T15:30:00%2B07:00&amount=1&unit=working_day');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      countsFrom: '2026-04-28',
      receiptMoved: 'after_cut_off',
      dueDate: '2026-04-29',
      dueAt: '2026-04-29T17:00:00+07:00',
    });
    expect(answer.body.explanation.skipped.map((s) => s.reason)).toEqual(['weekend', 'holiday', 'nghi_bu']);
  });

  it('takes a procedure’s own cut-off, and counts hours and calendar days', async () => {
    const late = await dueDate(
      'receivedAt=2026-04-20T16:30:00%2B07:00&amount=0&unit=working_day&cutOff=17:00',
    );
    expect(late.body).toMatchObject({ countsFrom: '2026-04-20', receiptMoved: null });
    const hours = await dueDate('receivedAt=2026-04-20T10:30:00%2B07:00&amount=4&unit=hour');
    expect(hours.body.dueAt).toBe('2026-04-20T15:30:00+07:00');
    const days = await dueDate('receivedAt=2026-04-16T09:00:00%2B07:00&amount=10&unit=calendar_day');
    expect(days.body.dueDate).toBe('2026-04-28');
  });

  it.each([
    ['receivedAt=soon&amount=1&unit=working_day', 'receivedAt'],
    ['receivedAt=2026-04-20T10:00:00Z&amount=1&unit=fortnight', 'unit'],
    ['receivedAt=2026-04-20T10:00:00Z&amount=1.5&unit=working_day', 'amount'],
    ['receivedAt=2026-04-20T10:00:00Z&amount=1&unit=hour&cutOff=25:00', 'cutOff'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const answer = await anonymous.get<ErrorAnswer>(`/api/calendar/due-date?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((issue) => issue.field)).toContain(field);
  });
});

describe('GET /api/calendar/year/:year (public)', () => {
  it('lists the holidays, nghỉ bù and swaps of 2026 and counts its working days', async () => {
    const answer = await anonymous.get<{
      year: number;
      hasOfficialNotice: boolean;
      daysOff: { day: string; reason: string; holidayKind: string }[];
      swaps: { day: string; kind: string }[];
      workingDayCount: number;
    }>('/api/calendar/year/2026');
    expect(answer.status).toBe(200);
    expect(answer.body.hasOfficialNotice).toBe(true);
    expect(answer.body.daysOff.map((d) => [d.day, d.reason, d.holidayKind])).toEqual([
      ['2026-01-01', 'holiday', 'fixed'],
      ['2026-02-16', 'holiday', 'tet'],
      ['2026-02-17', 'holiday', 'tet'],
      ['2026-02-18', 'holiday', 'tet'],
      ['2026-02-19', 'holiday', 'tet'],
      ['2026-02-20', 'holiday', 'tet'],
      ['2026-04-26', 'holiday', 'gio_to'],
      ['2026-04-27', 'nghi_bu', 'gio_to'],
      ['2026-04-30', 'holiday', 'fixed'],
      ['2026-05-01', 'holiday', 'fixed'],
      ['2026-09-01', 'holiday', 'quoc_khanh_adjacent'],
      ['2026-09-02', 'holiday', 'fixed'],
    ]);
    expect(answer.body.swaps).toEqual([
      expect.objectContaining({ day: '2026-08-31', kind: 'bridge_day_off' }),
    ]);
    // 261 weekdays in 2026, minus 10 weekday holidays, Giỗ Tổ's nghỉ bù and the bridge day.
    expect(answer.body.workingDayCount).toBe(261 - 10 - 1 - 1);
  });

  it('says when a year has no notice loaded', async () => {
    const answer = await anonymous.get<{ hasOfficialNotice: boolean }>('/api/calendar/year/2027');
    expect(answer.body.hasOfficialNotice).toBe(false);
    expect((await anonymous.get<ErrorAnswer>('/api/calendar/year/20x7')).status).toBe(400);
  });
});

describe('year data administration (calendar.manage)', () => {
  it('an administrator adds a bridge day, the answer changes, and removing it changes it back', async () => {
    expect((await workingDays('2026-03-05', 1)).body.date).toBe('2026-03-06');
    const added = await admin.post(
      '/api/calendar/swaps',
      { day: '2026-03-06', kind: 'bridge_day_off', note: 'test: hoán đổi' },
      { 'idempotency-key': 'calendar-bridge-1' },
    );
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ day: '2026-03-06', kind: 'bridge_day_off', note: 'test: hoán đổi' });
    const retried = await admin.post(
      '/api/calendar/swaps',
      { day: '2026-03-06', kind: 'bridge_day_off', note: 'test: hoán đổi' },
      { 'idempotency-key': 'calendar-bridge-1' },
    );
    expect(retried.status).toBe(201);
    const after = await workingDays('2026-03-05', 1);
    expect(after.body.date).toBe('2026-03-09');
    expect(after.body.explanation.skipped[0]).toMatchObject({ day: '2026-03-06', reason: 'bridge_day' });
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'entity_id'])
      .where('type', '=', 'calendar_swap.added')
      .execute();
    expect(events).toEqual([{ type: 'calendar_swap.added', entity_id: '2026-03-06' }]);
    expect((await admin.request('DELETE', '/api/calendar/swaps/2026-03-06')).status).toBe(200);
    expect((await workingDays('2026-03-05', 1)).body.date).toBe('2026-03-06');
    expect((await admin.request('DELETE', '/api/calendar/swaps/2026-03-06')).status).toBe(404);
  });

  it('an administrator adds a holiday (Tết 2027) and the year becomes loaded', async () => {
    const added = await admin.post('/api/calendar/holidays', {
      day: '2027-02-05',
      nameVi: 'Tết Nguyên đán (29 tháng Chạp)',
      nameEn: 'Lunar New Year (Tết)',
      kind: 'tet',
      note: 'test',
    });
    expect(added.status).toBe(201);
    expect((await workingDays('2027-02-04', 1)).body).toMatchObject({
      date: '2027-02-08',
      explanation: { yearsWithoutData: [] },
    });
    const again = await admin.post<ErrorAnswer>('/api/calendar/holidays', {
      day: '2027-02-05',
      nameVi: 'X',
      nameEn: 'X',
      kind: 'other',
      note: 'test',
    });
    expect(again.status).toBe(409);
    const builtIn = await admin.post<ErrorAnswer>('/api/calendar/holidays', {
      day: '2027-04-30',
      nameVi: 'X',
      nameEn: 'X',
      kind: 'other',
      note: 'test',
    });
    expect(builtIn.status).toBe(409);
    expect((await admin.request('DELETE', '/api/calendar/holidays/2027-02-05')).status).toBe(200);
  });

  it('refuses a make-up day on a weekday and a bridge day on a weekend, naming the day', async () => {
    const makeup = await admin.post<ErrorAnswer>('/api/calendar/swaps', {
      day: '2026-03-04',
      kind: 'makeup_workday',
      note: 'test',
    });
    expect(makeup.status).toBe(400);
    expect(makeup.body.issues.map((issue) => issue.field)).toEqual(['day']);
    expect(makeup.body.issues[0]?.message).toContain('thứ Bảy');
    const bridge = await admin.post<ErrorAnswer>('/api/calendar/swaps', {
      day: '2026-03-07',
      kind: 'bridge_day_off',
      note: 'test',
    });
    expect(bridge.status).toBe(400);
    const unknown = await admin.post<ErrorAnswer>('/api/calendar/swaps', {
      day: '2026-03-07',
      kind: 'holiday',
      note: 'test',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues.map((issue) => issue.field)).toContain('kind');
  });

  it('refuses officials without calendar.manage (403) and the anonymous (401)', async () => {
    const leader = await t.signedIn('lanhdao');
    const swap = { day: '2026-03-13', kind: 'bridge_day_off', note: 'test' };
    expect((await leader.post('/api/calendar/swaps', swap)).status).toBe(403);
    expect((await leader.request('DELETE', '/api/calendar/swaps/2026-08-31')).status).toBe(403);
    expect(
      (
        await leader.post('/api/calendar/holidays', {
          day: '2026-03-13',
          nameVi: 'X',
          nameEn: 'X',
          kind: 'other',
          note: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await anonymous.post('/api/calendar/swaps', swap)).status).toBe(401);
    expect((await anonymous.request('DELETE', '/api/calendar/holidays/2026-02-16')).status).toBe(401);
    expect((await workingDays('2026-03-12', 1)).body.date).toBe('2026-03-13');
  });
});
