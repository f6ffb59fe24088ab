import { describe, expect, it } from 'vitest';
import { summariseFees } from './fee-summary.ts';

const fees = (fixed: number | null, byCase: number[] = []) => ({
  fixed,
  byCase: byCase.map((amount, index) => ({ label: `Trường hợp ${index + 1}`, amount })),
  exemptions: ['Trẻ em'],
});

describe('summariseFees', () => {
  it('is free when nothing is charged, or only 0', () => {
    expect(summariseFees(fees(null))).toEqual({ kind: 'free', minVnd: 0, maxVnd: 0 });
    expect(summariseFees(fees(0))).toEqual({ kind: 'free', minVnd: 0, maxVnd: 0 });
    expect(summariseFees(fees(null, [0, 0]))).toEqual({ kind: 'free', minVnd: 0, maxVnd: 0 });
  });

  it('is one amount when every case costs the same', () => {
    expect(summariseFees(fees(50_000))).toEqual({ kind: 'fixed', minVnd: 50_000, maxVnd: 50_000 });
    expect(summariseFees(fees(null, [8_000, 8_000]))).toEqual({
      kind: 'fixed',
      minVnd: 8_000,
      maxVnd: 8_000,
    });
  });

  it('is by case, with the range, when the cases differ (a free case included)', () => {
    expect(summariseFees(fees(null, [200_000, 100_000, 5_000]))).toEqual({
      kind: 'by_case',
      minVnd: 5_000,
      maxVnd: 200_000,
    });
    expect(summariseFees(fees(0, [30_000]))).toEqual({ kind: 'by_case', minVnd: 0, maxVnd: 30_000 });
  });
});
