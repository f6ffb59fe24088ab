import type { Db } from '../../platform/db.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import type { SigningKeyOwner } from './enrol-signing-key.ts';

/**
 * The owner of a key being enrolled, checked against the administrator's reach: an agency in scope
 * for a seal; for a personal key, an official holding a current position in an agency in scope (the
 * agency asked for, or the one of their primary position). Out of reach answers 404.
 */
export async function resolveKeyOwner(
  db: Db,
  options: { kind: 'personal' | 'seal'; officialId?: string; agencyId?: string; scope: AgencyScope },
): Promise<SigningKeyOwner> {
  const { kind, officialId, agencyId, scope } = options;
  if (kind === 'seal') {
    if (!agencyId) throw invalid('agencyId', 'required');
    const agency = await db.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (!agency || !inScope(scope, agency.id)) throw notFound('agency');
    return { kind, agencyId: agency.id };
  }
  if (!officialId) throw invalid('officialId', 'required');
  const today = new Date().toISOString().slice(0, 10);
  const posts = await db
    .selectFrom('appointment')
    .innerJoin('position', 'position.id', 'appointment.position_id')
    .select(['position.agency_id', 'appointment.kind'])
    .where('appointment.official_id', '=', officialId)
    .where('appointment.starts_on', '<=', today)
    .where((eb) => eb.or([eb('appointment.ends_on', 'is', null), eb('appointment.ends_on', '>', today)]))
    .execute();
  const reachable = posts.filter((post) => inScope(scope, post.agency_id));
  const chosen = agencyId
    ? reachable.find((post) => post.agency_id === agencyId)
    : (reachable.find((post) => post.kind === 'primary') ?? reachable[0]);
  if (!chosen) throw notFound('official');
  return { kind, officialId, agencyId: chosen.agency_id };
}
