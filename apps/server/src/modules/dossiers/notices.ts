import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { todayInVietnam } from '../../platform/time.ts';
import {
  findChannelPreferences,
  type ChannelPreferencesAnswer,
  type ChoosableChannel,
} from '../notifications/channel-preferences.ts';
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

/** An applicant's channels, read once per transaction: a command may tell them twice (outcome, fee). */
const readPreferences = new WeakMap<Transaction<DB>, Map<string, Promise<ChannelPreferencesAnswer>>>();

function preferencesOf(tx: Transaction<DB>, accountId: string): Promise<ChannelPreferencesAnswer> {
  let read = readPreferences.get(tx);
  if (!read) readPreferences.set(tx, (read = new Map<string, Promise<ChannelPreferencesAnswer>>()));
  let answer = read.get(accountId);
  if (!answer) read.set(accountId, (answer = findChannelPreferences(tx, accountId)));
  return answer;
}

/**
 * Tells the applicant: in the portal if they have an account, and on the channels they chose in
 * their account (e-mail and SMS until they choose; Zalo at the number they use on Zalo, else the
 * dossier's phone). Someone without an account is told at the e-mail and phone on the dossier.
 */
export async function notifyApplicant(
  tx: Transaction<DB>,
  loaded: LoadedDossier,
  notice: { template: string; params: Record<string, string> },
): Promise<void> {
  const { row } = loaded;
  const chosen = row.applicant_account_id ? await preferencesOf(tx, row.applicant_account_id) : null;
  const wants = (channel: ChoosableChannel) =>
    chosen ? chosen.channels.includes(channel) : channel !== 'zalo';
  const phone = row.applicant.phone ?? null;
  await notify(tx, {
    accountId: row.applicant_account_id,
    email: wants('email') ? (row.applicant.email ?? null) : null,
    phone: wants('sms') ? phone : null,
    zaloId: wants('zalo') ? (chosen?.zaloPhone ?? phone ?? chosen?.accountPhone ?? null) : null,
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
