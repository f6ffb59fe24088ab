import type { Transaction, Updateable } from 'kysely';
import type { IncomingAction, IncomingStatus } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { enqueue } from '../../platform/outbox.ts';
import { recordEvent } from '../audit/record-event.ts';
import './audit-events.ts';
import './incoming-tables.ts';
import { PROGRESS_STAGE } from './incoming-workflow.ts';
import type { IncomingDocumentTable } from './tables.ts';

/** The outbox topic on which the exchange module reports each stage back to the sender (edXML status). */
export const DOCUMENT_PROGRESS_TOPIC = 'document.progress';

export type ProgressStage = NonNullable<(typeof PROGRESS_STAGE)[IncomingAction]>;

export interface DocumentProgress {
  incomingDocumentId: string;
  stage: ProgressStage;
  at: string;
  actorName: string;
  note?: string;
}

export interface IncomingChange {
  action: IncomingAction;
  from: IncomingStatus | null;
  to: IncomingStatus;
  actor: Actor;
  at: Date;
  note?: string | null;
  patch?: Updateable<IncomingDocumentTable>;
  /** What the history and the audit event keep besides the note (who was assigned, the reply …). */
  detail?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Writes one step of a document's handling in the caller's transaction: the row's new status, the
 * line of its history, the audit event, and, at the stages the sender is told of (registered,
 * assigned, in progress, done, returned), the outbox message `document.progress`, once per stage.
 */
export async function applyIncoming(
  tx: Transaction<DB>,
  documentId: string,
  agencyId: string,
  change: IncomingChange,
): Promise<void> {
  const note = change.note ?? null;
  if (change.action !== 'register') {
    await tx
      .updateTable('incoming_document')
      .set({ ...change.patch, status: change.to, updated_at: change.at })
      .where('id', '=', documentId)
      .execute();
  }
  await tx
    .insertInto('incoming_action')
    .values({
      document_id: documentId,
      at: change.at,
      action: change.action,
      from_status: change.from,
      to_status: change.to,
      actor_account_id: change.actor.accountId,
      actor_label: change.actor.label,
      note,
      data: JSON.stringify(change.detail ?? {}),
    })
    .execute();
  if (change.action !== 'register') {
    await recordEvent(tx, change.actor, {
      type: 'document.incoming_handled',
      entityType: 'incoming_document',
      entityId: documentId,
      agencyId,
      data: {
        action: change.action,
        from: change.from ?? 'registered',
        to: change.to,
        note,
        ...(change.detail ? { detail: change.detail } : {}),
      },
    });
  }
  const stage = PROGRESS_STAGE[change.action];
  if (stage) {
    const payload: DocumentProgress = {
      incomingDocumentId: documentId,
      stage,
      at: change.at.toISOString(),
      actorName: change.actor.label,
      ...(note ? { note } : {}),
    };
    await enqueue(tx, DOCUMENT_PROGRESS_TOPIC, payload, {
      dedupeKey: `${DOCUMENT_PROGRESS_TOPIC}:${documentId}:${stage}`,
    });
  }
}
