import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DocumentTypeList,
  IdParams,
  IncomingDocument,
  IncomingList,
  IncomingQuery,
  IssueNumberBody,
  OutgoingNumber,
  OutgoingNumberList,
  OutgoingNumberQuery,
  RegisterIncomingBody,
  RegisteredIncoming,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { hasAnswer, runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { attachmentDisposition } from '../files/file-name.ts';
import { readFile } from '../files/read-file.ts';
import { actingAgency } from './acting-agency.ts';
import { getIncoming, listIncoming } from './incoming-queries.ts';
import { issueNumber } from './issue-number.ts';
import { listOutgoingNumbers } from './outgoing-queries.ts';
import { checkIncoming, registerIncoming } from './register-incoming.ts';
import { listDocumentTypes } from './repository.ts';

const tags = ['documents'];

/** Official documents (QLVB): types, numbers of outgoing documents, the register of incoming ones. */
export const documentRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/documents/types',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The 29 document types of NĐ 30/2020 with their abbreviations (Phụ lục III)',
        response: { 200: DocumentTypeList },
      },
    },
    async () => ({ items: await listDocumentTypes(db) }),
  );

  app.post(
    '/api/documents/outgoing/numbers',
    {
      config: { access: 'document.issue' },
      schema: {
        tags,
        summary:
          'Give an outgoing document the next number of its agency’s yearly series and its symbol (e.g. 05/QĐ-UBND)',
        body: IssueNumberBody,
        response: { 201: OutgoingNumber },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const agencyId = await actingAgency(db, {
        principal,
        permission: 'document.issue',
        agencyId: request.body.agencyId,
      });
      const issued = await runCommand(db, request, (tx) =>
        issueNumber(tx, {
          agencyId,
          body: request.body,
          accountId: principal.accountId,
          actor: actorOf(request),
        }),
      );
      return reply.status(201).send(issued);
    },
  );

  app.get(
    '/api/documents/outgoing/numbers',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The numbers an agency issued, latest first',
        querystring: OutgoingNumberQuery,
        response: { 200: OutgoingNumberList },
      },
    },
    async (request) => {
      const agencyId = await actingAgency(db, {
        principal: principalOf(request),
        permission: 'document.read',
        agencyId: request.query.agencyId,
      });
      return listOutgoingNumbers(db, agencyId, request.query);
    },
  );

  app.post(
    '/api/documents/incoming',
    {
      config: { access: 'document.register' },
      schema: {
        tags,
        summary:
          'Register a received document in the agency’s register of incoming documents (gives its số đến)',
        body: RegisterIncomingBody,
        response: { 201: RegisteredIncoming },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const agencyId = await actingAgency(db, {
        principal,
        permission: 'document.register',
        agencyId: request.body.agencyId,
      });
      const now = new Date();
      // A retry of a registration that committed gets its answer, even though its scan is now attached.
      if (!(await hasAnswer(db, request)))
        await checkIncoming(db, { body: request.body, accountId: principal.accountId, now });
      const registered = await runCommand(db, request, (tx) =>
        registerIncoming(tx, {
          agencyId,
          body: request.body,
          accountId: principal.accountId,
          actor: actorOf(request),
          now,
        }),
      );
      return reply.status(201).send(registered);
    },
  );

  app.get(
    '/api/documents/incoming',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The register of incoming documents of the agencies in reach, latest số đến first',
        querystring: IncomingQuery,
        response: { 200: IncomingList },
      },
    },
    async (request) =>
      listIncoming(db, await resolveAgencyScope(db, principalOf(request), 'document.read'), request.query),
  );

  app.get(
    '/api/documents/incoming/:id',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'One registered incoming document (another agency’s: 404)',
        params: IdParams,
        response: { 200: IncomingDocument },
      },
    },
    async (request) =>
      getIncoming(db, await resolveAgencyScope(db, principalOf(request), 'document.read'), request.params.id),
  );

  app.get(
    '/api/documents/incoming/:id/scan',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The PDF scan of a registered incoming document (none, or another agency’s: 404)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const scope = await resolveAgencyScope(db, principalOf(request), 'document.read');
      const document = await getIncoming(db, scope, request.params.id);
      if (!document.scanFileId) throw notFound('scan');
      const file = await readFile(db, document.scanFileId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
