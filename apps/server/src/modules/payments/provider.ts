import type { PaidOnline } from './tables.ts';

/**
 * What the payments module needs from a payment platform (the DVCQG payment platform "PayGov", or a
 * provincial gateway). The flow is redirect-and-callback: we sign a payment request and send the
 * citizen's browser to the platform; the platform calls our IPN URL server-to-server with the signed
 * result; the browser comes back to our return URL, which proves nothing.
 */
export interface PaymentProvider {
  /** The adapter's code, also in URLs: /api/payments/callback/:code. */
  readonly code: string;
  /** DuocThanhToanTrucTuyen of a payment through this provider. */
  readonly paidOnline: PaidOnline;
  /** The signed URL of the platform's payment page for one order. */
  paymentUrl(request: PaymentRequest): string;
  /** The callback's content when its signature and fields are valid; null otherwise. */
  verifyCallback(params: Readonly<Record<string, string>>): VerifiedCallback | null;
  /** The order reference a browser return claims to be about (unverified: only to find the page). */
  orderRefOfReturn(params: Readonly<Record<string, string>>): string | null;
  /** The answer the platform expects to its callback, per outcome. */
  acknowledge(ack: Ack): { statusCode: number; body: Record<string, string> };
  /** Asks the platform what it knows of one order. */
  queryTransaction(orderRef: string): Promise<TransactionStatus>;
  /** The platform's settlement list (đối soát) of one day, Vietnam time. */
  fetchSettlements(day: string): Promise<Settlement[]>;
}

export interface PaymentRequest {
  orderRef: string;
  amountVnd: number;
  description: string;
  /** Our page the browser returns to: /api/payments/return/:code. */
  returnUrl: string;
  /** Our server-to-server callback: /api/payments/callback/:code. */
  ipnUrl: string;
  createdAt: Date;
}

export type PaymentResult = 'success' | 'failed' | 'cancelled';

export interface VerifiedCallback {
  orderRef: string;
  amountVnd: number;
  providerTxnId: string;
  result: PaymentResult;
}

/** What we answer to a callback; the adapter turns it into the platform's codes. */
export type Ack = 'ok' | 'bad_signature' | 'unknown_order' | 'amount_mismatch' | 'already_settled';
export const ACKS = ['ok', 'bad_signature', 'unknown_order', 'amount_mismatch', 'already_settled'] as const;

export interface TransactionStatus {
  orderRef: string;
  found: boolean;
  result: PaymentResult | null;
  amountVnd: number | null;
  providerTxnId: string | null;
}

export interface Settlement {
  orderRef: string;
  providerTxnId: string;
  amountVnd: number;
  paidAt: string;
}
