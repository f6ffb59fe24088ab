import { sql } from 'kysely';
import type {
  OutgoingAwaitingList,
  OutgoingDraft,
  OutgoingList,
  OutgoingListQuery,
  OutgoingSignatureList,
  OutgoingSummary,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { listOutbound } from '../exchange/queries.ts';
import { verifyPdf } from '../signatures/pades-verify.ts';
import { readTrustSettings } from '../signatures/repository.ts';
import {
  allowedActions,
  capacitiesOf,
  findVisibleDraft,
  type DraftRow,
  type OutgoingCaller,
} from './outgoing-access.ts';
import { recallOf } from './outgoing-recall.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('official')
    .select(['id', 'full_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

export async function getDraftView(db: Db, caller: OutgoingCaller, id: string): Promise<OutgoingDraft> {
  const row = await findVisibleDraft(db, caller, id);
  const [meta, versions, opinions, history, recipients, number] = await Promise.all([
    db
      .selectFrom('agency as a')
      .innerJoin('document_type as t', (join) => join.onTrue())
      .select(['a.name as agency_name', 't.name_vi as type_name'])
      .where('a.id', '=', row.agency_id)
      .where('t.code', '=', row.type_code)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outgoing_version as v')
      .innerJoin('account as a', 'a.id', 'v.created_by')
      .select([
        'v.version',
        'v.kind',
        'v.sha256',
        'v.created_at',
        'a.display_name',
        sql<number>`octet_length(v.pdf)`.as('size'),
      ])
      .where('v.draft_id', '=', id)
      .orderBy('v.version')
      .execute(),
    db.selectFrom('outgoing_opinion').selectAll().where('draft_id', '=', id).orderBy('asked_at').execute(),
    db.selectFrom('outgoing_step').selectAll().where('draft_id', '=', id).orderBy('id').execute(),
    db.selectFrom('outgoing_recipient').selectAll().where('draft_id', '=', id).orderBy('position').execute(),
    row.number_id
      ? db
          .selectFrom('outgoing_number')
          .select('number_symbol')
          .where('id', '=', row.number_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const statuses = await exchangeStatuses(db, row, recipients);
  const people = await names(db, [
    row.drafter_official_id,
    row.signer_official_id,
    row.reviewer_official_id,
    ...opinions.map((o) => o.official_id),
  ]);
  const person = (officialId: string) => ({ officialId, name: people.get(officialId) ?? '' });
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: meta.agency_name,
    typeCode: row.type_code,
    typeName: meta.type_name,
    summary: row.summary,
    body: row.body,
    place: row.place,
    unitAbbreviation: row.unit_abbreviation,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    isSecret: row.is_secret,
    replyToIncomingId: row.reply_to_incoming_id,
    status: row.status,
    drafter: person(row.drafter_official_id),
    signer: person(row.signer_official_id),
    reviewer: row.reviewer_official_id ? person(row.reviewer_official_id) : null,
    currentVersion: row.current_version,
    signingBlock: row.signing_block,
    signedAt: iso(row.signed_at),
    numberSymbol: number?.number_symbol ?? null,
    issuedAt: iso(row.issued_at),
    copies: row.copies,
    keptBy: row.kept_by,
    note: row.note,
    recall: await recallOf(db, row),
    replacesDraftId: row.replaces_draft_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    recipients: recipients.map((r) => ({
      kind: r.kind,
      agencyId: r.agency_id,
      orgUnitId: r.org_unit_id,
      agencyCode: r.agency_code,
      name: r.name,
      delivery: r.delivery,
      exchangeStatus: statuses.get(r.id) ?? null,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      kind: v.kind,
      sha256: v.sha256,
      size: Number(v.size),
      createdAt: v.created_at.toISOString(),
      createdBy: v.display_name,
    })),
    opinions: opinions.map((o) => ({
      id: o.id,
      official: person(o.official_id),
      question: o.question,
      askedAt: o.asked_at.toISOString(),
      answer: o.answer,
      answeredAt: iso(o.answered_at),
      isMine: o.official_id === caller.officialId,
    })),
    history: history.map((s) => ({
      action: s.action,
      actorName: s.actor_name,
      comment: s.comment,
      version: s.version,
      at: s.at.toISOString(),
    })),
    allowedActions: allowedActions(row.status, capacitiesOf(caller, row)),
  };
}

/** The receivers' latest statuses, as the exchange module reports its packages for this draft. */
async function exchangeStatuses(
  db: Db,
  row: DraftRow,
  recipients: { id: string; agency_id: string | null; agency_code: string | null }[],
): Promise<Map<string, { code: string; description: string | null; at: string | null }>> {
  const found = new Map<string, { code: string; description: string | null; at: string | null }>();
  if (row.status !== 'issued' && row.status !== 'recalled') return found;
  const { items } = await listOutbound(db, { all: false, agencyIds: [row.agency_id] }, { sourceId: row.id });
  const agencyIds = recipients.flatMap((r) => (r.agency_id ? [r.agency_id] : []));
  const codes = agencyIds.length
    ? await db.selectFrom('agency').select(['id', 'code']).where('id', 'in', agencyIds).execute()
    : [];
  const codeOf = new Map(codes.map((agency) => [agency.id, agency.code]));
  for (const recipient of recipients) {
    const code = recipient.agency_code ?? (recipient.agency_id ? codeOf.get(recipient.agency_id) : undefined);
    // Newest package first: a revocation's 13/15/16 before the document's own; an update has none.
    const sent = items
      .flatMap((item) => item.recipients)
      .find((r) => r.recipientCode === code && r.statusCode !== null);
    if (sent?.statusCode)
      found.set(recipient.id, {
        code: sent.statusCode,
        description: sent.statusDescription,
        at: sent.statusAt,
      });
  }
  return found;
}

/** The list's columns, joined to the names it shows. */
function summaries(db: Db) {
  return db
    .selectFrom('outgoing_draft as d')
    .innerJoin('document_type as t', 't.code', 'd.type_code')
    .innerJoin('official as dr', 'dr.id', 'd.drafter_official_id')
    .innerJoin('official as sg', 'sg.id', 'd.signer_official_id')
    .leftJoin('outgoing_number as n', 'n.id', 'd.number_id');
}

const SUMMARY_COLUMNS = [
  'd.id',
  't.name_vi',
  'd.summary',
  'd.status',
  'd.urgency',
  'd.confidentiality',
  'dr.full_name as drafter_name',
  'sg.full_name as signer_name',
  'n.number_symbol',
  'd.updated_at',
] as const;

type SummaryRow = {
  id: string;
  name_vi: string;
  summary: string;
  status: DraftRow['status'];
  urgency: DraftRow['urgency'];
  confidentiality: DraftRow['confidentiality'];
  drafter_name: string;
  signer_name: string;
  number_symbol: string | null;
  updated_at: Date;
};

const toSummary = (row: SummaryRow): OutgoingSummary => ({
  id: row.id,
  typeName: row.name_vi,
  summary: row.summary,
  status: row.status,
  urgency: row.urgency,
  confidentiality: row.confidentiality,
  drafterName: row.drafter_name,
  signerName: row.signer_name,
  numberSymbol: row.number_symbol,
  updatedAt: row.updated_at.toISOString(),
});

/**
 * The outgoing documents the caller may see: all of an agency for its clerk and leaders, else those
 * the caller drafts, reviews, signs or was asked an opinion on; latest change first.
 */
export async function listDrafts(
  db: Db,
  caller: OutgoingCaller,
  query: OutgoingListQuery,
): Promise<OutgoingList> {
  const scope = caller.scopes['document.read'];
  if (!scope || (!scope.all && scope.agencyIds.length === 0)) return { items: [], total: 0 };
  // The clerk and the leaders see every draft of their agencies; others only the drafts they are part of.
  const wide = [caller.scopes['document.issue'], caller.scopes['document.sign']];
  const seesAll = wide.some((wideScope) => wideScope?.all === true);
  const wideIds = wide.flatMap((wideScope) => (wideScope && !wideScope.all ? wideScope.agencyIds : []));
  const me = caller.officialId ?? '00000000-0000-0000-0000-000000000000';
  const filtered = summaries(db)
    .$if(!scope.all, (q) => q.where('d.agency_id', 'in', scope.all ? [] : scope.agencyIds))
    .$if(!seesAll, (q) =>
      q.where((eb) =>
        eb.or([
          eb('d.drafter_official_id', '=', me),
          eb('d.reviewer_official_id', '=', me),
          eb('d.signer_official_id', '=', me),
          eb.exists(
            eb
              .selectFrom('outgoing_opinion as o')
              .select('o.id')
              .whereRef('o.draft_id', '=', 'd.id')
              .where('o.official_id', '=', me),
          ),
          ...(wideIds.length > 0 ? [eb('d.agency_id', 'in', wideIds)] : []),
        ]),
      ),
    )
    .$if(query.status !== undefined, (q) => q.where('d.status', '=', query.status!));
  const [rows, count] = await Promise.all([
    filtered
      .select(SUMMARY_COLUMNS)
      .orderBy('d.updated_at', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(count.n) };
}

/** What waits for the caller: an opinion to give, a review, a signature (approve or sign), a seal. */
export async function awaitingMe(db: Db, caller: OutgoingCaller): Promise<OutgoingAwaitingList> {
  const me = caller.officialId;
  const items: OutgoingAwaitingList['items'] = [];
  if (me) {
    const [opinions, reviews, signatures] = await Promise.all([
      summaries(db)
        .innerJoin('outgoing_opinion as o', 'o.draft_id', 'd.id')
        .select(SUMMARY_COLUMNS)
        .where('o.official_id', '=', me)
        .where('o.answer', 'is', null)
        .where('d.status', 'not in', ['issued', 'recalled'])
        .execute(),
      summaries(db)
        .select(SUMMARY_COLUMNS)
        .where('d.reviewer_official_id', '=', me)
        .where('d.status', '=', 'in_review')
        .execute(),
      summaries(db)
        .select(SUMMARY_COLUMNS)
        .where('d.signer_official_id', '=', me)
        .where('d.status', 'in', ['awaiting_signature', 'approved'])
        .execute(),
    ]);
    items.push(...opinions.map((row) => ({ ...toSummary(row), reason: 'opinion' as const })));
    items.push(...reviews.map((row) => ({ ...toSummary(row), reason: 'review' as const })));
    items.push(...signatures.map((row) => ({ ...toSummary(row), reason: 'signature' as const })));
  }
  const issue = caller.scopes['document.issue'];
  if (issue && (issue.all || issue.agencyIds.length > 0)) {
    const seals = await summaries(db)
      .select(SUMMARY_COLUMNS)
      .where('d.status', '=', 'signed')
      .$if(!issue.all, (q) => q.where('d.agency_id', 'in', issue.all ? [] : issue.agencyIds))
      .execute();
    items.push(...seals.map((row) => ({ ...toSummary(row), reason: 'seal' as const })));
  }
  return { items: items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) };
}

export async function versionPdf(db: Db, caller: OutgoingCaller, options: { id: string; version: number }) {
  const row = await findVisibleDraft(db, caller, options.id);
  const version = await db
    .selectFrom('outgoing_version')
    .select(['pdf', 'kind'])
    .where('draft_id', '=', row.id)
    .where('version', '=', options.version)
    .executeTakeFirst();
  if (!version) throw notFound('version');
  return { pdf: new Uint8Array(version.pdf), kind: version.kind };
}

/** The signatures of the latest signed or issued version, checked now against the trust list (R-SIG-5). */
export async function draftSignatures(
  db: Db,
  caller: OutgoingCaller,
  id: string,
): Promise<OutgoingSignatureList> {
  const row = await findVisibleDraft(db, caller, id);
  const version = await db
    .selectFrom('outgoing_version')
    .select(['version', 'pdf'])
    .where('draft_id', '=', row.id)
    .where('kind', 'in', ['signed', 'issued'])
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!version) throw notFound('signature');
  const reports = await verifyPdf(new Uint8Array(version.pdf), await readTrustSettings(db, new Date()));
  return {
    version: version.version,
    signatures: reports.map((report) => ({
      signerName: report.signer?.commonName ?? report.name,
      organisation: report.signer?.organisation ?? null,
      reason: report.reason,
      signingTime: report.signingTime,
      integrity: report.integrity,
      trust: report.trust,
      revocation: report.revocation,
      valid: report.valid,
      problems: report.problems,
    })),
  };
}
