import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  Ack,
  PaymentProvider,
  PaymentRequest,
  PaymentResult,
  Settlement,
  TransactionStatus,
  VerifiedCallback,
} from './provider.ts';
import type { PaidOnline } from './tables.ts';

/**
 * The adapter of the DVCQG payment platform (PayGov). Its full contract is not public: the field
 * names, result codes and acknowledgement below follow the common Vietnamese gateway pattern and MUST
 * be checked against the integration specification the platform gives the province with its merchant
 * code. What is fixed here and tested: every message is signed with HMAC-SHA256 (shared secret) over
 * the canonical string of its parameters, see canonicalString.
 */
export interface PaygovOptions {
  /** Mã đơn vị (merchant code) given by the platform. */
  merchantCode: string;
  /** The shared secret (checksum key) given by the platform. */
  secret: string;
  /** Base URL of the platform: `${gatewayUrl}/pay`, `/settlements`, `/transactions/:ref`. */
  gatewayUrl: string | (() => string);
  /** 1 for the DVCQG platform; 2 when the same protocol is spoken by a provincial gateway. */
  paidOnline?: PaidOnline;
  code?: string;
  fetch?: typeof fetch;
}

export const PAYGOV_VERSION = '2.0';
/** Result codes in the callback (`status`). */
export const PAYGOV_RESULT: Record<PaymentResult, string> = { success: '00', cancelled: '24', failed: '51' };
/** Codes of our acknowledgement (`code`) and their HTTP statuses. */
export const PAYGOV_ACK: Record<Ack, { code: string; message: string; statusCode: number }> = {
  ok: { code: '00', message: 'Confirm success', statusCode: 200 },
  already_settled: { code: '02', message: 'Order already confirmed', statusCode: 200 },
  unknown_order: { code: '01', message: 'Order not found', statusCode: 404 },
  amount_mismatch: { code: '04', message: 'Invalid amount', statusCode: 400 },
  bad_signature: { code: '97', message: 'Invalid signature', statusCode: 400 },
};

/**
 * The string that is signed: every parameter except `signature` and empty values, sorted by name
 * (code-unit order), each as `encodeURIComponent(name)=encodeURIComponent(value)`, joined by `&`.
 * Encoding the values keeps `a=1&b=2` and `a=1%26b%3D2` apart.
 */
export function canonicalString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'signature' && params[name] !== '' && params[name] !== undefined)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name] ?? '')}`)
    .join('&');
}

/** Lower-case hex HMAC-SHA256 of the canonical string. */
export function signParams(params: Readonly<Record<string, string>>, secret: string): string {
  return createHmac('sha256', secret).update(canonicalString(params), 'utf8').digest('hex');
}

export function hasValidSignature(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = params.signature;
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(
    Buffer.from(given.toLowerCase(), 'hex'),
    Buffer.from(signParams(params, secret), 'hex'),
  );
}

/** yyyyMMddHHmmss in Vietnam time, the usual timestamp of Vietnamese gateways. */
export function paygovTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const AMOUNT = /^[1-9]\d{0,11}$/;
const resultOf = (status: string): PaymentResult =>
  status === PAYGOV_RESULT.success ? 'success' : status === PAYGOV_RESULT.cancelled ? 'cancelled' : 'failed';

export function createPaygovProvider(options: PaygovOptions): PaymentProvider {
  const doFetch = options.fetch ?? fetch;
  const gatewayOf = () =>
    (typeof options.gatewayUrl === 'function' ? options.gatewayUrl() : options.gatewayUrl).replace(
      /\/+$/,
      '',
    );
  const signed = (params: Record<string, string>) => ({
    ...params,
    signature: signParams(params, options.secret),
  });

  async function getJson(path: string, query: Record<string, string>): Promise<unknown> {
    const url = `${gatewayOf()}${path}?${new URLSearchParams(signed({ merchant_code: options.merchantCode, ...query })).toString()}`;
    const response = await doFetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`PayGov ${path} answered ${response.status}`);
    const body = (await response.json()) as Record<string, string>;
    if (!hasValidSignature(body, options.secret))
      throw new Error(`PayGov ${path}: bad signature on the answer`);
    return JSON.parse(body.data ?? 'null') as unknown;
  }

  return {
    code: options.code ?? 'paygov',
    paidOnline: options.paidOnline ?? 1,

    paymentUrl(request: PaymentRequest): string {
      const params = signed({
        version: PAYGOV_VERSION,
        merchant_code: options.merchantCode,
        order_ref: request.orderRef,
        amount: String(request.amountVnd),
        currency: 'VND',
        order_info: request.description,
        return_url: request.returnUrl,
        ipn_url: request.ipnUrl,
        created_at: paygovTime(request.createdAt),
        locale: 'vi',
      });
      return `${gatewayOf()}/pay?${new URLSearchParams(params).toString()}`;
    },

    verifyCallback(params): VerifiedCallback | null {
      if (!hasValidSignature(params, options.secret)) return null;
      const { merchant_code, order_ref, amount, txn_id, status } = params;
      if (merchant_code !== options.merchantCode || !order_ref || !txn_id || !status) return null;
      if (!amount || !AMOUNT.test(amount)) return null;
      return {
        orderRef: order_ref,
        amountVnd: Number(amount),
        providerTxnId: txn_id,
        result: resultOf(status),
      };
    },

    orderRefOfReturn: (params) => params.order_ref ?? null,

    acknowledge(ack) {
      const { code, message, statusCode } = PAYGOV_ACK[ack];
      return { statusCode, body: { code, message } };
    },

    async queryTransaction(orderRef): Promise<TransactionStatus> {
      const data = (await getJson(`/transactions/${encodeURIComponent(orderRef)}`, {
        order_ref: orderRef,
      })) as { status?: string; amount?: string; txn_id?: string } | null;
      if (!data?.status)
        return { orderRef, found: false, result: null, amountVnd: null, providerTxnId: null };
      return {
        orderRef,
        found: true,
        result: resultOf(data.status),
        amountVnd: Number(data.amount),
        providerTxnId: data.txn_id ?? null,
      };
    },

    async fetchSettlements(day): Promise<Settlement[]> {
      const rows = (await getJson('/settlements', { date: day })) as {
        order_ref: string;
        txn_id: string;
        amount: string;
        paid_at: string;
      }[];
      return rows.map((row) => ({
        orderRef: row.order_ref,
        providerTxnId: row.txn_id,
        amountVnd: Number(row.amount),
        paidAt: row.paid_at,
      }));
    },
  };
}
