import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import { systemActor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { createInvoice } from '../payments/create-invoice.ts';
import type { FeeInvoice } from '../payments/repository.ts';
import { notifyApplicant, paymentRequested, paymentSettled } from './notices.ts';
import { lockDossier, type LoadedDossier } from './repository.ts';
import { applyTransition } from './transition.ts';

/**
 * The fee invoice of a dossier being received, when its fee is not zero (a free or exempted dossier
 * gets none, so that indicator 3.6 counts it out). The applicant can then pay online or at the desk.
 * The receipt's own change links it (`invoicePatch`), so the dossier row is written once.
 */
export async function issueFeeInvoice(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  actor: Actor,
): Promise<FeeInvoice | null> {
  const { row } = loaded;
  if (row.fee_amount <= 0 || row.invoice_id !== null) return null;
  return createInvoice(
    tx,
    {
      subject: { kind: 'dossier', id: row.id },
      payerAccountId: row.applicant_account_id,
      payerName: row.applicant_name,
      description: `Phí, lệ phí hồ sơ ${row.code ?? ''}: ${loaded.procedure.content.name}`.slice(0, 500),
      amountVnd: row.fee_amount,
    },
    actor,
  );
}

export const invoicePatch = (invoice: FeeInvoice | null) =>
  invoice ? { invoice_id: invoice.id, payment_status: 'due' as const } : {};

/** Tells the applicant what to pay and how, after the change that issued the invoice. */
export async function askForFee(tx: Transaction<DB>, loaded: LoadedDossier, invoice: FeeInvoice | null) {
  if (invoice) await notifyApplicant(tx, loaded, paymentRequested(loaded.row.code ?? '', invoice));
}

/**
 * Given to the payments module: the dossier's payment status follows its invoice, in the same
 * transaction. The `pay` event names the officer who took cash at the desk, else the platform.
 */
export async function settleDossierFee(
  tx: Transaction<DB>,
  invoice: FeeInvoice,
  actor: Actor = systemActor('payments'),
): Promise<void> {
  if (invoice.subject.kind !== 'dossier') return;
  const loaded: LoadedDossier = await lockDossier(tx, invoice.subject.id);
  if (loaded.row.payment_status === 'paid') return;
  await applyTransition(tx, loaded, {
    action: 'pay',
    to: loaded.row.status,
    actor,
    at: new Date(),
    note: invoice.receiptNo,
    data: { invoiceId: invoice.id, paidOnline: invoice.paidOnline, amount: invoice.amountVnd },
    patch: { payment_status: 'paid' },
  });
  await notifyApplicant(tx, loaded, paymentSettled(loaded.row.code ?? '', invoice));
}
