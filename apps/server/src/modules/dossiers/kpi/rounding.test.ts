import { describe, expect, it } from 'vitest';
import { percent, roundHalfUp } from './rounding.ts';

describe('rounding as on paper', () => {
  it('shows why the usual JavaScript roundings are not used', () => {
    // 1.45 is stored as 1.4499999…, 1.005 × 100 as 100.4999…: both round down where a person rounds up.
    expect((1.45).toFixed(1)).toBe('1.4');
    expect(Math.round(1.005 * 100) / 100).toBe(1);
  });

  it('rounds half away from zero on the written decimal', () => {
    expect(roundHalfUp(1.25, 1)).toBe(1.3);
    expect(roundHalfUp(1.35, 1)).toBe(1.4);
    expect(roundHalfUp(1.45, 1)).toBe(1.5);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(1.24, 1)).toBe(1.2);
    expect(roundHalfUp(-1.25, 1)).toBe(-1.3);
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
  });

  it('gives percentages to 2 decimals, and N/A for a zero denominator', () => {
    // 2 of 3 → 66.666… → 66.67; 1 of 8 → 12.5
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 5)).toBe(0);
    expect(percent(3, 0)).toBeNull();
  });
});
