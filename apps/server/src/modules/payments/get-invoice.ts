import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { hasPermission } from '../../platform/guard.ts';
import { findInvoiceRow, toInvoice, type FeeInvoice } from './repository.ts';

/** The payer, and officials who reconcile payments, may read; anyone else learns nothing (404). */
export const mayRead = (principal: Principal, payerAccountId: string | null) =>
  payerAccountId === principal.accountId || hasPermission(principal, 'payment.reconcile');

/** An invoice as its payer or a reconciling official sees it. */
export async function getInvoice(
  db: Db,
  id: string,
  principal: Principal,
): Promise<FeeInvoice & { receiptId: string | null }> {
  const row = await findInvoiceRow(db, id);
  if (!row || !mayRead(principal, row.payer_account_id)) throw notFound('fee_invoice');
  const receipt = await db
    .selectFrom('fee_receipt')
    .select('id')
    .where('invoice_id', '=', row.id)
    .executeTakeFirst();
  return { ...toInvoice(row), receiptId: receipt?.id ?? null };
}
