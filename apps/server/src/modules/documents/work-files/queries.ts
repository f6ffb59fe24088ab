import { sql } from 'kysely';
import type {
  WorkFile,
  WorkFileDocument,
  WorkFileList,
  WorkFileQuery,
  WorkFileWithDocuments,
} from '@tinhso/contracts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { AgencyScope } from '../../../platform/scope.ts';
import { unaccentedLike } from '../../../platform/search.ts';
import { todayInVietnam } from '../../../platform/time.ts';
import { fileCode, longestRetention, retentionOf, type Retention } from './retention.ts';
import './tables.ts';

const iso = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString());

/** The files of the agencies in reach, with their agency's code. */
function filesInReach(db: Db, scope: AgencyScope) {
  const rows = db.selectFrom('work_file as f').innerJoin('agency as a', 'a.id', 'f.agency_id');
  if (scope.all) return rows;
  if (scope.agencyIds.length === 0) return rows.where(sql<boolean>`false`);
  return rows.where('f.agency_id', 'in', scope.agencyIds);
}

/** The retention each document type asks today (the latest rule in effect). */
export async function retentionByType(db: Db, today = todayInVietnam()): Promise<Map<string, Retention>> {
  const rows = await db
    .selectFrom('document_retention')
    .select(['type_code', 'retention_years'])
    .distinctOn('type_code')
    .where('effective_from', '<=', today)
    .orderBy('type_code')
    .orderBy('effective_from', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.type_code, row.retention_years ?? 'permanent']));
}

/** The documents of files, in their order (DocOrdinal), incoming and outgoing alike. */
export async function documentsOf(db: Db, fileIds: string[]): Promise<Map<string, WorkFileDocument[]>> {
  const byFile = new Map<string, WorkFileDocument[]>(fileIds.map((id) => [id, []]));
  if (fileIds.length === 0) return byFile;
  const retention = await retentionByType(db);
  const rows = await db
    .selectFrom('work_file_document as w')
    .leftJoin('incoming_document as i', 'i.id', 'w.incoming_document_id')
    .leftJoin('outgoing_number as o', 'o.id', 'w.outgoing_number_id')
    .leftJoin('agency as oa', 'oa.id', 'o.agency_id')
    .innerJoin('document_type as t', (join) =>
      join.on(sql<boolean>`t.code = coalesce(i.type_code, o.type_code)`),
    )
    .select([
      'w.work_file_id',
      'w.doc_ordinal',
      'w.incoming_document_id',
      'w.outgoing_number_id',
      'w.added_at',
      'i.number_symbol as in_number_symbol',
      'i.issued_on as in_issued_on',
      'i.summary as in_summary',
      'i.issuer_name',
      'i.scan_file_id',
      'o.number_symbol as out_number_symbol',
      'o.summary as out_summary',
      'o.issued_at as out_issued_at',
      'oa.name as out_agency_name',
      't.code as type_code',
      't.name_vi as type_name',
    ])
    .where('w.work_file_id', 'in', fileIds)
    .orderBy('w.work_file_id')
    .orderBy('w.doc_ordinal')
    .execute();
  for (const row of rows) {
    const incoming = row.incoming_document_id !== null;
    const issuedAt = row.out_issued_at;
    byFile.get(row.work_file_id)?.push({
      docOrdinal: row.doc_ordinal,
      kind: incoming ? 'incoming' : 'outgoing',
      id: (row.incoming_document_id ?? row.outgoing_number_id)!,
      numberSymbol: (incoming ? row.in_number_symbol : row.out_number_symbol) ?? '',
      issuedOn: incoming ? (row.in_issued_on ?? null) : issuedAt ? todayInVietnam(new Date(issuedAt)) : null,
      typeCode: row.type_code,
      typeName: row.type_name,
      subject: (incoming ? row.in_summary : row.out_summary) ?? '',
      organName: (incoming ? row.issuer_name : row.out_agency_name) ?? '',
      hasPdf: incoming && row.scan_file_id !== null,
      retention: retention.get(row.type_code) ?? 'permanent',
      addedAt: iso(row.added_at),
    });
  }
  return byFile;
}

/** The files in reach with their agency's code and number of documents, ready to filter. */
const selectFiles = (db: Db, scope: AgencyScope) =>
  filesInReach(db, scope)
    .selectAll('f')
    .select('a.code as organ_id')
    .select((eb) =>
      eb
        .selectFrom('work_file_document as w')
        .whereRef('w.work_file_id', '=', 'f.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('doc_total'),
    );
type FileRow = Awaited<ReturnType<ReturnType<typeof selectFiles>['executeTakeFirstOrThrow']>>;

function toWorkFile(row: FileRow, documents: WorkFileDocument[] | undefined): WorkFile {
  const own = retentionOf(row);
  const fromDocuments = longestRetention((documents ?? []).map((document) => document.retention));
  return {
    id: row.id,
    agencyId: row.agency_id,
    fileCode: fileCode(row.organ_id, row.file_catalog, row.file_notation),
    organId: row.organ_id,
    fileCatalog: row.file_catalog,
    fileNotation: row.file_notation,
    title: row.title,
    description: row.description,
    // Open files without a retention of their own follow their documents; closing freezes it.
    retention: own ?? fromDocuments ?? 'permanent',
    retentionFrom: row.retention_from,
    rights: row.rights,
    kind: row.kind,
    language: row.language,
    state: row.state,
    startDate: row.start_date,
    endDate: row.end_date,
    archiveDueOn: row.archive_due_on,
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    docTotal: Number(row.doc_total ?? 0),
    createdAt: iso(row.created_at),
  };
}

/** Files in reach, latest year first; `archiveDueWithinDays` lists closed files due for the archive. */
export async function listWorkFiles(db: Db, scope: AgencyScope, query: WorkFileQuery): Promise<WorkFileList> {
  const text = query.q?.trim();
  const today = todayInVietnam();
  const filtered = selectFiles(db, scope)
    .$if(query.fileCatalog !== undefined, (q) => q.where('f.file_catalog', '=', query.fileCatalog!))
    .$if(query.state !== undefined, (q) => q.where('f.state', '=', query.state!))
    .$if(query.archiveDueWithinDays !== undefined, (q) =>
      q
        .where('f.state', '=', 'closed')
        .where(sql<boolean>`f.archive_due_on <= ${today}::date + ${query.archiveDueWithinDays!}::integer`),
    )
    .$if(Boolean(text), (q) =>
      q.where(
        sql<boolean>`(${unaccentedLike('f.title', text!)} or ${unaccentedLike('f.file_notation', text!)})`,
      ),
    );
  const [rows, count] = await Promise.all([
    filtered
      .orderBy('f.file_catalog', 'desc')
      .orderBy('f.file_notation')
      .orderBy('f.id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const documents = await documentsOf(
    db,
    rows.filter((row) => row.retention_from === 'documents' && row.state === 'open').map((row) => row.id),
  );
  return { items: rows.map((row) => toWorkFile(row, documents.get(row.id))), total: Number(count.n) };
}

/** One file with its documents in order; another agency's, or none, is 404 alike. */
export async function getWorkFile(db: Db, scope: AgencyScope, id: string): Promise<WorkFileWithDocuments> {
  const row = await selectFiles(db, scope).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('work_file');
  const documents = (await documentsOf(db, [id])).get(id) ?? [];
  return { ...toWorkFile(row, documents), documents };
}
