import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { listSyncAttempts } from './list-sync-attempts.ts';
import type { PortalClient } from './portal-client.ts';
import { pullOnce } from './pull-dossiers.ts';
import { reconcileSync } from './reconcile-sync.ts';
import {
  IdParams,
  PullAnswer,
  ReconciliationAnswer,
  ReconciliationQuery,
  SyncAttemptsAnswer,
} from './schemas.ts';

export interface DvcqgRoutesOptions {
  db: Db;
  client: PortalClient;
}

const tags = ['dvcqg'];
const config = { access: 'integration.manage' as const };

export const dvcqgRoutes: FastifyPluginAsyncTypebox<DvcqgRoutesOptions> = async (app, options) => {
  const { db, client } = options;

  app.get(
    '/api/dvcqg/reconciliation',
    {
      config,
      schema: {
        tags,
        summary:
          'Day-by-day reconciliation of the dossier sync with Cổng DVCQG, the portal’s own list, and indicator 1.4',
        querystring: ReconciliationQuery,
        response: { 200: ReconciliationAnswer },
      },
    },
    async (request) => reconcileSync(db, { ...request.query, client }),
  );

  app.post(
    '/api/dvcqg/pull',
    {
      config,
      schema: {
        tags,
        summary: 'Pull the dossiers filed on Cổng DVCQG now; each is imported or refused with the reason',
        response: { 200: PullAnswer },
      },
    },
    async (request) => {
      try {
        return await pullOnce(db, client);
      } catch (error) {
        request.log.warn({ err: error }, 'DVCQG pull failed');
        throw new AppError('unavailable', { detail: error instanceof Error ? error.message : String(error) });
      }
    },
  );

  app.get(
    '/api/dvcqg/dossiers/:id/sync',
    {
      config,
      schema: {
        tags,
        summary: 'Every attempt to send this dossier to Cổng DVCQG, with the portal’s answer',
        params: IdParams,
        response: { 200: SyncAttemptsAnswer },
      },
    },
    async (request) => ({ items: await listSyncAttempts(db, request.params.id) }),
  );
};
