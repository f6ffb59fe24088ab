import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { installGuard } from './platform/guard.ts';
import { createHttp, type App } from './platform/http.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { purgeExpired } from './modules/identity/purge-expired.ts';
import { createPrincipalResolver } from './modules/identity/resolve-principal.ts';
import { installMetrics } from './modules/ops/metrics.ts';
import { opsRoutes } from './modules/ops/routes.ts';
import { serveWebApp } from './modules/ops/web.ts';
import { createGrantsProvider } from './modules/organisation/find-grants.ts';
import { organisationRoutes } from './modules/organisation/routes.ts';
import { procedureRoutes } from './modules/procedures/routes.ts';
import { dossierRoutes } from './modules/dossiers/routes.ts';
import { createScanner } from './modules/files/create-scanner.ts';
import { fileRoutes } from './modules/files/routes.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const MAINTENANCE_EVERY_MS = 3_600_000;
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The composition root: the one place that knows every module. It wires identity (who holds a
 * session) to organisation (what their positions grant) and registers each module's routes.
 */
export async function buildApp(config: Config, database: Database): Promise<App> {
  const app = createHttp({ logLevel: config.LOG_LEVEL, trustProxy: config.TRUST_PROXY });
  const { db } = database;
  const resolvePrincipal = createPrincipalResolver(db, createGrantsProvider(db));
  installGuard(app, resolvePrincipal);
  const metrics = installMetrics(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TinhSo API',
        version: VERSION,
        description:
          'TinhSo (tỉnh số): the digital province. Every change requires the x-csrf-token header of the session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tinhso_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(opsRoutes, { database, version: VERSION, metrics, metricsToken: config.METRICS_TOKEN });
  await app.register(identityRoutes, {
    db,
    resolvePrincipal,
    cookieSecure: config.COOKIE_SECURE,
    sessionTtlHours: config.SESSION_TTL_HOURS,
  });
  await app.register(organisationRoutes, { db });
  await app.register(procedureRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(calendarRoutes, { db });
  await app.register(fileRoutes, { db, scanner: createScanner({}) });
  await app.register(dossierRoutes, { db });
  await serveWebApp(app, config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST);

  const maintenance = setInterval(() => {
    purgeExpired(db).then(
      (purged) => app.log.info({ purged }, 'expired sessions and sign-in attempts purged'),
      (error: unknown) => app.log.error({ err: error }, 'purge failed'),
    );
  }, MAINTENANCE_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(maintenance));
  return app;
}
