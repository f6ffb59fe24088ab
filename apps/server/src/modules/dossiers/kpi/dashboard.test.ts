import { describe, expect, it } from 'vitest';
import { computeNd224Dashboard } from './dashboard.ts';
import { monthPeriod } from './periods.ts';
import { at, dossier, elapsed } from './test-facts.ts';
import type { ProcedureFacts } from './types.ts';

const procedures: ProcedureFacts[] = [
  { code: '1.000001', onlineLevel: 'toan_trinh', isEligibleForToanTrinh: true },
  { code: '1.000002', onlineLevel: 'mot_phan', isEligibleForToanTrinh: true },
  { code: '1.000003', onlineLevel: 'toan_trinh', isEligibleForToanTrinh: false },
  { code: '1.000004', onlineLevel: null },
];

// Received Mon 2 March, due Mon 9 March 17:00.
const dossiers = [
  dossier({ channel: 2, resolvedAt: at('2026-03-05T10:00:00'), rating: { sentiment: 'like' } }),
  dossier({ channel: 2, resolvedAt: at('2026-03-12T10:00:00'), rating: { sentiment: 'like' } }),
  dossier({
    resolvedAt: at('2026-03-11T10:00:00'),
    supplements: [{ requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-05T10:00:00') }],
    rating: { sentiment: 'dislike' },
  }),
];

describe('NĐ 224/2026 Art 19 dashboard', () => {
  const result = computeNd224Dashboard({ dossiers, procedures, period: monthPeriod(2026, 3), elapsed });

  it('toàn trình: 1 of the 2 procedures eligible for it → 50.00', () => {
    expect(result.toanTrinhRate).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('online dossiers: 2 of 3 → 66.67', () => {
    expect(result.onlineDossierRate).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
  });

  it('processing time: (3 + 8 + (7 − 2)) / 3 = 16 / 3 = 5.33 working days', () => {
    expect(result.processingTime).toEqual({
      value: 5.33,
      unit: 'working_day',
      numerator: 16,
      denominator: 3,
    });
  });

  it('on time: the first early, the second late, the third on time after the pause → 2 of 3 → 66.67', () => {
    expect(result.onTimeRate).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
  });

  it('satisfaction is QĐ 766 5.4: 100 − (1/3 + 1/3) × 100 = 33.33; likes 2 of 3 rated → 66.67', () => {
    expect(result.satisfaction.value).toBe(33.33);
    expect(result.likeRate).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
  });

  it('says automation is not measured', () => {
    expect(result.automationLevel).toMatchObject({ value: null });
  });
});
