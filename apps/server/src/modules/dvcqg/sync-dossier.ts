import type { Db } from '../../platform/db.ts';
import type { OutboxHandler, OutboxLogger } from '../../platform/outbox.ts';
import { setSyncStatus } from '../dossiers/import-dossier.ts';
import { buildStatusDocument } from './build-payload.ts';
import type { PortalAnswer, PortalClient } from './portal-client.ts';
import { readSnapshot } from './read-snapshot.ts';
import './tables.ts';

/** Written by the dossier module with every change of a dossier that has a code. */
export const DVCQG_SYNC_TOPIC = 'dvcqg.sync';

const ERROR_MAX = 2_000;

export interface SyncHandlerOptions {
  db: Db;
  client: PortalClient;
  logger: OutboxLogger;
  /** Where the citizen (and the portal) fetch a result file: DuongDanTepTinKetQua. */
  resultLink: (dossierId: string, fileId: string) => string;
}

export class SyncRefusedError extends Error {
  constructor(code: string, errorCode: string, message: string) {
    super(`DVCQG refused ${code}: ${errorCode} ${message}`.trim());
    this.name = 'SyncRefusedError';
  }
}

function payloadOf(payload: unknown): { dossierId: string; eventId: number } {
  const { dossierId, eventId } = (payload ?? {}) as { dossierId?: unknown; eventId?: unknown };
  if (typeof dossierId !== 'string' || typeof eventId !== 'number')
    throw new Error('dvcqg.sync payload needs dossierId and eventId');
  return { dossierId, eventId };
}

/**
 * The outbox handler of 'dvcqg.sync'. It sends the dossier's state as it is now (not as it was at
 * the event), so a replayed or late message is harmless: the portal receives the latest state again.
 * Every attempt is a row of dvcqg_sync; the dossier's sync_status says whether the last one was
 * acknowledged. A failure is recorded and rethrown, so the outbox retries with backoff.
 */
export function createDvcqgSyncHandler(options: SyncHandlerOptions): OutboxHandler {
  const { db, client, logger, resultLink } = options;
  return async (payload, context) => {
    const { dossierId, eventId } = payloadOf(payload);
    const snapshot = await readSnapshot(db, dossierId);
    if (!snapshot) {
      logger.warn({ dossierId, eventId }, 'dvcqg.sync: no such dossier with a code, nothing to send');
      return;
    }
    const document = buildStatusDocument(snapshot, { resultLink });
    const attempt = await db
      .insertInto('dvcqg_sync')
      .values({
        dossier_id: dossierId,
        event_id: eventId,
        outbox_id: context.id,
        attempt: context.attempt,
        dossier_status: snapshot.status,
        status_code: document.TrangThaiHoSo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    let answer: PortalAnswer;
    try {
      answer = await client.sendStatus(document);
    } catch (error) {
      await recordFailure(
        db,
        attempt.id,
        dossierId,
        null,
        error instanceof Error ? error.message : String(error),
      );
      throw error;
    }
    if (!answer.isAccepted) {
      const refusal = new SyncRefusedError(snapshot.code, answer.errorCode, answer.message);
      await recordFailure(db, attempt.id, dossierId, answer.raw, refusal.message);
      throw refusal;
    }
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('dvcqg_sync')
        .set({ acknowledged_at: new Date(), response: JSON.stringify(answer.raw ?? null) })
        .where('id', '=', attempt.id)
        .execute();
      await setSyncStatus(tx, dossierId, 'synced');
    });
  };
}

async function recordFailure(
  db: Db,
  attemptId: number,
  dossierId: string,
  response: unknown,
  reason: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('dvcqg_sync')
      .set({
        error: reason.slice(0, ERROR_MAX),
        response: response === null ? null : JSON.stringify(response),
      })
      .where('id', '=', attemptId)
      .execute();
    await setSyncStatus(tx, dossierId, 'failed');
  });
}
