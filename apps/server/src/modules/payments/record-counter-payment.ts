import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict } from '../../platform/errors.ts';
import type { FeeInvoice } from './repository.ts';
import { getInvoiceRow } from './repository.ts';
import { settleInvoice, type OnSettled } from './settle-invoice.ts';

/**
 * Cash (or card) taken at the one-stop desk by an officer: the invoice is paid with no provider and
 * paid_online null, and gets its e-receipt. The dossier module calls this from its own counter route
 * (permission dossier.receive), in its transaction, and passes its own onSettled.
 */
export async function recordCounterPayment(
  tx: Transaction<DB>,
  input: { invoiceId: string; officer: Actor; onSettled: OnSettled },
): Promise<FeeInvoice> {
  const invoice = await getInvoiceRow(tx, input.invoiceId, { forUpdate: true });
  if (invoice.status !== 'open' && invoice.status !== 'pending') throw conflict('status', 'invalid');
  return settleInvoice(tx, {
    invoice,
    paidBy: { provider: null, providerTxnId: null, paidOnline: null },
    actor: input.officer,
    onSettled: input.onSettled,
  });
}
