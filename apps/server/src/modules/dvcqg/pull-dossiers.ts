import { systemActor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { importDossier } from '../dossiers/import-dossier.ts';
import { codeOf, parseInbound } from './parse-inbound.ts';
import type { PortalClient } from './portal-client.ts';
import './tables.ts';

export interface PullItem {
  code: string | null;
  status: 'imported' | 'refused';
  /** False when the code was already in the back office. */
  created: boolean;
  dossierId: string | null;
  reason: string | null;
}

export interface PullReport {
  since: string;
  received: number;
  imported: number;
  refused: number;
  items: PullItem[];
}

/** The first pull asks for a day back; later ones overlap the last by this margin (imports are idempotent). */
const FIRST_PULL_MS = 86_400_000;
const OVERLAP_MS = 300_000;
const REASON_MAX = 1_000;

const actor = systemActor('Cổng Dịch vụ công quốc gia (tiếp nhận tự động)');

function reasonOf(error: unknown): string {
  if (error instanceof AppError && error.issues.length)
    return error.issues.map((issue) => `${issue.field}: ${issue.key}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

async function sinceOf(db: Db): Promise<Date> {
  const last = await db
    .selectFrom('dvcqg_pull_run')
    .select('started_at')
    .where('finished_at', 'is not', null)
    .where('error', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? new Date(last.started_at.getTime() - OVERLAP_MS) : new Date(Date.now() - FIRST_PULL_MS);
}

/** Imports one document in a transaction of its own; a refusal is recorded and stops nothing. */
async function receive(db: Db, document: unknown): Promise<PullItem> {
  const parsed = parseInbound(document);
  let item: PullItem;
  if (!parsed.ok) {
    item = {
      code: codeOf(document),
      status: 'refused',
      created: false,
      dossierId: null,
      reason: `${parsed.field}: ${parsed.reason}`,
    };
  } else {
    try {
      const result = await db.transaction().execute((tx) => importDossier(tx, actor, parsed.dossier));
      item = {
        code: parsed.dossier.code,
        status: 'imported',
        created: result.created,
        dossierId: result.id,
        reason: null,
      };
    } catch (error) {
      // Two pulls at once (the timer and an official's button, or two servers) may race on one code:
      // the loser finds the winner's dossier and is not a refusal.
      const winner = await db
        .selectFrom('dossier')
        .select('id')
        .where('code', '=', parsed.dossier.code)
        .executeTakeFirst();
      item = winner
        ? {
            code: parsed.dossier.code,
            status: 'imported',
            created: false,
            dossierId: winner.id,
            reason: null,
          }
        : {
            code: parsed.dossier.code,
            status: 'refused',
            created: false,
            dossierId: null,
            reason: reasonOf(error),
          };
    }
  }
  await db
    .insertInto('dvcqg_inbound')
    .values({
      code: item.code,
      status: item.status,
      dossier_id: item.dossierId,
      created: item.created,
      reason: item.reason?.slice(0, REASON_MAX) ?? null,
      document: item.status === 'refused' ? JSON.stringify(document ?? null) : null,
    })
    .execute();
  return item;
}

/**
 * Pulls the dossiers filed on Cổng DVCQG for the province's agencies and brings each into the back
 * office as submitted, under its own code (importDossier: idempotent by code). A malformed or
 * unknown one is refused and recorded in dvcqg_inbound; the others go on. When the portal cannot be
 * reached the run is recorded with the error and the error is thrown; the next run asks again from
 * the last good run.
 */
export async function pullOnce(db: Db, client: PortalClient): Promise<PullReport> {
  const since = await sinceOf(db);
  const run = await db
    .insertInto('dvcqg_pull_run')
    .values({ since })
    .returning('id')
    .executeTakeFirstOrThrow();
  let documents: unknown[];
  try {
    documents = await client.pullDossiers(since);
  } catch (error) {
    await db
      .updateTable('dvcqg_pull_run')
      .set({ finished_at: new Date(), error: reasonOf(error).slice(0, REASON_MAX) })
      .where('id', '=', run.id)
      .execute();
    throw error;
  }
  const items: PullItem[] = [];
  for (const document of documents) items.push(await receive(db, document));
  const report: PullReport = {
    since: since.toISOString(),
    received: items.length,
    imported: items.filter((item) => item.status === 'imported').length,
    refused: items.filter((item) => item.status === 'refused').length,
    items,
  };
  await db
    .updateTable('dvcqg_pull_run')
    .set({
      finished_at: new Date(),
      received: report.received,
      imported: report.imported,
      refused: report.refused,
    })
    .where('id', '=', run.id)
    .execute();
  return report;
}
