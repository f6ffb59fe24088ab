/**
 * The receiver's side of an update (cập nhật, BussinessDocType 2; ADR 0027): the issuer corrected
 * the metadata it sent, and the registered copy takes the correction with a line of its history.
 */
import type { Transaction } from 'kysely';
import type { DocumentUrgency } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { applyIncoming } from './incoming-apply.ts';
import { notifyIssuerChange } from './incoming-notify.ts';
import './incoming-tables.ts';
import './recall-tables.ts';

export interface IssuerCorrection {
  summary?: string;
  urgency?: DocumentUrgency;
  /** The issuer's new hạn trả lời, and the one it replaces (null if there was none). */
  dueDate?: { from: string | null; to: string };
}

/**
 * Applies the issuer's correction to a registered document, in the caller's transaction: trích yếu
 * and độ khẩn as corrected; the deadline only if it was still the issuer's (the clerk or a leader
 * may have set one of their own, which stays: the history says so). A recalled document is left as
 * it is. Returns the fields changed.
 */
export async function applyIssuerCorrection(
  tx: Transaction<DB>,
  input: {
    incomingDocumentId: string;
    correction: IssuerCorrection;
    lines: string[];
    reason: string;
    documentId: string;
    actor: Actor;
    at: Date;
  },
): Promise<string[]> {
  const row = await tx
    .selectFrom('incoming_document')
    .select(['id', 'agency_id', 'status', 'deadline_on'])
    .where('id', '=', input.incomingDocumentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.status === 'recalled') return [];
  const { summary, urgency, dueDate } = input.correction;
  const deadlineFollows = dueDate !== undefined && (row.deadline_on ?? null) === dueDate.from;
  const fields = [
    ...(summary !== undefined ? ['summary'] : []),
    ...(urgency !== undefined ? ['urgency'] : []),
    ...(deadlineFollows ? ['deadlineOn'] : []),
  ];
  const kept =
    dueDate !== undefined && !deadlineFollows
      ? [`Hạn xử lý của cơ quan giữ nguyên: ${row.deadline_on ?? '—'}`]
      : [];
  await applyIncoming(tx, row.id, row.agency_id, {
    action: 'update',
    from: row.status,
    to: row.status,
    actor: input.actor,
    at: input.at,
    note: `${[...input.lines, ...kept].join('; ')}. Lý do: ${input.reason}`.slice(0, 2000),
    patch: {
      ...(summary !== undefined ? { summary } : {}),
      ...(urgency !== undefined ? { urgency } : {}),
      ...(deadlineFollows ? { deadline_on: dueDate.to } : {}),
    },
    detail: { documentId: input.documentId, fields },
  });
  await notifyIssuerChange(tx, {
    documentId: row.id,
    template: 'document.incoming.updated',
    params: { reason: input.reason, changes: [...input.lines, ...kept].join('; ') },
  });
  return fields;
}
