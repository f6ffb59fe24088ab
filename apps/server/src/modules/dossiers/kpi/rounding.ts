/**
 * Rounding as a person does it on paper: half away from zero, on the decimal the number is written
 * with. `Math.round(x * 10) / 10` is not that (1.005 * 100 is 100.49999…), and `toFixed` rounds the
 * binary value (1.45.toFixed(1) is "1.4"); shifting the decimal point in the number's text is.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // 12 significant digits drop the noise of float arithmetic (0.1 + 0.2) before rounding.
  const clean = Number(Math.abs(value).toPrecision(12));
  const shifted = Math.round(Number(`${clean}e${decimals}`));
  const rounded = Number(`${shifted}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** numerator / denominator × 100, rounded to 2 decimals; null (N/A) when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return roundHalfUp((numerator * 100) / denominator, 2);
}
