import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod } from './periods.ts';
import { at, dossier, elapsed } from './test-facts.ts';
import {
  agencyBand,
  averageIndices,
  evaluateAgency,
  evaluateOfficial,
  officialBand,
  scoreOneStop,
  scoreOnlineServices,
  scorePaknHandling,
} from './tt01.ts';
import { scoreDossier, scorePublication, scoreSteps, type DossierIndexPoints } from './tt01-dossier.ts';
import type { DossierFacts, ProcessingStep } from './types.ts';

const periodEnd = at('2026-04-01T00:00:00');
const score = (fact: DossierFacts) => scoreDossier(fact, { periodEnd, elapsed });
const early = at('2026-03-05T10:00:00');
const onDueDay = at('2026-03-09T10:00:00');
const late = at('2026-03-10T10:00:00');

describe('TT 01/2018 indices scored per dossier', () => {
  it('index 1: shorter than the legal time 2, equal 1, longer 0; none while unresolved', () => {
    expect(score(dossier({ resolvedAt: early }))[1]).toBe(2);
    expect(score(dossier({ resolvedAt: onDueDay }))[1]).toBe(1);
    expect(score(dossier({ resolvedAt: late }))[1]).toBe(0);
    expect(score(dossier())[1]).toBeUndefined();
  });

  it("takes the citizen's points over the data for indices 1, 3, 4 and 7", () => {
    const points = score(dossier({ resolvedAt: early, rating: { points: { 1: 1, 3: 0, 4: 2, 7: 1 } } }));
    expect(points).toMatchObject({ 1: 1, 3: 0, 4: 2, 7: 1 });
  });

  it('index 2: every unit shorter 2, one equal 1, one longer 0', () => {
    const step = (finishedAt: Date): ProcessingStep => ({
      unitId: 'u',
      dueAt: at('2026-03-05T17:00:00'),
      finishedAt,
    });
    expect(scoreSteps([step(at('2026-03-04T10:00:00')), step(at('2026-03-03T10:00:00'))], periodEnd)).toBe(2);
    expect(scoreSteps([step(at('2026-03-04T10:00:00')), step(at('2026-03-05T10:00:00'))], periodEnd)).toBe(1);
    expect(scoreSteps([step(at('2026-03-04T10:00:00')), step(at('2026-03-06T10:00:00'))], periodEnd)).toBe(0);
    expect(
      scoreSteps([{ unitId: 'u', dueAt: at('2026-03-05T17:00:00'), finishedAt: null }], periodEnd),
    ).toBeUndefined();
  });

  it('index 3: no supplement 2, one 1, two 0; a recorded count of contacts wins', () => {
    const pause = { requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-03T11:00:00') };
    expect(score(dossier({ resolvedAt: early }))[3]).toBe(2);
    expect(score(dossier({ resolvedAt: early, supplements: [pause] }))[3]).toBe(1);
    expect(score(dossier({ resolvedAt: early, supplements: [pause, pause] }))[3]).toBe(0);
    expect(score(dossier({ resolvedAt: early, supplements: [pause], extraContacts: 0 }))[3]).toBe(2);
  });

  it('index 4: from the bodies contacted, excluded when unknown', () => {
    expect(score(dossier({ resolvedAt: early }))[4]).toBeUndefined();
    expect(score(dossier({ resolvedAt: early, bodiesContacted: 0 }))[4]).toBe(2);
    expect(score(dossier({ resolvedAt: early, bodiesContacted: 1 }))[4]).toBe(1);
    expect(score(dossier({ resolvedAt: early, bodiesContacted: 2 }))[4]).toBe(0);
  });

  it('index 6: posted and online 2, one of them 1, inaccurate 0', () => {
    expect(
      scorePublication({ isPostedAtOffice: true, isPublishedOnline: true, isAccurateAndTimely: true }),
    ).toBe(2);
    expect(
      scorePublication({ isPostedAtOffice: false, isPublishedOnline: true, isAccurateAndTimely: true }),
    ).toBe(1);
    expect(
      scorePublication({ isPostedAtOffice: true, isPublishedOnline: true, isAccurateAndTimely: false }),
    ).toBe(0);
    const procedure = {
      code: '1.000001',
      onlineLevel: null,
      publication: { isPostedAtOffice: true, isPublishedOnline: false, isAccurateAndTimely: true },
    };
    expect(scoreDossier(dossier(), { periodEnd, elapsed, procedure })[6]).toBe(1);
  });

  it('index 7: early 2, on time 1, a PAKN about staff conduct 0 even when early', () => {
    expect(score(dossier({ resolvedAt: early }))[7]).toBe(2);
    expect(score(dossier({ resolvedAt: onDueDay }))[7]).toBe(1);
    expect(score(dossier({ resolvedAt: early, pakn: { hasAny: true, hasAboutStaffConduct: true } }))[7]).toBe(
      0,
    );
  });
});

describe('Điểm chỉ số = Σ điểm / số hồ sơ, 1 decimal', () => {
  it('rounds 5 / 4 = 1.25 to 1.3 and 27 / 20 = 1.35 to 1.4', () => {
    const four: DossierIndexPoints[] = [{ 1: 2 }, { 1: 1 }, { 1: 1 }, { 1: 1 }];
    expect(averageIndices(four, [1])).toEqual([{ index: 1, score: 1.3, dossiers: 4, isExcluded: false }]);
    // 7 dossiers × 2 + 13 × 1 = 27 points over 20 dossiers
    const twenty: DossierIndexPoints[] = [
      ...Array.from({ length: 7 }, () => ({ 1: 2 as const })),
      ...Array.from({ length: 13 }, () => ({ 1: 1 as const })),
    ];
    expect(averageIndices(twenty, [1])[0]?.score).toBe(1.4);
  });

  it('divides by the dossiers that have the index, and excludes an index nobody has', () => {
    // Index 3: (2 + 0) / 2 = 1.0; index 4: no data
    expect(averageIndices([{ 3: 2 }, { 3: 0 }, { 1: 1 }], [3, 4])).toEqual([
      { index: 3, score: 1, dossiers: 2, isExcluded: false },
      { index: 4, score: null, dossiers: 0, isExcluded: true },
    ]);
  });
});

describe('ratings', () => {
  it('rates an official at the boundaries 5 and 3.5', () => {
    expect(officialBand(5)).toBe('hoan_thanh_100');
    expect(officialBand(4.9)).toBe('tu_70_den_duoi_100');
    expect(officialBand(3.5)).toBe('tu_70_den_duoi_100');
    expect(officialBand(3.4)).toBe('duoi_70');
  });

  it('rates an agency at the boundaries 15, 12, 9 and 6', () => {
    expect([15, 14.9, 12, 11.9, 9, 8.9, 6, 5.9].map(agencyBand)).toEqual([
      'xuat_sac',
      'tot',
      'tot',
      'kha',
      'kha',
      'trung_binh',
      'trung_binh',
      'yeu',
    ]);
  });
});

describe('indices scored per agency', () => {
  it('index 5: ≥ 20% decided at the Một cửa 2, all eligible received and returned there 1, else 0', () => {
    const base = {
      listedProcedures: 10,
      eligibleProcedures: 8,
      receivedAndReturnedAtOneStop: 8,
      decidedAtOneStop: 2,
    };
    expect(scoreOneStop(base)).toBe(2);
    expect(scoreOneStop({ ...base, decidedAtOneStop: 1 })).toBe(1);
    expect(scoreOneStop({ ...base, decidedAtOneStop: 1, receivedAndReturnedAtOneStop: 7 })).toBe(0);
  });

  it('index 8: no PAKN or all on time 2, 9 of 10 on time 1, 8 of 10 or one prolonged 0', () => {
    expect(scorePaknHandling({ total: 0, onTime: 0, prolonged: 0 })).toBe(2);
    expect(scorePaknHandling({ total: 10, onTime: 10, prolonged: 0 })).toBe(2);
    expect(scorePaknHandling({ total: 10, onTime: 9, prolonged: 0 })).toBe(1);
    expect(scorePaknHandling({ total: 10, onTime: 8, prolonged: 0 })).toBe(0);
    expect(scorePaknHandling({ total: 10, onTime: 10, prolonged: 1 })).toBe(0);
  });

  it('index 9: 2 of 10 services and 3 of 10 dossiers online, none late 2; 15% of dossiers 1; a late one 0', () => {
    const services = { eligibleProcedures: 10, offeredOnline: 2 };
    expect(scoreOnlineServices(services, { total: 10, online: 3, onlineLate: 0 })).toBe(2);
    expect(scoreOnlineServices(services, { total: 20, online: 3, onlineLate: 0 })).toBe(1);
    expect(scoreOnlineServices(services, { total: 10, online: 1, onlineLate: 0 })).toBe(0);
    expect(scoreOnlineServices(services, { total: 10, online: 3, onlineLate: 1 })).toBe(0);
    expect(
      scoreOnlineServices(
        { eligibleProcedures: 10, offeredOnline: 0 },
        { total: 10, online: 0, onlineLate: 0 },
      ),
    ).toBe(0);
  });
});

describe('evaluations over a period', () => {
  const stepBy = (officialId: string, finishedAt: Date): ProcessingStep => ({
    unitId: 'unit-1',
    officialId,
    dueAt: at('2026-03-05T17:00:00'),
    finishedAt,
  });
  // A: early, 0 supplements, 1 body, official X early → 1:2 2:2 3:2 4:1 7:2
  // B: on the due day, 1 supplement, official X on time and Y late → 1:1 3:1 7:1; index 2 for X: 1, overall 0
  const dossiers = [
    dossier({
      code: 'A',
      resolvedAt: early,
      bodiesContacted: 1,
      steps: [stepBy('X', at('2026-03-04T10:00:00'))],
    }),
    dossier({
      code: 'B',
      resolvedAt: onDueDay,
      supplements: [{ requestedAt: at('2026-03-03T10:00:00'), completedAt: at('2026-03-03T11:00:00') }],
      steps: [stepBy('X', at('2026-03-05T10:00:00')), stepBy('Y', at('2026-03-06T10:00:00'))],
    }),
  ];
  const period = monthPeriod(2026, 3);

  it('rates an official on indices 1, 2, 3, 4, 7 over their dossiers, index 2 on their own steps', () => {
    // 1: (2+1)/2 = 1.5; 2: (2+1)/2 = 1.5; 3: (2+1)/2 = 1.5; 4: 1/1 = 1; 7: (2+1)/2 = 1.5 → 7.0
    const result = evaluateOfficial({ dossiers, procedures: [], period, elapsed, officialId: 'X' });
    expect(result.indices.map((s) => s.score)).toEqual([1.5, 1.5, 1.5, 1, 1.5]);
    expect(result).toMatchObject({ total: 7, maximum: 10, excluded: [], band: 'hoan_thanh_100' });
  });

  it('rates an agency on the nine, naming the excluded ones', () => {
    // 1: 1.5; 2: (2 + 0)/2 = 1; 3: 1.5; 4: 1; 5, 6, 8 no data; 7: 1.5;
    // 9: 0 of 2 dossiers online → 0 → total 1.5 + 1 + 1.5 + 1 + 1.5 + 0 = 6.5 → trung bình
    const result = evaluateAgency({
      dossiers,
      procedures: [],
      period: quarterPeriod(2026, 1),
      elapsed,
      agency: { onlineServices: { eligibleProcedures: 4, offeredOnline: 2 } },
    });
    expect(result.indices.map((s) => [s.index, s.score])).toEqual([
      [1, 1.5],
      [2, 1],
      [3, 1.5],
      [4, 1],
      [5, null],
      [6, null],
      [7, 1.5],
      [8, null],
      [9, 0],
    ]);
    expect(result).toMatchObject({ total: 6.5, maximum: 12, excluded: [5, 6, 8], band: 'trung_binh' });
  });
});
