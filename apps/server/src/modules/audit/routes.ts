import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditEvent, AuditQuery, ChainReport, list } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { principalOf } from '../../platform/guard.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { listEvents } from './list-events.ts';
import { verifyChain } from './verify-chain.ts';

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first',
        querystring: AuditQuery,
        response: { 200: list(AuditEvent) },
      },
    },
    async (request) =>
      listEvents(db, request.query, await resolveAgencyScope(db, principalOf(request), 'audit.read')),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole trail',
        response: { 200: ChainReport },
      },
    },
    async () => verifyChain(db),
  );
};
