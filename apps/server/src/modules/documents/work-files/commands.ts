import { sql, type Transaction } from 'kysely';
import type { AddToWorkFileBody, CloseWorkFileBody, CreateWorkFileBody } from '@tinhso/contracts';
import type { Actor } from '../../../platform/access.ts';
import type { DB } from '../../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../../platform/errors.ts';
import { todayInVietnam } from '../../../platform/time.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { isUniqueViolation } from '../series.ts';
import { archiveDueOn, fileCode, longestRetention, retentionColumns, type Retention } from './retention.ts';
import './tables.ts';

interface Who {
  accountId: string;
  actor: Actor;
}

/** The file for a change, locked; one out of the agency (or none) is 404, one not open 409. */
async function lockedFile(tx: Transaction<DB>, agencyId: string, id: string, expected: 'open' | 'closed') {
  const row = await tx
    .selectFrom('work_file as f')
    .innerJoin('agency as a', 'a.id', 'f.agency_id')
    .selectAll('f')
    .select('a.code as organ_id')
    .where('f.id', '=', id)
    .where('f.agency_id', '=', agencyId)
    .forUpdate('f')
    .executeTakeFirst();
  if (!row) throw notFound('work_file');
  if (row.state !== expected) throw conflict('state', 'invalid_state', { state: row.state });
  return row;
}

/** Opens a work file in the agency's danh mục for the year (this year by default). */
export async function createWorkFile(
  tx: Transaction<DB>,
  options: Who & { agencyId: string; body: CreateWorkFileBody; now?: Date },
): Promise<string> {
  const { agencyId, body, accountId, actor } = options;
  const today = todayInVietnam(options.now);
  const fileCatalog = body.fileCatalog ?? Number(today.slice(0, 4));
  const row = await tx
    .insertInto('work_file')
    .values({
      agency_id: agencyId,
      file_catalog: fileCatalog,
      file_notation: body.fileNotation,
      title: body.title,
      description: body.description ?? null,
      retention_from: body.retention === undefined ? 'documents' : 'explicit',
      ...(body.retention === undefined
        ? { retention_years: null, retention_permanent: false }
        : retentionColumns(body.retention)),
      rights: body.rights,
      kind: body.kind,
      start_date: today,
      created_by: accountId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'work_file_code_once')) throw conflict('fileNotation', 'taken');
      throw error;
    });
  const agency = await tx
    .selectFrom('agency')
    .select('code')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'work_file.created',
    entityType: 'work_file',
    entityId: row.id,
    agencyId,
    data: { fileCode: fileCode(agency.code, fileCatalog, body.fileNotation), title: body.title },
  });
  return row.id;
}

/**
 * Puts a document of the agency in an open file with the next DocOrdinal. The document stays where
 * it is (one document, many files); putting it twice in one file is 409 naming its field.
 */
export async function addToWorkFile(
  tx: Transaction<DB>,
  options: Who & { agencyId: string; id: string; body: AddToWorkFileBody },
): Promise<void> {
  const { agencyId, id, body, accountId, actor } = options;
  const given = [body.incomingDocumentId, body.outgoingNumberId].filter((value) => value !== undefined);
  if (given.length !== 1) throw invalid('incomingDocumentId', 'one_of', { other: 'outgoingNumberId' });
  await lockedFile(tx, agencyId, id, 'open');
  const field = body.incomingDocumentId !== undefined ? 'incomingDocumentId' : 'outgoingNumberId';
  const table = body.incomingDocumentId !== undefined ? 'incoming_document' : 'outgoing_number';
  const documentId = (body.incomingDocumentId ?? body.outgoingNumberId)!;
  const document = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', documentId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!document) throw notFound(field === 'incomingDocumentId' ? 'incoming_document' : 'outgoing_number');
  const last = await tx
    .selectFrom('work_file_document')
    .select((eb) => eb.fn.max('doc_ordinal').as('n'))
    .where('work_file_id', '=', id)
    .executeTakeFirstOrThrow();
  const docOrdinal = Number(last.n ?? 0) + 1;
  if (docOrdinal > 999) throw conflict('docOrdinal', 'too_many', { max: 999 });
  const incomingDocumentId = body.incomingDocumentId ?? null;
  const outgoingNumberId = body.outgoingNumberId ?? null;
  await tx
    .insertInto('work_file_document')
    .values({
      work_file_id: id,
      doc_ordinal: docOrdinal,
      incoming_document_id: incomingDocumentId,
      outgoing_number_id: outgoingNumberId,
      added_by: accountId,
    })
    .execute()
    .catch((error: unknown) => {
      if (
        isUniqueViolation(error, 'work_file_incoming_once') ||
        isUniqueViolation(error, 'work_file_outgoing_once')
      )
        throw conflict(field, 'already_in_file');
      throw error;
    });
  await recordEvent(tx, actor, {
    type: 'work_file.document_added',
    entityType: 'work_file',
    entityId: id,
    agencyId,
    data: { docOrdinal, incomingDocumentId, outgoingNumberId },
  });
}

/** Takes a document out of an open file; the ones after it move up, so the ordinals stay 1…n. */
export async function removeFromWorkFile(
  tx: Transaction<DB>,
  options: Who & { agencyId: string; id: string; docOrdinal: number },
): Promise<void> {
  const { agencyId, id, docOrdinal, actor } = options;
  await lockedFile(tx, agencyId, id, 'open');
  const removed = await tx
    .deleteFrom('work_file_document')
    .where('work_file_id', '=', id)
    .where('doc_ordinal', '=', docOrdinal)
    .returning(['incoming_document_id', 'outgoing_number_id'])
    .executeTakeFirst();
  if (!removed) throw notFound('work_file_document');
  // The primary key is checked at commit (deferred), so one statement can move the later ones up.
  await tx
    .updateTable('work_file_document')
    .set({ doc_ordinal: sql<number>`doc_ordinal - 1` })
    .where('work_file_id', '=', id)
    .where('doc_ordinal', '>', docOrdinal)
    .execute();
  await recordEvent(tx, actor, {
    type: 'work_file.document_removed',
    entityType: 'work_file',
    entityId: id,
    agencyId,
    data: {
      docOrdinal,
      incomingDocumentId: removed.incoming_document_id,
      outgoingNumberId: removed.outgoing_number_id,
    },
  });
}

/**
 * Closes a file when the work ends (kết thúc hồ sơ): its retention is frozen (its own, or the
 * longest of its documents' types) and the hand-over to the archive falls due (Art 30). An empty
 * file cannot be closed.
 */
export async function closeWorkFile(
  tx: Transaction<DB>,
  options: Who & {
    agencyId: string;
    id: string;
    body: CloseWorkFileBody;
    retentionByType: Map<string, Retention>;
    now?: Date;
  },
): Promise<void> {
  const { agencyId, id, body, actor } = options;
  const file = await lockedFile(tx, agencyId, id, 'open');
  const today = todayInVietnam(options.now);
  const endDate = body.endDate ?? today;
  if (endDate > today) throw invalid('endDate', 'not_future');
  if (endDate < file.start_date) throw invalid('endDate', 'date_order');
  const types = await tx
    .selectFrom('work_file_document as w')
    .leftJoin('incoming_document as i', 'i.id', 'w.incoming_document_id')
    .leftJoin('outgoing_number as o', 'o.id', 'w.outgoing_number_id')
    .select(sql<string>`coalesce(i.type_code, o.type_code)`.as('type_code'))
    .where('w.work_file_id', '=', id)
    .execute();
  if (types.length === 0) throw conflict('documents', 'empty');
  const retention: Retention =
    file.retention_from === 'explicit'
      ? file.retention_permanent
        ? 'permanent'
        : file.retention_years!
      : (longestRetention(types.map((row) => options.retentionByType.get(row.type_code) ?? 'permanent')) ??
        'permanent');
  const dueOn = archiveDueOn(endDate, file.kind);
  await tx
    .updateTable('work_file')
    .set({ state: 'closed', end_date: endDate, archive_due_on: dueOn, ...retentionColumns(retention) })
    .where('id', '=', id)
    .execute();
  await recordEvent(tx, actor, {
    type: 'work_file.closed',
    entityType: 'work_file',
    entityId: id,
    agencyId,
    data: { endDate, archiveDueOn: dueOn, retention },
  });
}

/** Records the hand-over of a closed file to the agency archive (nộp lưu); it is read-only after. */
export async function archiveWorkFile(
  tx: Transaction<DB>,
  options: Who & { agencyId: string; id: string; now?: Date },
): Promise<void> {
  const { agencyId, id, actor } = options;
  const file = await lockedFile(tx, agencyId, id, 'closed');
  const count = await tx
    .selectFrom('work_file_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_file_id', '=', id)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('work_file')
    .set({ state: 'archived', archived_at: options.now ?? new Date() })
    .where('id', '=', id)
    .execute();
  await recordEvent(tx, actor, {
    type: 'work_file.archived',
    entityType: 'work_file',
    entityId: id,
    agencyId,
    data: {
      fileCode: fileCode(file.organ_id, file.file_catalog, file.file_notation),
      docTotal: Number(count.n),
    },
  });
}
