import type { Transaction } from 'kysely';
import type { ProcedureVersion } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { lockProcedureByCode, getVersion } from './repository.ts';

/**
 * Puts a draft in force from its effective date and closes the version before it on that date.
 * History is not rewritten: a later version takes effect today or after, and after the last
 * published one, so a dossier already received keeps the version it was pinned to.
 */
export async function publishProcedureVersion(
  tx: Transaction<DB>,
  code: string,
  version: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<ProcedureVersion> {
  const procedure = await lockProcedureByCode(tx, code);
  const draft = await getVersion(tx, procedure.id, version);
  if (draft.status !== 'draft') throw conflict('version', 'not_draft');
  const previous = await tx
    .selectFrom('procedure_version')
    .select(['id', 'version', 'effective_from'])
    .where('procedure_id', '=', procedure.id)
    .where('status', '=', 'published')
    .orderBy('effective_from', 'desc')
    .executeTakeFirst();
  if (previous) {
    const today = todayInVietnam(now);
    const earliest = previous.effective_from >= today ? nextDay(previous.effective_from) : today;
    if (draft.effectiveFrom < earliest)
      throw invalid('effectiveFrom', 'effective_from_in_past', { date: earliest });
    await tx
      .updateTable('procedure_version')
      .set({ effective_to: draft.effectiveFrom })
      .where('id', '=', previous.id)
      .execute();
  }
  await tx
    .updateTable('procedure_version')
    .set({ status: 'published', published_at: now })
    .where('id', '=', draft.id)
    .execute();
  await tx
    .updateTable('procedure')
    .set({ name: draft.name, sector_code: draft.sectorCode })
    .where('id', '=', procedure.id)
    .execute();
  await recordEvent(tx, actor, {
    type: 'procedure_version.published',
    entityType: 'procedure',
    entityId: procedure.id,
    data: { code, version, effectiveFrom: draft.effectiveFrom, closedVersion: previous?.version ?? null },
  });
  return getVersion(tx, procedure.id, version);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
