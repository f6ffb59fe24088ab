import type { Transaction } from 'kysely';
import type { AddProcedureVersion, ProcedureVersion } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertValidContent, contentOf } from './check-content.ts';
import { lockProcedureByCode, getVersion, insertVersion } from './repository.ts';

/** A new draft version of a procedure; it changes nothing in force until it is published. */
export async function addProcedureVersion(
  tx: Transaction<DB>,
  code: string,
  input: AddProcedureVersion,
  actor: Actor,
): Promise<ProcedureVersion> {
  const content = contentOf(input);
  assertValidContent(content);
  const procedure = await lockProcedureByCode(tx, code);
  const last = await tx
    .selectFrom('procedure_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('procedure_id', '=', procedure.id)
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  await insertVersion(tx, {
    procedureId: procedure.id,
    version,
    effectiveFrom: input.effectiveFrom,
    content,
  });
  await recordEvent(tx, actor, {
    type: 'procedure_version.added',
    entityType: 'procedure',
    entityId: procedure.id,
    data: { code, version, effectiveFrom: input.effectiveFrom },
  });
  return getVersion(tx, procedure.id, version);
}
