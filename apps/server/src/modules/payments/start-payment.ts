import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor, Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { PaymentProvider } from './provider.ts';
import { findInvoiceRow } from './repository.ts';

/** A path of our own web app: one leading slash, no scheme or host, so never an open redirect. */
export const RETURN_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]{0,499}$/;

/** TS + yyMMdd + 12 hex: unique, and short enough for every gateway's order field. */
export function newOrderRef(now: Date = new Date()): string {
  return `TS${todayInVietnam(now).replace(/-/g, '').slice(2)}${randomBytes(6).toString('hex').toUpperCase()}`;
}

export interface StartPaymentInput {
  invoiceId: string;
  principal: Principal;
  provider: PaymentProvider;
  /** The web app's page the citizen returns to, e.g. /ho-so/<id>; gets ?payment=pending. */
  returnPath: string;
  /** Our public origin, for the platform's return and callback URLs. */
  publicBaseUrl: string;
  actor: Actor;
}

/**
 * A new payment attempt for the payer's own invoice: a fresh order reference, the signed URL of the
 * platform's page to redirect the browser to. Each start is a new attempt (the citizen may have
 * closed the platform's page); an attempt that is paid after another one was is flagged refund_due.
 */
export async function startPayment(
  tx: Transaction<DB>,
  input: StartPaymentInput,
): Promise<{ redirectUrl: string; orderRef: string }> {
  const invoice = await findInvoiceRow(tx, input.invoiceId, { forUpdate: true });
  if (!invoice || invoice.payer_account_id !== input.principal.accountId) throw notFound('fee_invoice');
  if (invoice.status !== 'open' && invoice.status !== 'pending') throw conflict('status', 'invalid');
  if (!RETURN_PATH.test(input.returnPath)) throw invalid('returnPath', 'invalid');
  const base = input.publicBaseUrl.replace(/\/+$/, '');
  const now = new Date();
  const orderRef = newOrderRef(now);
  const redirectUrl = input.provider.paymentUrl({
    orderRef,
    amountVnd: invoice.amount_vnd,
    description: invoice.description,
    returnUrl: `${base}/api/payments/return/${input.provider.code}`,
    ipnUrl: `${base}/api/payments/callback/${input.provider.code}`,
    createdAt: now,
  });
  await tx
    .insertInto('payment_attempt')
    .values({
      invoice_id: invoice.id,
      provider: input.provider.code,
      order_ref: orderRef,
      amount_vnd: invoice.amount_vnd,
      return_path: input.returnPath,
      redirect_url: redirectUrl,
    })
    .execute();
  await tx.updateTable('fee_invoice').set({ status: 'pending' }).where('id', '=', invoice.id).execute();
  await recordEvent(tx, input.actor, {
    type: 'fee_invoice.payment_started',
    entityType: 'fee_invoice',
    entityId: invoice.id,
    data: { provider: input.provider.code, orderRef, amountVnd: invoice.amount_vnd },
  });
  return { redirectUrl, orderRef };
}
