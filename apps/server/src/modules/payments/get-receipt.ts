import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { mayRead } from './get-invoice.ts';
import { findInvoiceRow, findReceiptRow, toReceipt, type FeeReceipt } from './repository.ts';

/** An e-receipt, for the payer of its invoice or a reconciling official. */
export async function getReceipt(db: Db, id: string, principal: Principal): Promise<FeeReceipt> {
  const receipt = await findReceiptRow(db, id);
  if (!receipt) throw notFound('fee_receipt');
  const invoice = await findInvoiceRow(db, receipt.invoice_id);
  if (!invoice || !mayRead(principal, invoice.payer_account_id)) throw notFound('fee_receipt');
  return toReceipt(receipt);
}
