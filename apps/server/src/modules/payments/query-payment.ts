import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { getInvoice } from './get-invoice.ts';
import { applyVerifiedResult } from './handle-callback.ts';
import type { PaymentProvider } from './provider.ts';
import type { OnSettled } from './settle-invoice.ts';

/**
 * Asks the platform about each attempt of the invoice that got no callback yet (a lost IPN, a
 * platform that was slow) and applies what the platform's signed answer says, exactly as a callback
 * would be applied. The page that polls the invoice calls it after a while; so can an official.
 */
export async function queryPayment(
  db: Db,
  input: {
    invoiceId: string;
    principal: Principal;
    providers: readonly PaymentProvider[];
    onSettled: OnSettled;
    correlationId: string | null;
  },
) {
  await getInvoice(db, input.invoiceId, input.principal);
  const attempts = await db
    .selectFrom('payment_attempt')
    .select(['order_ref', 'provider'])
    .where('invoice_id', '=', input.invoiceId)
    .where('status', '=', 'redirected')
    .orderBy('created_at')
    .execute();
  for (const attempt of attempts) {
    const provider = input.providers.find((candidate) => candidate.code === attempt.provider);
    if (!provider) continue;
    const answer = await provider.queryTransaction(attempt.order_ref);
    if (!answer.found || !answer.result || answer.amountVnd === null || !answer.providerTxnId) continue;
    await applyVerifiedResult(
      db,
      {
        provider,
        params: {
          via: 'query',
          order_ref: answer.orderRef,
          txn_id: answer.providerTxnId,
          result: answer.result,
        },
        remoteIp: null,
        correlationId: input.correlationId,
        onSettled: input.onSettled,
      },
      {
        orderRef: attempt.order_ref,
        amountVnd: answer.amountVnd,
        providerTxnId: answer.providerTxnId,
        result: answer.result,
      },
    );
  }
  return getInvoice(db, input.invoiceId, input.principal);
}
