import type { Db } from '../../platform/db.ts';
import type { OutboxHandler } from '../../platform/outbox.ts';
import { enqueueStatus, type StatusToSend } from './status-outbox.ts';
import './tables.ts';

/** The topic the documents module writes at each stage of an incoming document. */
export const DOCUMENT_PROGRESS_TOPIC = 'document.progress';

export interface DocumentProgress {
  incomingDocumentId: string;
  stage: 'registered' | 'assigned' | 'in_progress' | 'done' | 'returned';
  at: string;
  actorName: string;
  note?: string;
}

/** Stage → edXML status code (vn-norms §2.3: 03 registered, 04 assigned, 05 in progress, 06 done, 02 returned). */
const CODES: Record<DocumentProgress['stage'], StatusToSend['code']> = {
  registered: '03',
  assigned: '04',
  in_progress: '05',
  done: '06',
  returned: '02',
};

/**
 * The handler of `document.progress`: when the incoming document came through the exchange, queue
 * the status message back to its sender (once per document and code); otherwise nothing.
 */
export function createProgressHandler(options: { db: Db }): OutboxHandler {
  const { db } = options;
  return async (payload) => {
    const progress = payload as DocumentProgress;
    const code = CODES[progress.stage] as StatusToSend['code'] | undefined;
    if (code === undefined) return;
    const inbound = await db
      .selectFrom('exchange_inbound as i')
      .innerJoin('agency as a', 'a.id', 'i.agency_id')
      .select(['i.id', 'i.sender_code', 'i.document_id', 'a.code', 'a.name'])
      .where('i.incoming_document_id', '=', progress.incomingDocumentId)
      .executeTakeFirst();
    if (!inbound) return;
    await db.transaction().execute((tx) =>
      enqueueStatus(
        tx,
        {
          fromCode: inbound.code,
          fromName: inbound.name,
          toCode: inbound.sender_code,
          documentId: inbound.document_id,
          code,
          ...(progress.note || code === '02' ? { description: progress.note ?? 'Văn bản bị trả lại' } : {}),
          staff: progress.actorName,
          at: progress.at,
        },
        `${inbound.id}:${code}`,
      ),
    );
  };
}
