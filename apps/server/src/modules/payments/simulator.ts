import { randomInt } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { acceptFormBodies } from './form-body.ts';
import { hasValidSignature, PAYGOV_RESULT, paygovTime, signParams } from './paygov.ts';
import type { PaymentResult } from './provider.ts';
import { CallbackParams } from './schemas.ts';

/**
 * A stand-in for the PayGov payment platform, for development, demos and tests: mount it at
 * /simulators/paygov only when simulators are enabled. It speaks the adapter's protocol (paygov.ts):
 * it checks the signed request, shows a payment page, sends the signed IPN to the service, sends the
 * browser back, and lists what it settled. Nothing here moves money; its memory is the process's.
 */
export interface PaygovSimulatorOptions {
  merchantCode: string;
  secret: string;
  fetch?: typeof fetch;
}

interface SimulatedTransaction {
  orderRef: string;
  txnId: string;
  amount: string;
  status: string;
  paidAt: Date;
}

const RESULTS = ['success', 'cancelled', 'failed'] as const satisfies readonly PaymentResult[];
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const vnd = (amount: string) => `${new Intl.NumberFormat('vi-VN').format(Number(amount))} ₫`;

function paymentPage(action: string, params: Record<string, string>): string {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thanh toán trực tuyến (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}
button{font-size:1rem;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0}</style></head>
<body>
  <main>
    <h1>Nền tảng thanh toán (mô phỏng)</h1>
    <p role="note">Đây là trang mô phỏng để thử nghiệm. Không có giao dịch thật nào được thực hiện.</p>
    <dl>
      <dt>Mã đơn hàng</dt><dd id="order-ref">${escapeHtml(params.order_ref ?? '')}</dd>
      <dt>Nội dung</dt><dd>${escapeHtml(params.order_info ?? '')}</dd>
      <dt>Số tiền</dt><dd id="amount">${escapeHtml(vnd(params.amount ?? '0'))}</dd>
    </dl>
    <form method="post" action="${escapeHtml(action)}">
      ${hidden}
      <button type="submit" name="result" value="success">Thanh toán thành công</button>
      <button type="submit" name="result" value="cancelled">Hủy</button>
      <button type="submit" name="result" value="failed">Thất bại</button>
    </form>
  </main>
</body>
</html>`;
}

export const paygovSimulator: FastifyPluginAsyncTypebox<PaygovSimulatorOptions> = async (app, options) => {
  const doFetch = options.fetch ?? fetch;
  const transactions = new Map<string, SimulatedTransaction>();
  const config = { access: 'public' as const };
  const schema = { hide: true, querystring: CallbackParams };
  acceptFormBodies(app);

  const checkRequest = (params: Record<string, string>) => {
    if (params.merchant_code !== options.merchantCode || !hasValidSignature(params, options.secret))
      throw new AppError('validation', { issues: [{ field: 'signature', key: 'invalid' }] });
  };
  const signed = (data: unknown) => {
    const body = { data: JSON.stringify(data) };
    return { ...body, signature: signParams(body, options.secret) };
  };

  app.get('/pay', { config, schema }, async (request, reply) => {
    checkRequest(request.query);
    const action = request.url.split('?')[0] ?? '/';
    return reply.type('text/html; charset=utf-8').send(paymentPage(action, request.query));
  });

  app.post('/pay', { config, schema: { hide: true, body: CallbackParams } }, async (request, reply) => {
    const { result, ...params } = request.body;
    checkRequest(params);
    const chosen = RESULTS.find((name) => name === result);
    if (!chosen) throw new AppError('validation', { issues: [{ field: 'result', key: 'invalid' }] });
    const paidAt = new Date();
    const txnId = `PG${paidAt.getTime()}${randomInt(1000, 9999)}`;
    const status = PAYGOV_RESULT[chosen];
    const ipn: Record<string, string> = {
      merchant_code: options.merchantCode,
      order_ref: params.order_ref ?? '',
      amount: params.amount ?? '',
      txn_id: txnId,
      status,
      bank_code: 'NCB',
      paid_at: paygovTime(paidAt),
    };
    ipn.signature = signParams(ipn, options.secret);
    if (chosen === 'success')
      transactions.set(ipn.order_ref ?? '', {
        orderRef: ipn.order_ref ?? '',
        txnId,
        amount: ipn.amount ?? '',
        status,
        paidAt,
      });
    try {
      const answer = await doFetch(params.ipn_url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ipn),
        signal: AbortSignal.timeout(10_000),
      });
      request.log.info({ status: answer.status, ack: await answer.text() }, 'simulated IPN answered');
    } catch (error) {
      // The real platform retries; the simulator only reports, and the reconciliation will show it.
      request.log.warn({ err: error }, 'simulated IPN failed');
    }
    const back = new URL(params.return_url ?? '');
    for (const [name, value] of Object.entries(ipn)) back.searchParams.set(name, value);
    return reply.redirect(back.toString(), 303);
  });

  app.get('/settlements', { config, schema }, async (request) => {
    checkRequest(request.query);
    const day = request.query.date ?? '';
    return signed(
      [...transactions.values()]
        .filter((txn) => todayInVietnam(txn.paidAt) === day)
        .map((txn) => ({
          order_ref: txn.orderRef,
          txn_id: txn.txnId,
          amount: txn.amount,
          paid_at: paygovTime(txn.paidAt),
        })),
    );
  });

  app.get(
    '/transactions/:orderRef',
    { config, schema: { ...schema, params: Type.Object({ orderRef: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      checkRequest(request.query);
      const txn = transactions.get(request.params.orderRef);
      return signed(txn ? { status: txn.status, amount: txn.amount, txn_id: txn.txnId } : null);
    },
  );
};
