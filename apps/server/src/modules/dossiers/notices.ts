import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { notify } from '../notifications/notify.ts';
import type { FeeInvoice } from '../payments/repository.ts';
import type { LoadedDossier } from './repository.ts';

/** dd/mm/yyyy in Vietnam, as the forms and messages print a date. */
export const vietnameseDate = (at: Date): string => todayInVietnam(at).split('-').reverse().join('/');

const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

/** What the applicant is told about a transition, or nothing (internal hand-overs). */
export function noticeOf(
  action: string,
  loaded: LoadedDossier,
  after: { code: string | null; dueAt: Date | null; note: string | null },
): { template: string; params: Record<string, string> } | null {
  const code = after.code ?? '';
  switch (action) {
    case 'submit':
      return { template: 'dossier.submitted', params: { code, procedure: loaded.procedure.content.name } };
    case 'receive':
      return {
        template: 'dossier.received',
        params: { code, dueDate: after.dueAt ? vietnameseDate(after.dueAt) : '—' },
      };
    case 'request_supplement':
      return { template: 'dossier.supplement_requested', params: { code, items: after.note ?? '' } };
    case 'refuse':
      return { template: 'dossier.refused', params: { code, reasons: after.note ?? '' } };
    case 'apologise':
      return {
        template: 'dossier.apology',
        params: { code, newDueDate: after.dueAt ? vietnameseDate(after.dueAt) : '—' },
      };
    case 'resolve':
      return { template: 'dossier.resolved', params: { code } };
    case 'return':
      return { template: 'dossier.returned', params: { code } };
    case 'stop':
      return { template: 'dossier.stopped', params: { code, reason: after.note ?? '' } };
    case 'withdraw':
      return { template: 'dossier.withdrawn', params: { code } };
    default:
      return null;
  }
}

/** Tells the applicant: in the portal if they have an account, and at the e-mail and phone they gave. */
export async function notifyApplicant(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  notice: { template: string; params: Record<string, string> },
): Promise<void> {
  const { row } = loaded;
  await notify(tx, {
    accountId: row.applicant_account_id,
    email: row.applicant.email ?? null,
    phone: row.applicant.phone ?? null,
    language: 'vi',
    template: notice.template,
    params: notice.params,
    entity: { kind: 'dossier', id: row.id },
  });
}

export const paymentRequested = (code: string, invoice: FeeInvoice) => ({
  template: 'payment.requested',
  params: { code, amount: vnd(invoice.amountVnd) },
});

export const paymentSettled = (code: string, invoice: FeeInvoice) => ({
  template: 'payment.settled',
  params: { code, amount: vnd(invoice.amountVnd) },
});
