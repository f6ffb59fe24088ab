import type { Selectable, Transaction } from 'kysely';
import { systemActor, type Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Ack, PaymentProvider, VerifiedCallback } from './provider.ts';
import { ACKS } from './provider.ts';
import { getInvoiceRow } from './repository.ts';
import { settleInvoice, type OnSettled } from './settle-invoice.ts';
import type { AttemptStatus, CallbackOutcome, PaymentAttemptTable } from './tables.ts';

export interface HandleCallbackInput {
  provider: PaymentProvider;
  params: Readonly<Record<string, string>>;
  remoteIp: string | null;
  correlationId: string | null;
  onSettled: OnSettled;
}

const isAck = (value: string | null): value is Ack => ACKS.some((ack) => ack === value);

async function logCallback(
  tx: Transaction<DB>,
  input: HandleCallbackInput,
  orderRef: string | null,
  outcome: CallbackOutcome,
): Promise<void> {
  await tx
    .insertInto('payment_callback')
    .values({
      provider: input.provider.code,
      order_ref: orderRef,
      outcome,
      params: JSON.stringify(input.params),
      remote_ip: input.remoteIp,
    })
    .execute();
}

/** A refused callback: logged for reconciliation and recorded as a security event; nothing else changes. */
async function refuse(
  tx: Transaction<DB>,
  input: HandleCallbackInput,
  actor: Actor,
  orderRef: string | null,
  reason: 'bad_signature' | 'unknown_order' | 'amount_mismatch',
): Promise<Ack> {
  await logCallback(tx, input, orderRef, reason);
  await recordEvent(tx, actor, {
    type: 'payment.callback_refused',
    entityType: 'payment_callback',
    entityId: orderRef ?? 'unknown',
    data: { provider: input.provider.code, orderRef, reason, ip: input.remoteIp },
  });
  return reason;
}

/**
 * The platform's server-to-server callback (IPN). Trusts nothing that is not signed; checks the order
 * and the amount against our attempt; then, in one transaction with the attempt row locked, settles
 * the invoice (receipt, audit, onSettled). A replay, sequential or concurrent, finds the attempt
 * already answered and gets the same acknowledgement without acting again.
 */
export async function handleCallback(db: Db, input: HandleCallbackInput): Promise<Ack> {
  const actor: Actor = {
    ...systemActor(`payment platform ${input.provider.code}`),
    correlationId: input.correlationId,
  };
  const verified = input.provider.verifyCallback(input.params);
  if (!verified) {
    const claimed = input.provider.orderRefOfReturn(input.params)?.slice(0, 100) ?? null;
    return db.transaction().execute((tx) => refuse(tx, input, actor, claimed, 'bad_signature'));
  }
  return applyVerifiedResult(db, input, verified);
}

/**
 * Applies a result the provider vouched for (a verified callback, or the signed answer to a status
 * query): refused if the order or the amount is not ours, answered again if already applied.
 */
export async function applyVerifiedResult(
  db: Db,
  input: HandleCallbackInput,
  verified: VerifiedCallback,
): Promise<Ack> {
  const actor: Actor = {
    ...systemActor(`payment platform ${input.provider.code}`),
    correlationId: input.correlationId,
  };
  return db.transaction().execute(async (tx) => {
    const attempt = await tx
      .selectFrom('payment_attempt')
      .selectAll()
      .where('order_ref', '=', verified.orderRef)
      .where('provider', '=', input.provider.code)
      .forUpdate()
      .executeTakeFirst();
    if (!attempt) return refuse(tx, input, actor, verified.orderRef, 'unknown_order');
    if (attempt.amount_vnd !== verified.amountVnd)
      return refuse(tx, input, actor, verified.orderRef, 'amount_mismatch');
    if (
      attempt.status === 'succeeded' ||
      attempt.status === 'refund_due' ||
      (attempt.ack && verified.result !== 'success')
    ) {
      await logCallback(tx, input, verified.orderRef, 'replayed');
      return isAck(attempt.ack) ? attempt.ack : 'ok';
    }
    return applyResult(tx, input, actor, attempt, verified);
  });
}

async function applyResult(
  tx: Transaction<DB>,
  input: HandleCallbackInput,
  actor: Actor,
  attempt: Selectable<PaymentAttemptTable>,
  verified: VerifiedCallback,
): Promise<Ack> {
  const invoice = await getInvoiceRow(tx, attempt.invoice_id, { forUpdate: true });
  let status: AttemptStatus;
  let ack: Ack = 'ok';
  if (verified.result !== 'success') {
    status = verified.result;
    const stillPending = await tx
      .selectFrom('payment_attempt')
      .select('id')
      .where('invoice_id', '=', invoice.id)
      .where('status', '=', 'redirected')
      .where('id', '!=', attempt.id)
      .executeTakeFirst();
    if (invoice.status === 'pending' && !stillPending)
      await tx.updateTable('fee_invoice').set({ status: 'open' }).where('id', '=', invoice.id).execute();
    await recordEvent(tx, actor, {
      type: 'fee_invoice.payment_failed',
      entityType: 'fee_invoice',
      entityId: invoice.id,
      data: { provider: input.provider.code, orderRef: attempt.order_ref, result: verified.result },
    });
  } else if (invoice.status === 'open' || invoice.status === 'pending') {
    status = 'succeeded';
    await settleInvoice(tx, {
      invoice,
      paidBy: {
        provider: input.provider.code,
        providerTxnId: verified.providerTxnId,
        paidOnline: input.provider.paidOnline,
      },
      actor,
      onSettled: input.onSettled,
    });
  } else {
    // Paid through another attempt or at the counter, or cancelled: the money must go back.
    status = 'refund_due';
    ack = 'already_settled';
    await recordEvent(tx, actor, {
      type: 'fee_invoice.refund_due',
      entityType: 'fee_invoice',
      entityId: invoice.id,
      data: {
        provider: input.provider.code,
        orderRef: attempt.order_ref,
        providerTxnId: verified.providerTxnId,
        amountVnd: verified.amountVnd,
        invoiceStatus: invoice.status,
      },
    });
  }
  await tx
    .updateTable('payment_attempt')
    .set({
      status,
      ack,
      provider_txn_id: verified.providerTxnId,
      callback: JSON.stringify(input.params),
      callback_at: new Date(),
    })
    .where('id', '=', attempt.id)
    .execute();
  await logCallback(tx, input, attempt.order_ref, status === 'refund_due' ? 'refund_due' : 'accepted');
  return ack;
}
