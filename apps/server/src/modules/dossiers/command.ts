import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DossierAction } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { canSee, capacitiesOf, consultedAgencyIds, type Caller } from './access.ts';
import { lockDossier, type LoadedDossier } from './repository.ts';
import { assertAllowed } from './transition.ts';
import { type Capacities } from './workflow.ts';

/** How every action on one dossier runs: the caller, the locked row, the state machine's leave. */
export interface Command {
  db: Db;
  request: FastifyRequest;
  caller: Caller;
  actor: Actor;
}

export type Step<T> = (tx: Transaction<DB>, loaded: LoadedDossier, who: Capacities, at: Date) => Promise<T>;

export async function loadForCommand(tx: Transaction<DB>, caller: Caller, id: string) {
  const loaded = await lockDossier(tx, id);
  if (!canSee(caller, loaded.row, await consultedAgencyIds(tx, id))) throw notFound('dossier');
  return loaded;
}

/** One action on one dossier: in one transaction, on the locked row, if the state machine allows it. */
export function act<T>(command: Command, id: string, action: DossierAction, step: Step<T>): Promise<T> {
  return runCommand(command.db, command.request, async (tx) => {
    const loaded = await loadForCommand(tx, command.caller, id);
    const who = capacitiesOf(command.caller, loaded.row);
    await assertAllowed(tx, action, loaded, who);
    return step(tx, loaded, who, new Date());
  });
}
