import type { Db } from '../../platform/db.ts';
import { findRoute } from './directory.ts';
import { parseEdxmlStatus } from './edxml/index.ts';
import { receivePackage, type Arrival, type ReceiveOutcome } from './receive-package.ts';
import { applyStatus, type StatusOutcome } from './receive-status.ts';

export type MessageOutcome =
  | ReceiveOutcome
  | { outcome: 'status'; status: StatusOutcome }
  | { outcome: 'bad_status'; reasons: string[] };

const STATUS_ROOT = /^\s*(<\?xml[^>]*\?>)?\s*<(?:[\w.-]+:)?Status[\s>]/;

/** One message from any transport: a status message (root `Status`) or a package. */
export async function receiveMessage(db: Db, arrival: Arrival): Promise<MessageOutcome> {
  const head = new TextDecoder().decode(arrival.bytes.subarray(0, 512));
  if (!STATUS_ROOT.test(head)) return receivePackage(db, arrival);
  const parsed = parseEdxmlStatus(arrival.bytes);
  if (!parsed.ok)
    return { outcome: 'bad_status', reasons: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  // A status comes from its agency's own route: a peer cannot report for an agency it does not serve.
  const route = await findRoute(db, parsed.status.from.organId);
  if (
    !route ||
    route.transport !== arrival.transport ||
    (route.transport === 'peer' && route.peer !== arrival.peer)
  )
    return {
      outcome: 'bad_status',
      reasons: [`From: ${parsed.status.from.organId} is not reached this way`],
    };
  return { outcome: 'status', status: await applyStatus(db, parsed.status) };
}
