import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type InvoiceStatus = 'open' | 'pending' | 'paid' | 'cancelled';
export type AttemptStatus = 'redirected' | 'succeeded' | 'failed' | 'cancelled' | 'refund_due';
/** DuocThanhToanTrucTuyen of the DVCQG sync: 1 DVCQG payment platform, 2 provincial gateway. */
export type PaidOnline = 1 | 2;
export type CallbackOutcome =
  'accepted' | 'replayed' | 'bad_signature' | 'unknown_order' | 'amount_mismatch' | 'refund_due';

/** The payments tables (migration 0009), added to the platform's DB type by interface merging. */
export interface FeeInvoiceTable {
  id: Generated<string>;
  subject_kind: string;
  subject_id: string;
  payer_account_id: string | null;
  payer_name: string;
  description: string;
  amount_vnd: number;
  status: Generated<InvoiceStatus>;
  created_at: CreatedAt;
  paid_at: Date | null;
  cancelled_at: Date | null;
  provider: string | null;
  provider_txn_id: string | null;
  paid_online: PaidOnline | null;
  receipt_no: string | null;
}

export interface PaymentAttemptTable {
  id: Generated<string>;
  invoice_id: string;
  provider: string;
  order_ref: string;
  amount_vnd: number;
  return_path: string;
  redirect_url: string;
  status: Generated<AttemptStatus>;
  provider_txn_id: string | null;
  ack: string | null;
  callback: Json | null;
  callback_at: Date | null;
  created_at: CreatedAt;
}

export interface PaymentCallbackTable {
  id: Generated<number>;
  provider: string;
  order_ref: string | null;
  outcome: CallbackOutcome;
  params: Json;
  remote_ip: string | null;
  received_at: CreatedAt;
}

export interface FeeReceiptSeriesTable {
  year: number;
  last_seq: number;
}

export interface FeeReceiptTable {
  id: Generated<string>;
  receipt_no: string;
  year: number;
  seq: number;
  invoice_id: string;
  amount_vnd: number;
  payer_name: string;
  content: string;
  provider: string | null;
  provider_txn_id: string | null;
  paid_online: PaidOnline | null;
  issued_at: CreatedAt;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    fee_invoice: FeeInvoiceTable;
    payment_attempt: PaymentAttemptTable;
    payment_callback: PaymentCallbackTable;
    fee_receipt_series: FeeReceiptSeriesTable;
    fee_receipt: FeeReceiptTable;
  }
}
