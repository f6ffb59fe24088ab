import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { toInvoice, type FeeInvoice } from './repository.ts';

export interface CreateInvoiceInput {
  /** What the fee is for, e.g. { kind: 'dossier', id: <dossier id> }. */
  subject: { kind: string; id: string };
  /** The citizen account that may pay online and see the invoice; null for a payer without an account. */
  payerAccountId: string | null;
  payerName: string;
  description: string;
  amountVnd: number;
}

const SUBJECT_KIND = /^[a-z_]{1,40}$/;
const MAX_AMOUNT_VND = 2_000_000_000;

/**
 * A new open invoice, inside the caller's transaction (the dossier module creates it with the dossier
 * or when it asks for the fee). The amount must be positive: a procedure without a fee, or with every
 * fee at 0, gets no invoice at all, so that KPI 3.6 counts it out as F766 says.
 */
export async function createInvoice(
  tx: Transaction<DB>,
  input: CreateInvoiceInput,
  actor: Actor,
): Promise<FeeInvoice> {
  if (!Number.isSafeInteger(input.amountVnd) || input.amountVnd < 1)
    throw invalid('amountVnd', 'minimum', { limit: 1 });
  if (input.amountVnd > MAX_AMOUNT_VND) throw invalid('amountVnd', 'maximum', { limit: MAX_AMOUNT_VND });
  if (!SUBJECT_KIND.test(input.subject.kind)) throw invalid('subject.kind', 'invalid');
  const payerName = input.payerName.trim();
  const description = input.description.trim();
  if (payerName.length < 1 || payerName.length > 200) throw invalid('payerName', 'maxLength', { limit: 200 });
  if (description.length < 1 || description.length > 500)
    throw invalid('description', 'maxLength', { limit: 500 });
  const row = await tx
    .insertInto('fee_invoice')
    .values({
      subject_kind: input.subject.kind,
      subject_id: input.subject.id,
      payer_account_id: input.payerAccountId,
      payer_name: payerName,
      description,
      amount_vnd: input.amountVnd,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'fee_invoice.created',
    entityType: 'fee_invoice',
    entityId: row.id,
    data: { subjectKind: row.subject_kind, subjectId: row.subject_id, amountVnd: row.amount_vnd },
  });
  return toInvoice(row);
}
