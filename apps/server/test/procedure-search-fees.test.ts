import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureSummary } from '@tinhso/contracts';
import { startTestApp, type TestApp } from './harness.ts';

// The portal's procedure list shows each procedure's fee and deadline from the search answer itself
// (no second request per row).

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const search = async (q: string) => {
  const answer = await t
    .client()
    .get<{ items: ProcedureSummary[]; total: number }>(`/api/procedures?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
};

describe('procedure search with fees', () => {
  it('answers free, a fixed amount, or by case with its range, beside the deadline', async () => {
    const [free] = await search('1.001193');
    expect(free).toMatchObject({ code: '1.001193', fee: { kind: 'free', minVnd: 0, maxVnd: 0 } });
    const [fixed] = await search('2.001035');
    expect(fixed).toMatchObject({
      code: '2.001035',
      fee: { kind: 'fixed', minVnd: 50_000, maxVnd: 50_000 },
      deadline: { value: 2, unit: 'working_day' },
    });
    const [byCase] = await search('ly lich tu phap');
    expect(byCase).toMatchObject({
      code: '2.000488',
      fee: { kind: 'by_case', minVnd: 5_000, maxVnd: 200_000 },
      deadline: { value: 10, unit: 'calendar_day' },
    });
  });

  it('gives every procedure in force a fee summary', async () => {
    const answer = await t.client().get<{ items: ProcedureSummary[] }>('/api/procedures?limit=100');
    expect(answer.body.items.length).toBeGreaterThanOrEqual(20);
    for (const item of answer.body.items) {
      expect(['free', 'fixed', 'by_case']).toContain(item.fee.kind);
      expect(item.fee.minVnd).toBeLessThanOrEqual(item.fee.maxVnd);
    }
  });
});
