import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import './tables.ts';

export interface SyncAttempt {
  id: number;
  eventId: number;
  attempt: number;
  dossierStatus: string;
  statusCode: number;
  sentAt: string;
  acknowledgedAt: string | null;
  response: unknown;
  error: string | null;
}

/** Every attempt to send one dossier to the portal, oldest first; 404 when the dossier does not exist. */
export async function listSyncAttempts(db: Db, dossierId: string): Promise<SyncAttempt[]> {
  const dossier = await db.selectFrom('dossier').select('id').where('id', '=', dossierId).executeTakeFirst();
  if (!dossier) throw notFound('dossier');
  const rows = await db
    .selectFrom('dvcqg_sync')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    attempt: row.attempt,
    dossierStatus: row.dossier_status,
    statusCode: row.status_code,
    sentAt: row.sent_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    response: row.response,
    error: row.error,
  }));
}
