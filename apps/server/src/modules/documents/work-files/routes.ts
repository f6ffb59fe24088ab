import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddToWorkFileBody,
  CloseWorkFileBody,
  CreateWorkFileBody,
  IdParams,
  RetentionList,
  WorkFileDocumentParams,
  WorkFileList,
  WorkFileQuery,
  WorkFileWithDocuments,
} from '@tinhso/contracts';
import type { Principal } from '../../../platform/access.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/guard.ts';
import { runCommand } from '../../../platform/idempotency.ts';
import { inScope, resolveAgencyScope, type AgencyScope } from '../../../platform/scope.ts';
import { todayInVietnam } from '../../../platform/time.ts';
import { readFile } from '../../files/read-file.ts';
import { actingAgency } from '../acting-agency.ts';
import { buildArchivePackage } from './archive-package.ts';
import {
  addToWorkFile,
  archiveWorkFile,
  closeWorkFile,
  createWorkFile,
  removeFromWorkFile,
} from './commands.ts';
import { getWorkFile, listWorkFiles, retentionByType } from './queries.ts';

const tags = ['documents'];

/** Who reads files: the agencies where the caller reads the registers or handles documents. */
async function readScope(db: Db, principal: Principal): Promise<AgencyScope> {
  const [reading, handling] = await Promise.all([
    resolveAgencyScope(db, principal, 'document.read'),
    resolveAgencyScope(db, principal, 'document.handle'),
  ]);
  if (reading.all || handling.all) return { all: true };
  return { all: false, agencyIds: [...new Set([...reading.agencyIds, ...handling.agencyIds])] };
}

/** The agency of a file the caller may change (document.handle there); else 404. */
async function agencyToChange(db: Db, principal: Principal, id: string): Promise<string> {
  const row = await db.selectFrom('work_file').select('agency_id').where('id', '=', id).executeTakeFirst();
  const scope = await resolveAgencyScope(db, principal, 'document.handle');
  if (!row || !inScope(scope, row.agency_id)) throw notFound('work_file');
  return row.agency_id;
}

/** Work files (hồ sơ công việc): open, fill, close, hand over to the archive, export the package. */
export const workFileRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/documents/retention',
    {
      config: { access: 'workspace.access' },
      schema: {
        tags,
        summary:
          'The retention (thời hạn bảo quản) each document type asks today (R-ARC-2, data with an effective date)',
        response: { 200: RetentionList },
      },
    },
    async () => {
      const today = todayInVietnam();
      const rows = await db
        .selectFrom('document_retention as r')
        .innerJoin('document_type as t', 't.code', 'r.type_code')
        .select([
          'r.type_code',
          't.name_vi',
          'r.retention_years',
          'r.effective_from',
          'r.source',
          't.sort_order',
        ])
        .distinctOn(['t.sort_order', 'r.type_code'])
        .where('r.effective_from', '<=', today)
        .orderBy('t.sort_order')
        .orderBy('r.type_code')
        .orderBy('r.effective_from', 'desc')
        .execute();
      return {
        items: rows.map((row) => ({
          typeCode: row.type_code,
          typeName: row.name_vi,
          retention: row.retention_years ?? ('permanent' as const),
          effectiveFrom: row.effective_from,
          source: row.source,
        })),
      };
    },
  );

  app.get(
    '/api/documents/files',
    {
      config: { access: 'workspace.access' },
      schema: {
        tags,
        summary:
          'Work files of the agencies where I read or handle documents; archiveDueWithinDays lists those due for the archive',
        querystring: WorkFileQuery,
        response: { 200: WorkFileList },
      },
    },
    async (request) => listWorkFiles(db, await readScope(db, principalOf(request)), request.query),
  );

  app.post(
    '/api/documents/files',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Open a work file in the agency’s list for the year; 201',
        body: CreateWorkFileBody,
        response: { 201: WorkFileWithDocuments },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const agencyId = await actingAgency(db, {
        principal,
        permission: 'document.handle',
        agencyId: request.body.agencyId,
      });
      const id = await runCommand(db, request, (tx) =>
        createWorkFile(tx, {
          agencyId,
          body: request.body,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return reply.status(201).send(await getWorkFile(db, { all: false, agencyIds: [agencyId] }, id));
    },
  );

  app.get(
    '/api/documents/files/:id',
    {
      config: { access: 'workspace.access' },
      schema: {
        tags,
        summary: 'One work file with its documents in order; another agency’s is 404',
        params: IdParams,
        response: { 200: WorkFileWithDocuments },
      },
    },
    async (request) => getWorkFile(db, await readScope(db, principalOf(request)), request.params.id),
  );

  app.post(
    '/api/documents/files/:id/documents',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary:
          'Put an incoming or issued outgoing document of the agency in an open file (next DocOrdinal)',
        params: IdParams,
        body: AddToWorkFileBody,
        response: { 200: WorkFileWithDocuments },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const agencyId = await agencyToChange(db, principal, request.params.id);
      await runCommand(db, request, (tx) =>
        addToWorkFile(tx, {
          agencyId,
          id: request.params.id,
          body: request.body,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return getWorkFile(db, { all: false, agencyIds: [agencyId] }, request.params.id);
    },
  );

  app.delete(
    '/api/documents/files/:id/documents/:docOrdinal',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Take a document out of an open file; the later ones move up',
        params: WorkFileDocumentParams,
        response: { 200: WorkFileWithDocuments },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const agencyId = await agencyToChange(db, principal, request.params.id);
      await runCommand(db, request, (tx) =>
        removeFromWorkFile(tx, {
          agencyId,
          id: request.params.id,
          docOrdinal: request.params.docOrdinal,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return getWorkFile(db, { all: false, agencyIds: [agencyId] }, request.params.id);
    },
  );

  app.post(
    '/api/documents/files/:id/close',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary:
          'Close a file when the work ends: retention frozen, hand-over to the archive due (NĐ 30/2020 Art 30)',
        params: IdParams,
        body: CloseWorkFileBody,
        response: { 200: WorkFileWithDocuments },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const agencyId = await agencyToChange(db, principal, request.params.id);
      const retention = await retentionByType(db);
      await runCommand(db, request, (tx) =>
        closeWorkFile(tx, {
          agencyId,
          id: request.params.id,
          body: request.body,
          retentionByType: retention,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return getWorkFile(db, { all: false, agencyIds: [agencyId] }, request.params.id);
    },
  );

  app.post(
    '/api/documents/files/:id/archive',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Record that a closed file was handed over to the agency archive (nộp lưu)',
        params: IdParams,
        response: { 200: WorkFileWithDocuments },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const agencyId = await agencyToChange(db, principal, request.params.id);
      await runCommand(db, request, (tx) =>
        archiveWorkFile(tx, {
          agencyId,
          id: request.params.id,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return getWorkFile(db, { all: false, agencyIds: [agencyId] }, request.params.id);
    },
  );

  app.get(
    '/api/documents/files/:id/export',
    {
      config: { access: 'workspace.access' },
      schema: {
        tags,
        summary:
          'The archive package of a file (ZIP: E-ARK METS, EAD, PREMIS, the PDFs in chronological order)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await getWorkFile(db, await readScope(db, principalOf(request)), request.params.id);
      const agency = await db
        .selectFrom('agency')
        .select('name')
        .where('id', '=', file.agencyId)
        .executeTakeFirstOrThrow();
      const pdfs = new Map<string, Uint8Array>();
      const withScans = file.documents.filter((d) => d.kind === 'incoming' && d.hasPdf).map((d) => d.id);
      const scans =
        withScans.length === 0
          ? []
          : await db
              .selectFrom('incoming_document')
              .select(['id', 'scan_file_id'])
              .where('id', 'in', withScans)
              .execute();
      for (const scan of scans)
        if (scan.scan_file_id) pdfs.set(scan.id, (await readFile(db, scan.scan_file_id)).content);
      const built = await buildArchivePackage({ file, agencyName: agency.name, pdfs, now: new Date() });
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${file.fileCode}.zip"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(built.zip));
    },
  );
};
