import type { Db } from '../../platform/db.ts';
import { systemActor } from '../../platform/access.ts';
import { recordEvent } from '../audit/record-event.ts';
import './audit-events.ts';
import type { EdxmlStatus } from './edxml/index.ts';
import './tables.ts';

const RECALL_CODES = ['13', '15', '16'];

export type StatusOutcome = 'applied' | 'duplicate' | 'unknown_document';

/**
 * A status message reported by a recipient about a document this server sent: kept once (by
 * recipient, code and time) and, when it is the newest, shown as the recipient's latest status.
 */
export async function applyStatus(db: Db, status: EdxmlStatus): Promise<StatusOutcome> {
  return db.transaction().execute(async (tx) => {
    const outbound = await tx
      .selectFrom('exchange_outbound as o')
      .innerJoin('exchange_package as p', 'p.id', 'o.package_id')
      .innerJoin('agency as a', 'a.id', 'p.agency_id')
      .select(['o.id', 'o.status_at', 'p.agency_id', 'p.document_id'])
      .where('a.code', '=', status.responseFor.organId)
      .where('p.document_id', '=', status.responseFor.documentId)
      .where('o.recipient_code', '=', status.from.organId)
      // The recall handshake (13, 15, 16) answers the revocation; every other code the document itself,
      // never one of its updates (ADR 0027), which no status answers.
      .where(
        'p.business_type',
        'in',
        RECALL_CODES.includes(status.statusCode) ? ['revocation'] : ['new', 'replacement'],
      )
      .orderBy('p.created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!outbound) return 'unknown_document';
    const reportedAt = new Date(status.timestamp);
    const inserted = await tx
      .insertInto('exchange_outbound_status')
      .values({
        outbound_id: outbound.id,
        code: status.statusCode,
        description: status.description ?? null,
        staff: status.staffInfo?.staff ?? null,
        reported_at: reportedAt,
      })
      .onConflict((conflict) => conflict.columns(['outbound_id', 'code', 'reported_at']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    // Statuses may arrive out of order (retries): the latest by the recipient's clock wins; a tie
    // goes to the later code (03 registered after 01 arrived in the same second).
    await tx
      .updateTable('exchange_outbound')
      .set({
        status_code: status.statusCode,
        status_description: status.description ?? null,
        status_at: reportedAt,
      })
      .where('id', '=', outbound.id)
      .where((eb) =>
        eb.or([
          eb('status_at', 'is', null),
          eb('status_at', '<', reportedAt),
          eb.and([eb('status_at', '=', reportedAt), eb('status_code', '<', status.statusCode)]),
        ]),
      )
      .execute();
    await recordEvent(tx, systemActor('exchange'), {
      type: 'exchange.status_received',
      entityType: 'exchange_outbound',
      entityId: outbound.id,
      agencyId: outbound.agency_id,
      data: { documentId: outbound.document_id, recipientCode: status.from.organId, code: status.statusCode },
    });
    return 'applied';
  });
}
