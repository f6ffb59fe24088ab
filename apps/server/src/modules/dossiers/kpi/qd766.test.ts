import { describe, expect, it } from 'vitest';
import { DEFAULT_QD766_RULES, thresholdScore, type Indicator } from './indicator.ts';
import { monthPeriod } from './periods.ts';
import { averageProcessingTimes, computeQd766, syncRateIndicator } from './qd766.ts';
import { at, dossier, elapsed } from './test-facts.ts';
import type { ProcedureFacts } from './types.ts';

const period = monthPeriod(2026, 3);

// P1 toàn trình with fees paid online, paper result, for citizens; P2 một phần with fees not
// integrated; P3 and P4 not online, P3 with a paper result for citizens.
const procedures: ProcedureFacts[] = [
  {
    code: '1.000001',
    onlineLevel: 'toan_trinh',
    isEligibleForToanTrinh: true,
    hasFees: true,
    isOnlinePaymentIntegrated: true,
    returnsPaperResult: true,
    isForCitizens: true,
  },
  {
    code: '1.000002',
    onlineLevel: 'mot_phan',
    isEligibleForToanTrinh: true,
    hasFees: true,
    isOnlinePaymentIntegrated: false,
  },
  { code: '1.000003', onlineLevel: null, hasFees: false, returnsPaperResult: true, isForCitizens: true },
  { code: '1.000004', onlineLevel: null },
];

// Received 2 March, due 9 March 17:00 unless said otherwise.
const dossiers = [
  // D1: online, resolved early, everything digital, paid on DVCQG, liked.
  dossier({
    code: 'D1',
    channel: 2,
    resolvedAt: at('2026-03-05T10:00:00'),
    hasResultFile: true,
    hasAllComponentFiles: true,
    hasReusedComponent: true,
    paidOnline: 1,
    usesPopulationData: true,
    rating: { sentiment: 'like' },
  }),
  // D2: online, resolved late, no result file, not paid online, one component from the citizen's store.
  dossier({
    code: 'D2',
    channel: 2,
    resolvedAt: at('2026-03-12T10:00:00'),
    paidOnline: null,
    hasComponentFromCitizenStore: true,
  }),
  // D3: counter, resolved exactly at NgayHenTra, result file but not all components, paid on the
  // province's gateway, a PAKN about it.
  dossier({
    code: 'D3',
    procedureCode: '1.000002',
    resolvedAt: at('2026-03-09T17:00:00'),
    hasResultFile: true,
    paidOnline: 2,
    pakn: { hasAny: true, hasAboutStaffConduct: false },
  }),
  // D4: by post on 25 March, due 1 April: unfinished at the end of March but not yet due; disliked.
  dossier({
    code: 'D4',
    procedureCode: '1.000003',
    channel: 3,
    receivedAt: at('2026-03-25T09:00:00'),
    dueAt: at('2026-04-01T17:00:00'),
    rating: { sentiment: 'dislike' },
  }),
];

const byId = (indicators: Indicator[]) => Object.fromEntries(indicators.map((i) => [i.id, i]));

describe('QĐ 766 indicators from one-stop data', () => {
  const results = byId(computeQd766({ dossiers, procedures, period, elapsed }));
  const expectRate = (id: string, numerator: number, denominator: number, rate: number, score: number) =>
    expect(results[id]).toMatchObject({ numerator, denominator, rate, score });

  it('2.1: D1 early, D3 equal, D4 not yet due at the period end; D2 late → 3 of 4 → 75.00', () => {
    // No threshold: score = 75 × 1 / 100 = 0.75
    expectRate('2.1', 3, 4, 75, 0.75);
  });

  it('3.1: P1, P2 online of 4 → 50.00; below 80: 50 × 1 / 80 = 0.625 → 0.63', () => {
    expectRate('3.1', 2, 4, 50, 0.63);
    expect(results['3.1']?.threshold).toBe(80);
  });

  it('3.2: of the online P1 and P2, only P1 had an online dossier → 1 of 2 → 50.00', () => {
    expectRate('3.2', 1, 2, 50, 0.5);
  });

  it('3.3: D1 online with its electronic result; D2 online but no result for a paper-result TTHC → 1 of 4 → 25.00', () => {
    // 25 / 50 threshold = 0.5
    expectRate('3.3', 1, 4, 25, 0.5);
  });

  it('3.3 is multiplied by the sync rate: 25 × 3/4 = 18.75; score 18.75 / 50 = 0.375 → 0.38', () => {
    const synced = byId(
      computeQd766({ dossiers, procedures, period, elapsed, sync: { synced: 3, received: 4 } }),
    );
    expect(synced['1.4']).toMatchObject({ numerator: 3, denominator: 4, rate: 75 });
    expect(synced['3.3']).toMatchObject({ rate: 18.75, score: 0.38 });
  });

  it('3.5: P1 and P2 have fees, P1 payable online → 1 of 2 → 50.00; 50 / 80 = 0.625 → 0.63', () => {
    expectRate('3.5', 1, 2, 50, 0.63);
  });

  it('3.6: D1, D2, D3 have fees, D1 and D3 paid online → 2 of 3 → 66.67', () => {
    expectRate('3.6', 2, 3, 66.67, 0.67);
  });

  it('3.6 leaves out a dossier whose fees were all 0', () => {
    const exempt = dossiers.map((fact) => (fact.code === 'D2' ? { ...fact, areFeesAllZero: true } : fact));
    // D1, D3 paid online, of D1, D3 → 2 of 2 → 100.00
    expect(byId(computeQd766({ dossiers: exempt, procedures, period, elapsed }))['3.6']).toMatchObject({
      numerator: 2,
      denominator: 2,
      rate: 100,
    });
  });

  it('4.1: D1, D2, D4 are of paper-result TTHC, D1 has its result file → 1 of 3 → 33.33', () => {
    expectRate('4.1', 1, 3, 33.33, 0.33);
  });

  it('4.2: only D1 has all components and the result → 1 of 4 → 25.00; 25 / 80 = 0.3125 → 0.31', () => {
    expectRate('4.2', 1, 4, 25, 0.31);
  });

  it('4.3: D1 reused a digitised component → 1 of 4 → 25.00 → 0.31', () => {
    expectRate('4.3', 1, 4, 25, 0.31);
  });

  it("4.4: D2 took a component from the citizen's store → 1 of 4 → 25.00", () => {
    expectRate('4.4', 1, 4, 25, 0.25);
  });

  it('4.5: D1, D2, D4 are of TTHC for citizens, D1 used population data → 1 of 3 → 33.33', () => {
    expectRate('4.5', 1, 3, 33.33, 0.33);
  });

  it('5.4 = 100 − (late% + PAKN or dislike%): 100 − (1/4 + 2/4) × 100 = 25.00; 25 / 90 = 0.277… → 0.28', () => {
    expectRate('5.4', 1, 4, 25, 0.28);
  });

  it('5.4 counts a dossier late and complained about twice, and never goes below 0', () => {
    // D2 is late and disliked; D3 has a PAKN: 100 − (1/2 + 2/2) × 100 = −50 → 0
    const two = [{ ...dossiers[1]!, rating: { sentiment: 'dislike' as const } }, dossiers[2]!];
    expect(byId(computeQd766({ dossiers: two, procedures, period, elapsed }))['5.4']).toMatchObject({
      numerator: -1,
      denominator: 2,
      rate: 0,
      score: 0,
    });
  });

  it('gives N/A and no score when a denominator is 0', () => {
    const empty = computeQd766({ dossiers: [], procedures: [], period, elapsed });
    expect(empty.map((i) => i.id)).toEqual([
      '2.1',
      '3.1',
      '3.2',
      '3.3',
      '3.5',
      '3.6',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '5.4',
    ]);
    for (const indicator of empty) expect(indicator).toMatchObject({ rate: null, score: null });
  });
});

describe('QĐ 766 1.4: sync rate', () => {
  it('divides by the larger of the portal count and the report count: 3 / max(4, 5) → 60.00', () => {
    expect(syncRateIndicator({ synced: 3, received: 4, receivedPerReport: 5 })).toMatchObject({
      numerator: 3,
      denominator: 5,
      rate: 60,
    });
  });

  it("falls back on last year's reported total ÷ 4 for a quarter: 1200 / 4 = 300", () => {
    const result = syncRateIndicator({
      synced: 0,
      received: 0,
      receivedPerReport: 0,
      previousYearReportTotal: { total: 1200, period: 'quarter' },
    });
    expect(result).toMatchObject({ denominator: 300, rate: 0, score: 0 });
  });

  it('is N/A with nothing to divide by', () => {
    expect(syncRateIndicator({ synced: 0, received: 0 })).toMatchObject({ rate: null, score: null });
  });
});

describe('threshold scoring', () => {
  it('gives full points at or above the threshold and a share below it', () => {
    expect(thresholdScore(95, 1, 90)).toBe(1);
    expect(thresholdScore(90, 1, 90)).toBe(1);
    expect(thresholdScore(45, 1, 90)).toBe(0.5);
    expect(thresholdScore(40, 2, 80)).toBe(1);
    expect(thresholdScore(null, 1, 80)).toBeNull();
  });

  it('takes the point maxima from the rules passed in', () => {
    const rules = { ...DEFAULT_QD766_RULES, maxPoints: { ...DEFAULT_QD766_RULES.maxPoints, '3.1': 4 } };
    // 50 × 4 / 80 = 2.5
    expect(byId(computeQd766({ dossiers, procedures, period, elapsed, rules }))['3.1']).toMatchObject({
      maxPoints: 4,
      score: 2.5,
    });
  });
});

describe('QĐ 766 2.2: average processing time per procedure', () => {
  it('averages the resolved dossiers in working days, per procedure', () => {
    // P1: D1 Mon 2 → Thu 5 = 3, D2 Mon 2 → Thu 12 = 8 → (3 + 8) / 2 = 5.5. P2: D3 Mon 2 → Mon 9 = 5.
    // D4 is not resolved.
    const averages = averageProcessingTimes({ dossiers, period, elapsed });
    expect(
      averages.map(({ procedureCode, unit, numerator, denominator, rate }) => ({
        procedureCode,
        unit,
        numerator,
        denominator,
        rate,
      })),
    ).toEqual([
      { procedureCode: '1.000001', unit: 'working_day', numerator: 11, denominator: 2, rate: 5.5 },
      { procedureCode: '1.000002', unit: 'working_day', numerator: 5, denominator: 1, rate: 5 },
    ]);
  });
});
