export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar period of a kind containing `today` (YYYY-MM-DD, the province's date). */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [first, last] =
    kind === 'year'
      ? [1, 12]
      : kind === 'quarter'
        ? [month - ((month - 1) % 3), month - ((month - 1) % 3) + 2]
        : [month, month];
  return {
    kind,
    from: `${String(year)}-${pad(first)}-01`,
    to: `${String(year)}-${pad(last)}-${pad(lastDayOf(year, last))}`,
  };
}

/**
 * The period the address asks for (?period=quarter, or ?period=custom&from=…&to=…); this month when
 * it asks for nothing readable. A custom period is sent as typed: the server names a wrong date.
 */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const kind = PERIOD_KINDS.find((candidate) => candidate === params.get('period')) ?? 'month';
  if (kind !== 'custom') return periodOf(kind, today);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return periodOf('month', today);
  return { kind, from, to };
}
