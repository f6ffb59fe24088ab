import type { Transaction } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { DB } from '../../../platform/db-types.ts';
import type { Db } from '../../../platform/db.ts';
import { signerForOfficial } from '../key-store.ts';
import type { PdfSigner } from '../pdf-signer.ts';
import type { RemoteSigningClient } from './remote-client.ts';
import { createRemoteSigner } from './remote-signer.ts';
import { RemoteWaiters } from './remote-waiters.ts';
import './tables.ts';

/**
 * The process's remote-signing service, configured once by the composition root (app.ts) like the
 * key store's secret: the client, where callbacks reach this server, and how long a signer waits.
 * Unconfigured (no REMOTE_SIGNING_URL and no simulator), an official enrolled for remote signing
 * cannot sign, and says so.
 */
export interface RemoteSigningSettings {
  client: RemoteSigningClient;
  /** The public URL of POST /api/public/remote-signing/callback, or undefined: polling only. */
  callbackUrl: () => string | undefined;
  timeoutMs: number;
  pollMs: number;
}

let settings: RemoteSigningSettings | null = null;
export const remoteWaiters = new RemoteWaiters();

export function configureRemoteSigning(value: RemoteSigningSettings | null): void {
  settings = value;
}

export function remoteSigningSettings(): RemoteSigningSettings | null {
  return settings;
}

/** The official's current remote-signing account whose certificate is valid now, or undefined. */
export function findRemoteAccount(db: Db | Transaction<DB>, officialId: string, now = new Date()) {
  return db
    .selectFrom('remote_signing_account')
    .select(['id', 'provider_user_id', 'credential_id', 'algorithm', 'certificate_chain', 'not_after'])
    .where('official_id', '=', officialId)
    .where('removed_at', 'is', null)
    .where('not_before', '<=', now)
    .where('not_after', '>', now)
    .executeTakeFirst();
}

/**
 * The official's signer, remote first: an official with a current remote-signing account signs
 * through the service (the phone confirms), even if a PKCS#12 key is also enrolled for them; without
 * one, their newest active PKCS#12 key (`signerForOfficial`); null when they have neither.
 */
export async function signerForOfficialPreferringRemote(
  db: Db,
  officialId: string,
  options: { description: string },
): Promise<PdfSigner | null> {
  const account = await findRemoteAccount(db, officialId);
  if (!account) return signerForOfficial(db, officialId);
  if (!settings) {
    throw new AppError('unavailable', {
      detail: 'remote signing is not configured on this server',
      issues: [{ field: 'remoteSigning', key: 'remoteSigning.notConfigured' }],
    });
  }
  const callbackUrl = settings.callbackUrl();
  return createRemoteSigner({
    client: settings.client,
    waiters: remoteWaiters,
    account: {
      providerUserId: account.provider_user_id,
      credentialId: account.credential_id,
      algorithm: account.algorithm,
      certificateChain: account.certificate_chain.map(
        (base64) => new Uint8Array(Buffer.from(base64, 'base64')),
      ),
    },
    officialId,
    description: options.description,
    ...(callbackUrl ? { callbackUrl } : {}),
    timeoutMs: settings.timeoutMs,
    pollMs: settings.pollMs,
  });
}
