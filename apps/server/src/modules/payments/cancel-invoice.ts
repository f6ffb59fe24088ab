import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getInvoiceRow, toInvoice, type FeeInvoice } from './repository.ts';

/**
 * Cancels an unpaid invoice (the dossier was withdrawn, refused or its fee changed). A paid invoice
 * cannot be cancelled: that is a refund, outside this module. A payment that arrives later for a
 * cancelled invoice is recorded as refund_due, never as paid.
 */
export async function cancelInvoice(
  tx: Transaction<DB>,
  input: { invoiceId: string; reason: string; actor: Actor },
): Promise<FeeInvoice> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 500) throw invalid('reason', 'maxLength', { limit: 500 });
  const invoice = await getInvoiceRow(tx, input.invoiceId, { forUpdate: true });
  if (invoice.status !== 'open' && invoice.status !== 'pending') throw conflict('status', 'invalid');
  const cancelled = await tx
    .updateTable('fee_invoice')
    .set({ status: 'cancelled', cancelled_at: new Date() })
    .where('id', '=', invoice.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, input.actor, {
    type: 'fee_invoice.cancelled',
    entityType: 'fee_invoice',
    entityId: invoice.id,
    data: { reason },
  });
  return toInvoice(cancelled);
}
