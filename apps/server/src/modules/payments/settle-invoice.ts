import { sql, type Selectable, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { toInvoice, type FeeInvoice } from './repository.ts';
import type { FeeInvoiceTable, PaidOnline } from './tables.ts';

/**
 * Called inside the transaction that marks an invoice paid, after the receipt is issued. The dossier
 * module passes one that records the payment on the dossier, so both commit together; if it throws,
 * nothing is paid and the callback is answered with an error (the platform retries).
 */
export type OnSettled = (tx: Transaction<DB>, invoice: FeeInvoice) => Promise<void>;

export interface PaidBy {
  provider: string | null;
  providerTxnId: string | null;
  paidOnline: PaidOnline | null;
}

/** `BL-2026-000123`: the receipt series restarts each year (Vietnam time). */
export const formatReceiptNo = (year: number, seq: number) => `BL-${year}-${String(seq).padStart(6, '0')}`;

/**
 * The next number of the year's series. The upsert locks the year's row until commit, so concurrent
 * payments take numbers one after the other and a rolled-back payment gives its number back: no gaps.
 */
async function nextReceiptSeq(tx: Transaction<DB>, year: number): Promise<number> {
  const row = await tx
    .insertInto('fee_receipt_series')
    .values({ year, last_seq: 1 })
    .onConflict((conflict) =>
      conflict.column('year').doUpdateSet({ last_seq: sql<number>`fee_receipt_series.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/**
 * Marks a locked, payable invoice paid, issues its e-receipt, records the audit event and calls the
 * onSettled hook, all in the caller's transaction. The caller has checked that it is payable.
 */
export async function settleInvoice(
  tx: Transaction<DB>,
  options: {
    invoice: Selectable<FeeInvoiceTable>;
    paidBy: PaidBy;
    actor: Actor;
    onSettled: OnSettled;
  },
): Promise<FeeInvoice> {
  const { invoice, paidBy, actor } = options;
  const year = Number(todayInVietnam().slice(0, 4));
  const seq = await nextReceiptSeq(tx, year);
  const receiptNo = formatReceiptNo(year, seq);
  await tx
    .insertInto('fee_receipt')
    .values({
      receipt_no: receiptNo,
      year,
      seq,
      invoice_id: invoice.id,
      amount_vnd: invoice.amount_vnd,
      payer_name: invoice.payer_name,
      content: invoice.description,
      provider: paidBy.provider,
      provider_txn_id: paidBy.providerTxnId,
      paid_online: paidBy.paidOnline,
    })
    .execute();
  const paid = await tx
    .updateTable('fee_invoice')
    .set({
      status: 'paid',
      paid_at: new Date(),
      provider: paidBy.provider,
      provider_txn_id: paidBy.providerTxnId,
      paid_online: paidBy.paidOnline,
      receipt_no: receiptNo,
    })
    .where('id', '=', invoice.id)
    .where('status', 'in', ['open', 'pending'])
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'fee_invoice.paid',
    entityType: 'fee_invoice',
    entityId: invoice.id,
    data: {
      receiptNo,
      amountVnd: invoice.amount_vnd,
      provider: paidBy.provider,
      providerTxnId: paidBy.providerTxnId,
      paidOnline: paidBy.paidOnline,
    },
  });
  const result = toInvoice(paid);
  await options.onSettled(tx, result);
  return result;
}
