import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { getMigrationStatus } from '../../platform/migrate.ts';
import { outboxSummary } from '../../platform/outbox.ts';

const Health = Type.Object({
  status: Type.Enum(['ok', 'degraded']),
  version: Type.String(),
  database: Type.Object({ reachable: Type.Boolean(), kind: Type.Enum(['pglite', 'postgres']) }),
  migrations: Type.Object({
    applied: Type.Integer(),
    pending: Type.Integer(),
    latest: Type.Union([Type.String(), Type.Null()]),
  }),
});

const OutboxSummary = Type.Object({
  pending: Type.Integer(),
  dead: Type.Integer(),
  topics: Type.Array(
    Type.Object({
      topic: Type.String(),
      pending: Type.Integer(),
      dead: Type.Integer(),
      oldestPendingSeconds: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});

export interface OpsRouteOptions {
  database: Database;
  version: string;
  metrics: Registry;
  metricsToken: string | undefined;
}

export const opsRoutes: FastifyPluginAsyncTypebox<OpsRouteOptions> = async (app, options) => {
  const { db, kind } = options.database;

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Liveness and readiness: database reachable, migrations applied',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      try {
        // Reading the applied migrations also proves the database answers.
        const migrations = await getMigrationStatus(db, { ensure: false });
        const healthy = migrations.pending.length === 0;
        return reply.status(healthy ? 200 : 503).send({
          status: healthy ? 'ok' : 'degraded',
          version: options.version,
          database: { reachable: true, kind },
          migrations: {
            applied: migrations.applied.length,
            pending: migrations.pending.length,
            latest: migrations.applied.at(-1) ?? null,
          },
        });
      } catch (error) {
        reply.log.error({ err: error }, 'health check failed');
        return reply.status(503).send({
          status: 'degraded',
          version: options.version,
          database: { reachable: false, kind },
          migrations: { applied: 0, pending: 0, latest: null },
        });
      }
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (bearer METRICS_TOKEN when set)',
        hide: false,
      },
    },
    async (request, reply) => {
      if (options.metricsToken && request.headers.authorization !== `Bearer ${options.metricsToken}`)
        throw new AppError('unauthenticated');
      return reply.type(options.metrics.contentType).send(await options.metrics.metrics());
    },
  );

  app.get(
    '/api/ops/outbox',
    {
      config: { access: 'integration.manage' },
      schema: {
        tags: ['operations'],
        summary: 'Background work waiting or dead, by topic (notifications, national portal sync)',
        response: { 200: OutboxSummary },
      },
    },
    async () => outboxSummary(db),
  );

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'This OpenAPI 3 document' } },
    async () => app.swagger(),
  );
};
