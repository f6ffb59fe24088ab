import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod, receivedIn, resolvedIn, vietnamMonthOf, yearPeriod } from './periods.ts';

describe('periods in Vietnam time', () => {
  it('starts a quarter at 00:00 in Vietnam, 17:00 UTC the day before', () => {
    expect(quarterPeriod(2026, 1)).toEqual({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-03-31T17:00:00Z'),
    });
    expect(quarterPeriod(2026, 4).to).toEqual(new Date('2026-12-31T17:00:00Z'));
  });

  it('gives the year and the month', () => {
    expect(yearPeriod(2026)).toEqual({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
    expect(monthPeriod(2026, 12).to).toEqual(new Date('2026-12-31T17:00:00Z'));
  });

  it('puts 00:30 on 1 April in Vietnam in April', () => {
    expect(vietnamMonthOf(new Date('2026-03-31T17:30:00Z'))).toBe('2026-04');
    expect(vietnamMonthOf(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03');
  });

  it('keeps the start of a period and leaves its end to the next one', () => {
    const q1 = quarterPeriod(2026, 1);
    const facts = [{ receivedAt: q1.from }, { receivedAt: q1.to }];
    expect(receivedIn(facts, q1)).toEqual([{ receivedAt: q1.from }]);
  });

  it('picks the dossiers finished in a quarter by Đã xử lý xong, else Đã trả kết quả', () => {
    const q1 = quarterPeriod(2026, 1);
    const inQ1 = new Date('2026-03-31T16:00:00Z');
    const inQ2 = new Date('2026-03-31T18:00:00Z');
    const facts = [
      { code: 'resolved in Q1, returned in Q2', resolvedAt: inQ1, returnedAt: inQ2 },
      { code: 'resolved in Q2', resolvedAt: inQ2, returnedAt: null },
      { code: 'only returned in Q1', returnedAt: inQ1 },
      { code: 'unfinished' },
    ];
    expect(resolvedIn(facts, q1).map((f) => f.code)).toEqual([
      'resolved in Q1, returned in Q2',
      'only returned in Q1',
    ]);
  });
});
