import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import type { PaymentProvider, Settlement } from './provider.ts';

export const MAX_RECONCILIATION_DAYS = 31;

export interface SettlementComparison {
  /** False when the provider's list could not be fetched (then `error` says why). */
  available: boolean;
  error: string | null;
  count: number;
  amountVnd: number;
  /** Orders the provider settled that are not paid here. */
  missingHere: string[];
  /** Orders paid here that the provider's list does not have. */
  missingThere: string[];
  /** Orders in both lists with different amounts. */
  amountDiffers: string[];
}

export interface ReconciliationDay {
  day: string;
  provider: string;
  invoicesPaid: number;
  amountVnd: number;
  /** Attempts started that day that never got a callback (abandoned, or a callback lost). */
  attemptsWithoutCallback: string[];
  unknownOrderCallbacks: number;
  amountMismatches: number;
  badSignatures: number;
  /** Payments received for an invoice already paid or cancelled: to refund. */
  refundsDue: string[];
  settlement: SettlementComparison;
}

const DAY_MS = 86_400_000;
const vietnamDay = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
const startOf = (day: string) => new Date(`${day}T00:00:00+07:00`);

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

function compare(
  paid: { orderRef: string; amountVnd: number }[],
  settled: Settlement[],
): SettlementComparison {
  const ours = new Map(paid.map((row) => [row.orderRef, row.amountVnd]));
  const theirs = new Map(settled.map((row) => [row.orderRef, row.amountVnd]));
  return {
    available: true,
    error: null,
    count: settled.length,
    amountVnd: settled.reduce((sum, row) => sum + row.amountVnd, 0),
    missingHere: [...theirs.keys()].filter((ref) => !ours.has(ref)),
    missingThere: [...ours.keys()].filter((ref) => !theirs.has(ref)),
    amountDiffers: [...ours]
      .filter(([ref, amount]) => theirs.has(ref) && theirs.get(ref) !== amount)
      .map(([ref]) => ref),
  };
}

/**
 * The day-by-day reconciliation (đối soát) of online payments, per provider: what we marked paid,
 * what went wrong on our side (attempts without callback, refused callbacks, double payments), and
 * how our paid orders compare with the provider's settlement list of the same day.
 */
export async function reconcilePayments(
  db: Db,
  input: { from: string; to: string; providers: readonly PaymentProvider[] },
): Promise<ReconciliationDay[]> {
  const days = daysBetween(input.from, input.to);
  if (days.length === 0) throw invalid('to', 'date_order');
  if (days.length > MAX_RECONCILIATION_DAYS)
    throw invalid('to', 'maximum', { limit: MAX_RECONCILIATION_DAYS });
  const start = startOf(input.from);
  const end = new Date(startOf(input.to).getTime() + DAY_MS);
  const codes = input.providers.map((provider) => provider.code);
  if (codes.length === 0) return [];

  const [paid, attempts, callbacks] = await Promise.all([
    db
      .selectFrom('payment_attempt as a')
      .innerJoin('fee_invoice as i', 'i.id', 'a.invoice_id')
      .select(['a.provider', 'a.order_ref', 'a.amount_vnd', vietnamDay('i.paid_at').as('day')])
      .where('a.status', '=', 'succeeded')
      .where('i.paid_at', '>=', start)
      .where('i.paid_at', '<', end)
      .where('a.provider', 'in', codes)
      .execute(),
    db
      .selectFrom('payment_attempt')
      .select(['provider', 'order_ref', 'status', 'callback_at', vietnamDay('created_at').as('day')])
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .where('provider', 'in', codes)
      .execute(),
    db
      .selectFrom('payment_callback')
      .select(['provider', 'outcome', vietnamDay('received_at').as('day')])
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .where('provider', 'in', codes)
      .execute(),
  ]);

  const report: ReconciliationDay[] = [];
  for (const provider of input.providers) {
    for (const day of days) {
      const paidToday = paid
        .filter((row) => row.provider === provider.code && row.day === day)
        .map((row) => ({ orderRef: row.order_ref, amountVnd: row.amount_vnd }));
      const attemptsToday = attempts.filter((row) => row.provider === provider.code && row.day === day);
      const callbacksToday = callbacks.filter((row) => row.provider === provider.code && row.day === day);
      const count = (outcome: string) => callbacksToday.filter((row) => row.outcome === outcome).length;
      let settlement: SettlementComparison;
      try {
        settlement = compare(paidToday, await provider.fetchSettlements(day));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        settlement = { ...compare(paidToday, []), available: false, error: message, missingThere: [] };
      }
      report.push({
        day,
        provider: provider.code,
        invoicesPaid: paidToday.length,
        amountVnd: paidToday.reduce((sum, row) => sum + row.amountVnd, 0),
        attemptsWithoutCallback: attemptsToday.filter((row) => !row.callback_at).map((row) => row.order_ref),
        unknownOrderCallbacks: count('unknown_order'),
        amountMismatches: count('amount_mismatch'),
        badSignatures: count('bad_signature'),
        refundsDue: attemptsToday.filter((row) => row.status === 'refund_due').map((row) => row.order_ref),
        settlement,
      });
    }
  }
  return report;
}
