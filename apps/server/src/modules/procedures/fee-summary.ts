import type { Fees, FeeSummary } from '@tinhso/contracts';

/**
 * The fees of a version in one line for the portal's list ("Miễn phí" / the amount / "Theo trường
 * hợp"): by case as soon as the procedure lists cases with different amounts; free when nothing,
 * or only 0, is charged. Exemptions do not make a procedure free: they depend on the applicant.
 */
export function summariseFees(fees: Fees): FeeSummary {
  const amounts = [...(fees.fixed !== null ? [fees.fixed] : []), ...fees.byCase.map((item) => item.amount)];
  const minVnd = amounts.length === 0 ? 0 : Math.min(...amounts);
  const maxVnd = amounts.length === 0 ? 0 : Math.max(...amounts);
  if (maxVnd === 0) return { kind: 'free', minVnd: 0, maxVnd: 0 };
  if (minVnd === maxVnd) return { kind: 'fixed', minVnd, maxVnd };
  return { kind: 'by_case', minVnd, maxVnd };
}
