import type { Transaction } from 'kysely';
import type { CreateProcedure, ProcedureVersion } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertValidContent, contentOf } from './check-content.ts';
import { findProcedureByCode, getVersion, insertVersion } from './repository.ts';

/** A new procedure with its first version, as a draft until it is published. */
export async function createProcedure(
  tx: Transaction<DB>,
  input: CreateProcedure,
  actor: Actor,
): Promise<ProcedureVersion> {
  const content = contentOf(input);
  assertValidContent(content);
  if (await findProcedureByCode(tx, input.code)) throw conflict('code', 'taken');
  const procedure = await tx
    .insertInto('procedure')
    .values({ code: input.code, sector_code: content.sectorCode, name: content.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(tx, {
    procedureId: procedure.id,
    version: 1,
    effectiveFrom: input.effectiveFrom,
    content,
  });
  await recordEvent(tx, actor, {
    type: 'procedure.created',
    entityType: 'procedure',
    entityId: procedure.id,
    data: { code: input.code, name: content.name, effectiveFrom: input.effectiveFrom },
  });
  return getVersion(tx, procedure.id, 1);
}
