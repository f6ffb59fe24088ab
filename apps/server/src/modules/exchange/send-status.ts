import type { Db } from '../../platform/db.ts';
import type { OutboxHandler } from '../../platform/outbox.ts';
import { findRoute } from './directory.ts';
import { buildEdxmlStatus, toVietnamTimestamp } from './edxml/index.ts';
import type { StatusToSend } from './status-outbox.ts';
import type { Transports } from './transports.ts';

/** The outbox handler of `exchange.status`: builds the status message and sends it by the sender's route. */
export function createStatusHandler(options: { db: Db; transports: Transports }): OutboxHandler {
  return async (payload) => {
    const status = payload as StatusToSend;
    const route = await findRoute(options.db, status.toCode);
    if (!route) throw new Error(`no route to ${status.toCode} in the agency-code directory`);
    const xml = buildEdxmlStatus({
      responseFor: { organId: status.toCode, documentId: status.documentId },
      from: { organId: status.fromCode, organName: status.fromName },
      statusCode: status.code,
      ...(status.description ? { description: status.description } : {}),
      ...(status.staff ? { staffInfo: { staff: status.staff } } : {}),
      timestamp: toVietnamTimestamp(new Date(status.at)),
    });
    await options.transports.deliver(route, new TextEncoder().encode(xml), 'status');
  };
}
