import { sql } from 'kysely';
import {
  DVCQG_STATUS_CODES,
  type DossierSummary,
  type PublicDossier,
  type WorklistQuery,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { unaccentedLike } from '../../platform/search.ts';
import type { Caller } from './access.ts';
import { listEvents, toSummaries } from './repository.ts';

function summaryQuery(db: Db) {
  return db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_version as v', 'v.id', 'd.procedure_version_id')
    .selectAll('d')
    .select([
      'p.code as procedure_code',
      'v.name as procedure_name',
      sql<string | null>`v.content->'steps'->d.current_step->>'name'`.as('step_name'),
    ]);
}

/** A citizen's own dossiers, drafts included, newest first. */
export async function listMyDossiers(
  db: Db,
  accountId: string,
  page: { limit?: number; offset?: number },
): Promise<{ items: DossierSummary[]; total: number }> {
  const base = summaryQuery(db).where('d.applicant_account_id', '=', accountId);
  const [rows, count] = await Promise.all([
    base
      .orderBy('d.created_at', 'desc')
      .limit(page.limit ?? 50)
      .offset(page.offset ?? 0)
      .execute(),
    db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applicant_account_id', '=', accountId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await toSummaries(db, rows), total: Number(count.n) };
}

/** Statuses that still ask something of an office: the worklist's default. */
const WORK_STATUSES = ['submitted', 'received', 'in_process', 'supplement_requested', 'resolved'] as const;

/**
 * The officer's worklist: dossiers still to handle that the caller's agencies hold now (or that are
 * assigned to them), earliest due first; a search (`q`) or a status reaches finished ones and every
 * dossier the caller may read; overdue and due-soon marked; filtered by procedure, status, agency, receipt date.
 */
export async function listWorklist(
  db: Db,
  caller: Caller,
  query: WorklistQuery,
): Promise<{ items: DossierSummary[]; total: number }> {
  const scope = caller.scopes['dossier.read'];
  if (!scope) return { items: [], total: 0 };
  const dueSoonHours = await getSetting(db, 'dossier.dueSoonHours');
  const now = new Date();
  // An empty `in` list is not SQL; the nil UUID matches no agency.
  const agencyIds = scope.all ? [] : [...scope.agencyIds, '00000000-0000-0000-0000-000000000000'];
  const searching = Boolean(query.q?.trim());
  // The filters on the dossier rows alone (the procedure only for its code): the page is chosen here.
  const filtered = db
    .selectFrom('dossier as d')
    .innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .where('d.status', '!=', 'draft')
    .$if(!scope.all, (q) =>
      q.where((eb) =>
        searching
          ? // A search reaches every dossier the caller may read: received, decided or held in reach.
            eb.or([
              eb('d.current_agency_id', 'in', agencyIds),
              eb('d.receiving_agency_id', 'in', agencyIds),
              eb('d.competent_agency_id', 'in', agencyIds),
            ])
          : // The work: what my agencies hold now, or what is assigned to me (index dossier_current).
            eb.or([
              eb('d.current_agency_id', 'in', agencyIds),
              eb('d.assignee_account_id', '=', caller.principal.accountId),
            ]),
      ),
    )
    // Without a search or a status, the dossiers still to handle: finished ones only on demand.
    .$if(!searching && query.status === undefined, (q) => q.where('d.status', 'in', WORK_STATUSES))
    .$if(query.mine === true, (q) => q.where('d.assignee_account_id', '=', caller.principal.accountId))
    .$if(query.status !== undefined, (q) => q.where('d.status', '=', query.status!))
    .$if(query.procedureCode !== undefined, (q) => q.where('p.code', '=', query.procedureCode!))
    .$if(query.agencyId !== undefined, (q) => q.where('d.current_agency_id', '=', query.agencyId!))
    .$if(query.receivedFrom !== undefined, (q) =>
      q.where(sql<string>`(d.received_at at time zone 'Asia/Ho_Chi_Minh')::date`, '>=', query.receivedFrom!),
    )
    .$if(query.receivedTo !== undefined, (q) =>
      q.where(sql<string>`(d.received_at at time zone 'Asia/Ho_Chi_Minh')::date`, '<=', query.receivedTo!),
    )
    .$if(query.urgency === 'overdue', (q) =>
      q
        .where('d.status', 'in', ['submitted', 'received', 'in_process', 'supplement_requested'])
        .where('d.due_at', '<', now),
    )
    .$if(query.urgency === 'due_soon', (q) =>
      q
        .where('d.status', 'in', ['submitted', 'received', 'in_process', 'supplement_requested'])
        .where('d.due_at', '>=', now)
        .where('d.due_at', '<=', new Date(now.getTime() + dueSoonHours * 3_600_000)),
    )
    .$if(Boolean(query.q?.trim()), (q) =>
      q.where((eb) =>
        eb.or([
          eb('d.code', '=', query.q!.trim().toUpperCase()),
          unaccentedLike('d.applicant_name', query.q!.trim()),
        ]),
      ),
    );
  // Sorted and cut on the dossier rows; only the page's rows then read their procedure version
  // (the step's name is inside its JSON content: read for thousands of open dossiers, it was most of
  // the time of a busy department's page at a million dossiers).
  const page = filtered
    .select('d.id')
    .orderBy(sql`d.due_at asc nulls last`)
    .orderBy('d.created_at')
    .orderBy('d.id') // a stable order, so that pages neither repeat nor skip a dossier
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0);
  const [rows, count] = await Promise.all([
    summaryQuery(db)
      .where('d.id', 'in', page)
      .orderBy(sql`d.due_at asc nulls last`)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toSummaries(db, rows), total: Number(count.n) };
}

/** "N. T. A. Tuyết": enough for the applicant to recognise their dossier, too little to identify them. */
export function initialsOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const last = words.pop() ?? '';
  return [...words.map((word) => `${word[0]}.`), last].join(' ');
}

/**
 * Public answers by code, kept a few seconds: the lookup is what citizens refresh, and what a crawler
 * hammers. A transition in this server copy forgets its dossier at once; another copy's change shows
 * within LOOKUP_TTL_MS. Unknown codes are not kept, so a new dossier is found as soon as it exists.
 */
const LOOKUP_TTL_MS = 5_000;
const LOOKUP_CACHE_MAX = 10_000;
const lookupCache = new Map<string, { answer: PublicDossier; until: number }>();

export function forgetLookup(code: string | null): void {
  if (code !== null) lookupCache.delete(code);
}

/** Lookup by code without signing in (TT 01/2018 Art 16): the status and steps, no personal data. */
export async function lookupByCode(db: Db, code: string): Promise<PublicDossier> {
  const hit = lookupCache.get(code);
  if (hit && hit.until > Date.now()) return hit.answer;
  const answer = await readPublicDossier(db, code);
  if (lookupCache.size >= LOOKUP_CACHE_MAX) lookupCache.delete(lookupCache.keys().next().value!);
  lookupCache.set(code, { answer, until: Date.now() + LOOKUP_TTL_MS });
  return answer;
}

async function readPublicDossier(db: Db, code: string): Promise<PublicDossier> {
  const row = await summaryQuery(db).where('d.code', '=', code).executeTakeFirst();
  if (!row) throw notFound('dossier');
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('id', 'in', [row.receiving_agency_id, row.current_agency_id])
    .execute();
  const name = (id: string) => agencies.find((a) => a.id === id)?.name ?? '';
  const iso = (value: Date | null) => (value === null ? null : value.toISOString());
  return {
    code: row.code!,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    applicantInitials: initialsOf(row.applicant_name),
    status: row.status,
    dvcqgStatus: DVCQG_STATUS_CODES[row.status],
    receivingAgency: name(row.receiving_agency_id),
    currentAgency: name(row.current_agency_id),
    currentStepName: row.step_name,
    submittedAt: iso(row.submitted_at),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    resolvedAt: iso(row.resolved_at),
    returnedAt: iso(row.returned_at),
    events: (await listEvents(db, row.id, false)).filter((event) => event.action !== 'create'),
  };
}
