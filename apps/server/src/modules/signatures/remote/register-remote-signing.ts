import { ConfigError, type Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import type { App } from '../../../platform/http.ts';
import { createRemoteSigningClient } from './remote-client.ts';
import { configureRemoteSigning } from './remote-signing.ts';
import { remoteSigningRoutes } from './routes.ts';
import { remoteSigningSimulator } from './simulator.ts';

/** The simulator's demo credentials: it only ever talks to this process. */
const SIMULATED = { clientId: 'tinhso-simulated', clientSecret: 'simulated-remote-signing-secret' };
const SIMULATOR_PREFIX = '/simulators/remote-signing';

/**
 * Remote signing for the composition root: REMOTE_SIGNING_URL with its client id and secret, or with
 * SIMULATORS=true and no URL the simulator mounted on this server. Callbacks reach
 * PUBLIC_BASE_URL, or the origin learnt when the server listens. Neither: not configured, and an
 * official enrolled for remote signing is told so when signing.
 */
export async function registerRemoteSigning(app: App, options: { db: Db; config: Config }): Promise<void> {
  const { db, config } = options;
  let origin = config.PUBLIC_BASE_URL ?? '';
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (!origin && address && typeof address === 'object') origin = `http://localhost:${address.port}`;
  });
  const isSimulated = !config.REMOTE_SIGNING_URL && config.SIMULATORS;
  const url = config.REMOTE_SIGNING_URL;
  if (url && !config.REMOTE_SIGNING_CLIENT_ID) {
    throw new ConfigError('REMOTE_SIGNING_CLIENT_ID', 'the client id issued with REMOTE_SIGNING_URL', '');
  }
  if (url && !config.REMOTE_SIGNING_CLIENT_SECRET) {
    throw new ConfigError(
      'REMOTE_SIGNING_CLIENT_SECRET',
      'the client secret issued with REMOTE_SIGNING_URL',
      '',
    );
  }
  const credentials = url
    ? { clientId: config.REMOTE_SIGNING_CLIENT_ID!, clientSecret: config.REMOTE_SIGNING_CLIENT_SECRET! }
    : SIMULATED;
  configureRemoteSigning(
    url || isSimulated
      ? {
          client: createRemoteSigningClient({
            baseUrl: url ?? (() => `${origin}${SIMULATOR_PREFIX}`),
            ...credentials,
          }),
          callbackUrl: () => (origin ? `${origin}/api/public/remote-signing/callback` : undefined),
          timeoutMs: config.REMOTE_SIGNING_TIMEOUT_SECONDS * 1000,
          pollMs: config.REMOTE_SIGNING_POLL_SECONDS * 1000,
        }
      : null,
  );
  await app.register(remoteSigningRoutes, { db });
  if (isSimulated) await app.register(remoteSigningSimulator, { prefix: SIMULATOR_PREFIX, db, ...SIMULATED });
}
