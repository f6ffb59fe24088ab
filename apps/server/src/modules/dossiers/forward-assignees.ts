import { sql, type Transaction } from 'kysely';
import type { ProcessStep } from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { loadVisibleDossier, type Caller } from './access.ts';
import { isRated, stateOf, type LoadedDossier } from './repository.ts';
import { stepAgency } from './transition.ts';
import { allowedActions, capacityForStep, isAllowed, type Capacity } from './workflow.ts';

/** The permission that acts at a step, by the capacity the step asks for (workflow.ts). */
const PERMISSION_OF: Record<Capacity, string> = {
  applicant: 'dossier.read',
  receiver: 'dossier.receive',
  processor: 'dossier.process',
  approver: 'dossier.approve',
};

/** An official who may be chosen to handle the next step. */
export interface AssigneeCandidate {
  id: string;
  name: string;
  title: string;
  unit: string | null;
  /** Their post is in the unit the procedure names for the step (listed first). */
  isInStepUnit: boolean;
}

export interface ForwardTarget {
  stepIndex: number;
  step: ProcessStep;
  agencyId: string;
}

/** Where a forward from the dossier's current step goes: the next step and the agency that works it. */
export function forwardTarget(loaded: LoadedDossier): ForwardTarget | null {
  const { row, procedure } = loaded;
  if (row.current_step === null) return null;
  const stepIndex = row.current_step + 1;
  const step = procedure.content.steps[stepIndex];
  if (!step) return null;
  // As process-dossier.ts moveToStep: from the desk the dossier goes to the competent agency.
  const processingAgency =
    row.current_agency_id === row.receiving_agency_id ? row.competent_agency_id : row.current_agency_id;
  return { stepIndex, step, agencyId: stepAgency(loaded, stepIndex, processingAgency) };
}

/**
 * The officials who may be given the next step: a post today in the agency that works it whose
 * position type grants the step's permission (chuyên viên → dossier.process, lãnh đạo →
 * dossier.approve, the desk → dossier.receive). Those whose unit the step names come first.
 */
export async function listAssigneeCandidates(
  reader: Db | Transaction<DB>,
  target: ForwardTarget,
): Promise<AssigneeCandidate[]> {
  const today = todayInVietnam();
  const permission = PERMISSION_OF[capacityForStep(target.step)];
  const rows = await reader
    .selectFrom('official as o')
    .innerJoin('account as a', 'a.id', 'o.account_id')
    .innerJoin('appointment as ap', 'ap.official_id', 'o.id')
    .innerJoin('position as p', 'p.id', 'ap.position_id')
    .innerJoin('position_type as pt', 'pt.code', 'p.position_type')
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .select(['a.id', 'o.full_name', 'p.title', 'u.name as unit'])
    .where('p.agency_id', '=', target.agencyId)
    .where('a.disabled_at', 'is', null)
    .where('ap.starts_on', '<=', today)
    .where((eb) => eb.or([eb('ap.ends_on', 'is', null), eb('ap.ends_on', '>', today)]))
    .where(
      sql<boolean>`exists (select 1 from role r where r.code = any(pt.role_codes) and ${permission} = any(r.permissions))`,
    )
    .orderBy('o.full_name')
    .execute();
  const byId = new Map<string, AssigneeCandidate>();
  for (const row of rows) {
    const isInStepUnit = row.unit !== null && target.step.unit.includes(row.unit);
    const known = byId.get(row.id);
    if (known && (known.isInStepUnit || !isInStepUnit)) continue;
    byId.set(row.id, { id: row.id, name: row.full_name, title: row.title, unit: row.unit, isInStepUnit });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isInStepUnit) - Number(a.isInStepUnit) || a.name.localeCompare(b.name, 'vi'),
  );
}

/** The chosen official, if any, must be one of the candidates: else 400 naming assigneeId. */
export async function checkAssignee(
  tx: Transaction<DB>,
  assigneeId: string | null | undefined,
  target: ForwardTarget,
): Promise<string | null> {
  if (!assigneeId) return null;
  const candidates = await listAssigneeCandidates(tx, target);
  if (!candidates.some((candidate) => candidate.id === assigneeId))
    throw invalid('assigneeId', 'dossier.assigneeNotCandidate');
  return assigneeId;
}

/**
 * The candidates for the next step of a dossier the caller may forward now (404 out of reach, 409
 * with the allowed actions otherwise), with the step and the agency that works it.
 */
export async function listForwardAssignees(db: Db, caller: Caller, dossierId: string) {
  const { loaded, who } = await loadVisibleDossier(db, caller, dossierId);
  const state = stateOf(loaded, await isRated(db, loaded.row.id));
  if (!isAllowed('forward', state, who))
    throw conflict('action', 'dossier.actionNotAllowed', {
      action: 'forward',
      status: loaded.row.status,
      allowed: allowedActions(state, who).join(', ') || '—',
    });
  const target = forwardTarget(loaded);
  if (!target) return { step: null, agency: null, items: [] };
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('id', '=', target.agencyId)
    .executeTakeFirstOrThrow();
  const { step } = target;
  return {
    step: { index: target.stepIndex, name: step.name, role: step.role, unit: step.unit },
    agency,
    items: await listAssigneeCandidates(db, target),
  };
}
