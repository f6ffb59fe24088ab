/**
 * The receiver's side of a recall (thu hồi) and of a replacement (thay thế): the exchange module
 * calls these when a revocation or a replacement from the issuer arrives (ADR 0023, R-DOC-11).
 */
import type { Transaction } from 'kysely';
import type { IncomingStatus } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { applyIncoming } from './incoming-apply.ts';
import { notifyIssuerChange } from './incoming-notify.ts';
import './incoming-tables.ts';
import './recall-tables.ts';
import { INCOMING_SCAN_KIND } from './register-incoming.ts';

export interface IncomingRecallInput {
  incomingDocumentId: string;
  reason: string;
  /** The edXML DocumentId the issuer recalled, kept in the history line. */
  documentId: string;
  actor: Actor;
  at: Date;
}

/**
 * Destroys the receiver's copy and records the recall, in the caller's transaction: the scan (the
 * received PDF) is deleted with its bytes, the extracted text is dropped, handling stops (status
 * `recalled`, no step allowed any more, out of "my documents" and the overdue list). The register
 * line, the handling history and the recall's date and reason stay, so the register shows that the
 * document existed and was recalled. A document recalled already is left as it is.
 */
export async function recallIncoming(
  tx: Transaction<DB>,
  input: IncomingRecallInput,
): Promise<{ recalled: boolean; previousStatus: IncomingStatus }> {
  const row = await tx
    .selectFrom('incoming_document')
    .select(['id', 'agency_id', 'status', 'scan_file_id'])
    .where('id', '=', input.incomingDocumentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.status === 'recalled') return { recalled: false, previousStatus: row.status };
  await applyIncoming(tx, row.id, row.agency_id, {
    action: 'recall',
    from: row.status,
    to: 'recalled',
    actor: input.actor,
    at: input.at,
    note: input.reason,
    patch: {
      recalled_at: input.at,
      recall_reason: input.reason,
      scan_file_id: null,
      body_text: null,
    },
    detail: { documentId: input.documentId, scanDeleted: row.scan_file_id !== null },
  });
  // The copy itself: the files module's row of the scan goes with its bytes (not merely detached,
  // which would keep them until the purge of unattached files).
  if (row.scan_file_id !== null)
    await tx
      .deleteFrom('stored_file')
      .where('id', '=', row.scan_file_id)
      .where('attached_kind', '=', INCOMING_SCAN_KIND)
      .execute();
  await notifyIssuerChange(tx, {
    documentId: row.id,
    template: 'document.incoming.recalled',
    params: { reason: input.reason },
  });
  return { recalled: true, previousStatus: row.status };
}

/**
 * Marks a received document as replaced by another of the same issuer (BussinessDocType 3): a line
 * of its history and the reference of the new document; the old one is not destroyed and its
 * handling is not stopped (the issuer did not recall it), the page shows the link.
 */
export async function markIncomingReplaced(
  tx: Transaction<DB>,
  input: { incomingDocumentId: string; reference: string; actor: Actor; at: Date },
): Promise<void> {
  const row = await tx
    .selectFrom('incoming_document')
    .select(['id', 'agency_id', 'status', 'replaced_by_reference'])
    .where('id', '=', input.incomingDocumentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.replaced_by_reference === input.reference) return;
  await applyIncoming(tx, row.id, row.agency_id, {
    action: 'replace',
    from: row.status,
    to: row.status,
    actor: input.actor,
    at: input.at,
    note: `Được thay thế bởi ${input.reference}`.slice(0, 2000),
    patch: { replaced_at: input.at, replaced_by_reference: input.reference },
    detail: { replacedBy: input.reference },
  });
}

/** Once the replacing document is registered here, the replaced one points to it. */
export async function linkReplacement(
  tx: Transaction<DB>,
  input: { replacedId: string; replacingId: string },
): Promise<void> {
  await tx
    .updateTable('incoming_document')
    .set({ replaced_by_id: input.replacingId })
    .where('id', '=', input.replacedId)
    .execute();
}
