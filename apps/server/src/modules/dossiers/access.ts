import type { Permission } from '@tinhso/contracts';
import type { Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope, type AgencyScope } from '../../platform/scope.ts';
import { findDossier, type DossierRow, type LoadedDossier, type Reader } from './repository.ts';
import type { Capacities } from './workflow.ts';

/**
 * What the caller holds towards dossiers, resolved once before a command's transaction (resolving a
 * subtree reads the database, which a transaction on the embedded engine must not do beside it).
 */
export interface Caller {
  principal: Principal;
  scopes: Partial<Record<Permission, AgencyScope>>;
}

const DOSSIER_PERMISSIONS = [
  'dossier.read',
  'dossier.receive',
  'dossier.process',
  'dossier.approve',
] as const;

export async function callerOf(db: Db, principal: Principal): Promise<Caller> {
  const scopes: Caller['scopes'] = {};
  if (principal.kind === 'official') {
    for (const permission of DOSSIER_PERMISSIONS) {
      if (principal.permissions.has(permission))
        scopes[permission] = await resolveAgencyScope(db, principal, permission);
    }
  }
  return { principal, scopes };
}

export const reaches = (caller: Caller, permission: Permission, agencyId: string): boolean => {
  const scope = caller.scopes[permission];
  return scope !== undefined && inScope(scope, agencyId);
};

/** How the caller stands towards a dossier: its applicant, or an official of the desk or of the agency that has it. */
export function capacitiesOf(caller: Caller, row: DossierRow): Capacities {
  const { principal } = caller;
  return {
    applicant: principal.kind === 'citizen' && row.applicant_account_id === principal.accountId,
    receiver: reaches(caller, 'dossier.receive', row.receiving_agency_id),
    processor: reaches(caller, 'dossier.process', row.current_agency_id),
    approver: reaches(caller, 'dossier.approve', row.current_agency_id),
  };
}

/**
 * Whether the caller may see a dossier: the citizen who filed it, or an official whose dossier.read
 * reaches an agency that received, decides, holds or was consulted on it. Drafts are the citizen's alone.
 */
export function canSee(caller: Caller, row: DossierRow, consultedAgencyIds: string[]): boolean {
  const { principal } = caller;
  if (principal.kind === 'citizen') return row.applicant_account_id === principal.accountId;
  if (row.status === 'draft') return false;
  return [
    row.receiving_agency_id,
    row.competent_agency_id,
    row.current_agency_id,
    ...consultedAgencyIds,
  ].some((id) => reaches(caller, 'dossier.read', id));
}

/** The agencies asked for their opinion on a dossier: they may read it too. */
export async function consultedAgencyIds(db: Reader, dossierId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dossier_consultation')
    .select('agency_id')
    .where('dossier_id', '=', dossierId)
    .execute();
  return rows.map((row) => row.agency_id);
}

/** The dossier and the caller's capacities, or 404 exactly as for a dossier that does not exist. */
export async function loadVisibleDossier(
  db: Db,
  caller: Caller,
  id: string,
): Promise<{ loaded: LoadedDossier; who: Capacities }> {
  const loaded = await findDossier(db, id);
  if (!loaded) throw notFound('dossier');
  if (!canSee(caller, loaded.row, await consultedAgencyIds(db, id))) throw notFound('dossier');
  return { loaded, who: capacitiesOf(caller, loaded.row) };
}
