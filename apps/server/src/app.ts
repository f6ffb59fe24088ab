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
import { documentRoutes } from './modules/documents/routes.ts';
import { workFileRoutes } from './modules/documents/work-files/routes.ts';
import { incomingRoutes } from './modules/documents/routes-incoming.ts';
import { scanIncomingReminders } from './modules/documents/incoming-reminders.ts';
import { outgoingRoutes } from './modules/documents/routes-outgoing.ts';
import { scanDossierAlerts } from './modules/dossiers/alerts.ts';
import { settleDossierFee } from './modules/dossiers/fees.ts';
import { createScanner } from './modules/files/create-scanner.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { createChannels } from './modules/notifications/channels/create-channels.ts';
import { notificationsConfigFrom } from './modules/notifications/channels/notifications-config.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { configureSigningKeySecret } from './modules/signatures/key-encryption.ts';
import { signatureRoutes } from './modules/signatures/routes.ts';
import { signerForAgencySeal } from './modules/signatures/key-store.ts';
import {
  configureTimestampAuthority,
  createSimulatedTimestampAuthority,
} from './modules/signatures/timestamp-authority.ts';
import { tsaSimulator } from './modules/signatures/tsa-simulator.ts';
import { configureOcspSimulatorOrigin } from './modules/signatures/ocsp-client.ts';
import { createDemoOcspResponder, ocspSimulator } from './modules/signatures/ocsp-simulator.ts';
import { axisSimulator } from './modules/exchange/axis/axis-simulator.ts';
import { createExchange } from './modules/exchange/create-exchange.ts';
import { parsePeers } from './modules/exchange/peers.ts';
import { exchangeRoutes } from './modules/exchange/routes.ts';
import type { Scanner } from './modules/files/scanner.ts';
import {
  createSendNotificationHandler,
  NOTIFICATION_SEND_TOPIC,
} from './modules/notifications/send-notification.ts';
import {
  createNotificationSimulators,
  simulatedNotificationsConfig,
} from './modules/notifications/simulators/create-notification-simulators.ts';
import { createPaygovProvider } from './modules/payments/paygov.ts';
import { paymentRoutes } from './modules/payments/routes.ts';
import { paygovSimulator } from './modules/payments/simulator.ts';
import { createOutboxWorker, type OutboxHandler, type OutboxWorker } from './platform/outbox.ts';
import { createPortalClient } from './modules/dvcqg/portal-client.ts';
import { pullOnce } from './modules/dvcqg/pull-dossiers.ts';
import { dvcqgRoutes } from './modules/dvcqg/routes.ts';
import { dvcqgSimulator } from './modules/dvcqg/simulator.ts';
import { createDvcqgSyncHandler, DVCQG_SYNC_TOPIC } from './modules/dvcqg/sync-dossier.ts';
import { registerRemoteSigning } from './modules/signatures/remote/register-remote-signing.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const MAINTENANCE_EVERY_MS = 3_600_000;
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The composition root: the one place that knows every module. It wires identity (who holds a
 * session) to organisation (what their positions grant) and registers each module's routes.
 */
/** Demo credentials of the local simulators: they only ever talk to this process. */
const SIMULATED = {
  dvcqgToken: 'simulated-dvcqg-token',
  paygovSecret: 'simulated-paygov-secret',
  smsKey: 'simulated-sms-key',
  zaloToken: 'simulated-zalo-token',
  axisSystemId: 'tinhso-simulated',
  axisSecret: 'simulated-axis-secret-key',
};

/**
 * The exchanges with systems outside: payments, notifications and the outbox that drives them. With
 * SIMULATORS=true each national or commercial system is replaced by a local simulator mounted on this
 * server, and the origin is learnt when the server listens (the tests listen on a random port).
 */
async function registerExchanges(
  app: App,
  config: Config,
  database: Database,
  scanner: Scanner,
): Promise<void> {
  const { db } = database;
  let origin = config.PUBLIC_BASE_URL ?? '';
  const originOf = () => origin;
  const paygovSecret = config.PAYGOV_SECRET ?? (config.SIMULATORS ? SIMULATED.paygovSecret : undefined);
  const providers = paygovSecret
    ? [
        createPaygovProvider({
          merchantCode: config.PAYGOV_MERCHANT_CODE,
          secret: paygovSecret,
          gatewayUrl: config.PAYGOV_GATEWAY_URL ?? (() => `${originOf()}/simulators/paygov`),
        }),
      ]
    : [];
  // Without a payment platform configured (nor simulated) fees are paid at the desk only.
  if (providers.length > 0)
    await app.register(paymentRoutes, {
      db,
      providers,
      onSettled: settleDossierFee,
      publicBaseUrl: originOf,
    });
  const dvcqgToken = config.DVCQG_TOKEN ?? (config.SIMULATORS ? SIMULATED.dvcqgToken : undefined);
  const portal = dvcqgToken
    ? createPortalClient({
        baseUrl: config.DVCQG_BASE_URL ?? (() => `${originOf()}/simulators/dvcqg`),
        token: dvcqgToken,
        unitCode: config.DVCQG_UNIT_CODE,
      })
    : null;
  if (portal) await app.register(dvcqgRoutes, { db, client: portal });
  const simulators = config.SIMULATORS
    ? createNotificationSimulators({ smsApiKey: SIMULATED.smsKey, zaloAccessToken: SIMULATED.zaloToken })
    : null;
  if (simulators) {
    await app.register(simulators.httpPlugin);
    await app.register(paygovSimulator, {
      prefix: '/simulators/paygov',
      merchantCode: config.PAYGOV_MERCHANT_CODE,
      secret: paygovSecret ?? SIMULATED.paygovSecret,
    });
    await app.register(dvcqgSimulator, {
      prefix: '/simulators/dvcqg',
      token: dvcqgToken ?? SIMULATED.dvcqgToken,
    });
  }

  // Trusted timestamps on every signature (RFC 3161, ADR 0024): TSA_URL, else the simulated TSA here.
  const simulatedTsa = config.SIMULATORS
    ? createSimulatedTimestampAuthority({
        db,
        baseUrl: () => (originOf() ? `${originOf()}/simulators/tsa` : null),
      })
    : null;
  if (simulatedTsa)
    await app.register(tsaSimulator, { prefix: '/simulators/tsa', signer: simulatedTsa.signer });
  // The demo CA's OCSP responder (ADR 0026): trust anchors whose OCSP URL is /simulators/ocsp ask it.
  if (config.SIMULATORS) {
    await app.register(ocspSimulator, { prefix: '/simulators/ocsp', ...createDemoOcspResponder(db) });
    configureOcspSimulatorOrigin(() => originOf() || null);
  }
  const tsaUrl = config.TSA_URL;
  configureTimestampAuthority(
    tsaUrl ? () => Promise.resolve(tsaUrl) : (simulatedTsa?.url ?? (() => Promise.resolve(null))),
  );

  // Exchange of documents between agencies (ADR 0021): same server, peers over HTTPS, the national axis.
  const axisSecret =
    config.EXCHANGE_AXIS_SECRET_KEY ?? (config.SIMULATORS ? SIMULATED.axisSecret : undefined);
  const peers = parsePeers(config.EXCHANGE_PEERS);
  const exchange = createExchange({
    db,
    logger: app.log,
    peers,
    ...(config.EXCHANGE_PEER_CA_FILE ? { peerCa: readFileSync(config.EXCHANGE_PEER_CA_FILE, 'utf8') } : {}),
    axis: axisSecret
      ? {
          baseUrl: config.EXCHANGE_AXIS_URL ?? (() => `${originOf()}/simulators/vxp`),
          systemId: config.EXCHANGE_AXIS_SYSTEM_ID ?? SIMULATED.axisSystemId,
          secretKey: axisSecret,
        }
      : null,
    axisPullSeconds: config.EXCHANGE_AXIS_PULL_SECONDS,
    sealSigner: signerForAgencySeal,
  });
  await app.register(exchangeRoutes, { db, scanner, peers });
  if (config.SIMULATORS)
    await app.register(axisSimulator, {
      prefix: '/simulators/vxp',
      systemId: config.EXCHANGE_AXIS_SYSTEM_ID ?? SIMULATED.axisSystemId,
      secretKey: axisSecret ?? SIMULATED.axisSecret,
    });
  let stopAxisLoop: (() => void) | undefined;

  let outbox: OutboxWorker | undefined;
  let pull: NodeJS.Timeout | undefined;
  let channels: ReturnType<typeof createChannels> | undefined;
  app.addHook('onListen', async () => {
    const address = app.server.address();
    // Without PUBLIC_BASE_URL: the name a person on this machine types (the session cookie is per host).
    if (!origin && address && typeof address === 'object') origin = `http://localhost:${address.port}`;
    channels = createChannels(
      simulators
        ? simulatedNotificationsConfig({
            baseUrl: origin,
            smtpPort: await simulators.smtp.start(0),
            smsApiKey: SIMULATED.smsKey,
            zaloAccessToken: SIMULATED.zaloToken,
          })
        : notificationsConfigFrom(config),
    );
    const handlers: Record<string, OutboxHandler> = {
      [NOTIFICATION_SEND_TOPIC]: createSendNotificationHandler({ db, channels, logger: app.log }),
      ...exchange.handlers,
    };
    stopAxisLoop = exchange.startAxisLoop();
    if (portal) {
      handlers[DVCQG_SYNC_TOPIC] = createDvcqgSyncHandler({
        db,
        client: portal,
        logger: app.log,
        resultLink: (dossierId, fileId) => `${originOf()}/api/dossiers/${dossierId}/files/${fileId}`,
      });
      pull = setInterval(() => {
        pullOnce(db, portal).then(
          (report) => app.log.info({ received: report.received, refused: report.refused }, 'DVCQG pull'),
          (error: unknown) => app.log.warn({ err: error }, 'DVCQG pull failed'),
        );
      }, config.DVCQG_PULL_MINUTES * 60_000).unref();
    }
    outbox = createOutboxWorker({
      db,
      handlers,
      logger: app.log,
      pollMs: config.OUTBOX_POLL_MS,
      batchSize: 20,
      maxAttempts: 8,
      leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    });
    // 0: an API-only copy; the messages wait for a copy whose worker runs.
    if (config.OUTBOX_POLL_MS > 0) outbox.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(pull);
    stopAxisLoop?.();
    await outbox?.stop();
    channels?.close();
    await simulators?.smtp.stop();
  });
}

export async function buildApp(config: Config, database: Database): Promise<App> {
  const app = createHttp({
    logLevel: config.LOG_LEVEL,
    trustProxy: config.TRUST_PROXY,
    ...(config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? {
          https: {
            cert: readFileSync(config.TLS_CERT_FILE, 'utf8'),
            key: readFileSync(config.TLS_KEY_FILE, 'utf8'),
          },
        }
      : {}),
  });
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
  const scanner = createScanner(
    config.CLAMD_HOST ? { clamd: { host: config.CLAMD_HOST, port: config.CLAMD_PORT } } : {},
  );
  await app.register(fileRoutes, { db, scanner });
  await app.register(dossierRoutes, { db, lookupsPerMinute: config.LOOKUPS_PER_MINUTE });
  await app.register(documentRoutes, { db });
  await app.register(workFileRoutes, { db });
  await app.register(incomingRoutes, { db });
  await app.register(outgoingRoutes, { db });
  await app.register(notificationRoutes, { db });
  const keyStoreWarning = configureSigningKeySecret({
    secret: config.SIGNING_KEY_SECRET,
    isDemo: config.SIMULATORS,
  });
  if (keyStoreWarning) app.log.warn(keyStoreWarning);
  await app.register(signatureRoutes, { db, verificationsPerMinute: config.VERIFICATIONS_PER_MINUTE });
  // Remote signing (ký số từ xa, ADR 0022): REMOTE_SIGNING_URL, else with SIMULATORS=true the simulator here.
  await registerRemoteSigning(app, { db, config });
  await registerExchanges(app, config, database, scanner);
  await serveWebApp(app, config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST);

  const maintenance = setInterval(() => {
    purgeExpired(db).then(
      (purged) => app.log.info({ purged }, 'expired sessions and sign-in attempts purged'),
      (error: unknown) => app.log.error({ err: error }, 'purge failed'),
    );
  }, MAINTENANCE_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(maintenance));
  // Alerts and reminders to officials (R-DOS-10, R-DOS-11); each is sent once whatever the interval.
  if (config.ALERT_SCAN_MINUTES > 0) {
    let isScanning = false;
    const alerts = setInterval(() => {
      if (isScanning) return;
      isScanning = true;
      scanDossierAlerts(db)
        .then(
          (report) =>
            app.log[report.failed.length > 0 ? 'warn' : 'info'](
              { sent: report.sent.length, failed: report.failed },
              'dossier alerts scanned',
            ),
          (error: unknown) => app.log.error({ err: error }, 'dossier alert scan failed'),
        )
        .finally(() => {
          isScanning = false;
        });
    }, config.ALERT_SCAN_MINUTES * 60_000).unref();
    app.addHook('onClose', async () => clearInterval(alerts));
  }
  // Reminders before and after the handling deadline of incoming documents (ADR 0018), each once.
  if (config.ALERT_SCAN_MINUTES > 0) {
    const reminders = setInterval(() => {
      scanIncomingReminders(db).then(
        (report) => app.log.info({ sent: report.sent.length }, 'incoming document reminders scanned'),
        (error: unknown) => app.log.error({ err: error }, 'incoming document reminder scan failed'),
      );
    }, config.ALERT_SCAN_MINUTES * 60_000).unref();
    app.addHook('onClose', async () => clearInterval(reminders));
  }
  return app;
}
