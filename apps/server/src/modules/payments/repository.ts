import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { notFound } from '../../platform/errors.ts';
import type { FeeInvoiceTable, FeeReceiptTable, InvoiceStatus, PaidOnline } from './tables.ts';
import './tables.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** A fee invoice as the module answers it (and as the onSettled hook receives it). */
export interface FeeInvoice {
  id: string;
  subject: { kind: string; id: string };
  payerAccountId: string | null;
  payerName: string;
  description: string;
  amountVnd: number;
  status: InvoiceStatus;
  createdAt: string;
  paidAt: string | null;
  provider: string | null;
  paidOnline: PaidOnline | null;
  receiptNo: string | null;
}

export interface FeeReceipt {
  id: string;
  receiptNo: string;
  invoiceId: string;
  amountVnd: number;
  payerName: string;
  content: string;
  provider: string | null;
  providerTxnId: string | null;
  paidOnline: PaidOnline | null;
  issuedAt: string;
}

export function toInvoice(row: Selectable<FeeInvoiceTable>): FeeInvoice {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    payerAccountId: row.payer_account_id,
    payerName: row.payer_name,
    description: row.description,
    amountVnd: row.amount_vnd,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    paidAt: row.paid_at?.toISOString() ?? null,
    provider: row.provider,
    paidOnline: row.paid_online,
    receiptNo: row.receipt_no,
  };
}

export function toReceipt(row: Selectable<FeeReceiptTable>): FeeReceipt {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    invoiceId: row.invoice_id,
    amountVnd: row.amount_vnd,
    payerName: row.payer_name,
    content: row.content,
    provider: row.provider,
    providerTxnId: row.provider_txn_id,
    paidOnline: row.paid_online,
    issuedAt: row.issued_at.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The invoice row, locked for the rest of the transaction when `forUpdate`. */
export async function findInvoiceRow(
  db: Reader,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Selectable<FeeInvoiceTable> | undefined> {
  if (!UUID.test(id)) return undefined;
  let query = db.selectFrom('fee_invoice').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function getInvoiceRow(
  db: Reader,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Selectable<FeeInvoiceTable>> {
  const row = await findInvoiceRow(db, id, options);
  if (!row) throw notFound('fee_invoice');
  return row;
}

export async function findReceiptRow(
  db: Reader,
  id: string,
): Promise<Selectable<FeeReceiptTable> | undefined> {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('fee_receipt').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The e-receipt of an invoice (one at most: it is issued when the invoice is paid). */
export async function findReceiptOfInvoice(db: Reader, invoiceId: string): Promise<FeeReceipt | undefined> {
  if (!UUID.test(invoiceId)) return undefined;
  const row = await db
    .selectFrom('fee_receipt')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  return row ? toReceipt(row) : undefined;
}
