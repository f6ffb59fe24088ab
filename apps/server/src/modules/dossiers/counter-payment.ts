import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { recordCounterPayment } from '../payments/record-counter-payment.ts';
import { findInvoiceRow, findReceiptRow, toReceipt, type FeeReceipt } from '../payments/repository.ts';
import { canSee, consultedAgencyIds, reaches, type Caller } from './access.ts';
import type { Command } from './command.ts';
import { settleDossierFee } from './fees.ts';
import { findDossier, lockDossier } from './repository.ts';

/** What the desk answers after taking cash: the invoice's amount and the e-receipt it issued. */
export interface CounterPaymentResult {
  dossierId: string;
  invoiceId: string;
  amountVnd: number;
  receiptId: string;
  receiptNo: string;
  paidAt: string;
}

async function receiptOfInvoice(reader: Db | Transaction<DB>, invoiceId: string): Promise<FeeReceipt | null> {
  const row = await reader
    .selectFrom('fee_receipt')
    .select('id')
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  const receipt = row ? await findReceiptRow(reader, row.id) : undefined;
  return receipt ? toReceipt(receipt) : null;
}

/**
 * Thu tiền mặt: the one-stop officer takes the fee in cash at the desk. Only an official whose
 * dossier.receive reaches the dossier's receiving agency may (anyone else: 404, as for a dossier that
 * does not exist); the amount counted must be the invoice's; a paid invoice answers 409 with its
 * receipt. The invoice is settled like an online payment (e-receipt, audit, the dossier's `pay`
 * event) in the same transaction, under the request's Idempotency-Key.
 */
export function payAtCounter(
  command: Command,
  dossierId: string,
  body: { amountVnd: number },
): Promise<CounterPaymentResult> {
  return runCommand(command.db, command.request, async (tx) => {
    const loaded = await lockDossier(tx, dossierId);
    if (!reaches(command.caller, 'dossier.receive', loaded.row.receiving_agency_id))
      throw notFound('dossier');
    const { row } = loaded;
    const invoice = row.invoice_id
      ? await findInvoiceRow(tx, row.invoice_id, { forUpdate: true })
      : undefined;
    if (!invoice || invoice.status === 'cancelled')
      throw conflict('paymentStatus', 'payment.noFeeDue', { paymentStatus: row.payment_status });
    if (invoice.status === 'paid') {
      const receipt = await receiptOfInvoice(tx, invoice.id);
      throw new AppError('conflict', {
        detail: 'the fee of this dossier is already paid',
        issues: [
          {
            field: 'paymentStatus',
            key: 'payment.alreadyPaid',
            params: { paymentStatus: 'paid', receiptNo: receipt?.receiptNo ?? invoice.receipt_no ?? '' },
          },
        ],
      });
    }
    if (body.amountVnd !== invoice.amount_vnd)
      throw invalid('amountVnd', 'payment.amountMismatch', { expected: invoice.amount_vnd });
    const paid = await recordCounterPayment(tx, {
      invoiceId: invoice.id,
      officer: command.actor,
      onSettled: (settleTx, invoiceNow) => settleDossierFee(settleTx, invoiceNow, command.actor),
    });
    const receipt = (await receiptOfInvoice(tx, invoice.id))!;
    return {
      dossierId,
      invoiceId: paid.id,
      amountVnd: paid.amountVnd,
      receiptId: receipt.id,
      receiptNo: receipt.receiptNo,
      paidAt: paid.paidAt ?? receipt.issuedAt,
    };
  });
}

/**
 * The e-receipt of a dossier's fee, for whoever may see the dossier (its applicant, or officials in
 * reach); 404 when the dossier is out of reach or its fee is not paid.
 */
export async function getDossierReceipt(db: Db, caller: Caller, dossierId: string): Promise<FeeReceipt> {
  const loaded = await findDossier(db, dossierId);
  if (!loaded || !canSee(caller, loaded.row, await consultedAgencyIds(db, dossierId)))
    throw notFound('dossier');
  const receipt = loaded.row.invoice_id ? await receiptOfInvoice(db, loaded.row.invoice_id) : null;
  if (!receipt) throw notFound('fee_receipt');
  return receipt;
}
