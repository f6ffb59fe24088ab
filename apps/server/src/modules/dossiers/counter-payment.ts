import type { Db } from '../../platform/db.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { recordCounterPayment } from '../payments/record-counter-payment.ts';
import { findInvoiceRow, findReceiptOfInvoice } from '../payments/repository.ts';
import { canSee, consultedAgencyIds, reaches, type Caller } from './access.ts';
import type { Command } from './command.ts';
import { settleDossierFee } from './fees.ts';
import { renderFeeReceipt } from './forms/fee-receipt.ts';
import { findDossier } from './repository.ts';

/** What the desk answers after taking cash: the invoice's amount and the e-receipt it issued. */
export interface CounterPaymentResult {
  dossierId: string;
  invoiceId: string;
  amountVnd: number;
  receiptId: string;
  receiptNo: string;
  paidAt: string;
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
    // Locks in the order of an online payment's callback (invoice, then the dossier in
    // settleDossierFee), so that a callback arriving at the same moment cannot deadlock with the desk.
    const loaded = await findDossier(tx, dossierId);
    if (!loaded || !reaches(command.caller, 'dossier.receive', loaded.row.receiving_agency_id))
      throw notFound('dossier');
    const { row } = loaded;
    const invoice = row.invoice_id
      ? await findInvoiceRow(tx, row.invoice_id, { forUpdate: true })
      : undefined;
    if (!invoice || invoice.status === 'cancelled')
      throw conflict('paymentStatus', 'payment.noFeeDue', { paymentStatus: row.payment_status });
    if (invoice.status === 'paid') {
      const receipt = await findReceiptOfInvoice(tx, invoice.id);
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
    const receipt = (await findReceiptOfInvoice(tx, invoice.id))!;
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
 * The printed e-receipt of a dossier's fee (PDF), for whoever may see the dossier (its applicant, or
 * officials in reach); 404 when the dossier is out of reach or its fee is not paid. `origin` is where
 * the QR code's public lookup points.
 */
export async function printDossierReceipt(
  db: Db,
  caller: Caller,
  dossierId: string,
  origin: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const loaded = await findDossier(db, dossierId);
  if (!loaded || !canSee(caller, loaded.row, await consultedAgencyIds(db, dossierId)))
    throw notFound('dossier');
  const { row } = loaded;
  const receipt = row.invoice_id ? await findReceiptOfInvoice(db, row.invoice_id) : undefined;
  if (!receipt) throw notFound('fee_receipt');
  const agency = await db
    .selectFrom('agency as a')
    .leftJoin('agency as p', 'p.id', 'a.parent_id')
    .select(['a.name', 'p.name as parent_name'])
    .where('a.id', '=', row.receiving_agency_id)
    .executeTakeFirstOrThrow();
  // The officer who took the cash is the actor of the dossier's `pay` event ("Name (username)").
  const paid = await db
    .selectFrom('dossier_event')
    .select('actor_label')
    .where('dossier_id', '=', row.id)
    .where('action', '=', 'pay')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const code = row.code ?? '';
  const bytes = await renderFeeReceipt({
    agency: { name: agency.name, parentName: agency.parent_name },
    dossier: {
      code,
      lookupUrl: `${origin}/track/${encodeURIComponent(code)}`,
      procedureName: loaded.procedure.content.name,
    },
    receiptNo: receipt.receiptNo,
    payerName: receipt.payerName,
    content: receipt.content,
    amountVnd: receipt.amountVnd,
    paidThrough: receipt.provider,
    issuedAt: receipt.issuedAt,
    collectedBy:
      receipt.provider === null ? (paid?.actor_label ?? '').replace(/\s*\([^)]*\)$/, '') || null : null,
  });
  return { fileName: `bien-lai-${receipt.receiptNo}.pdf`, bytes };
}
