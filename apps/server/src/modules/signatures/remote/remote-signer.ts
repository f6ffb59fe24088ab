import { createHash, randomUUID, verify, X509Certificate } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import type { PdfSigner, PdfSignatureAlgorithm } from '../pdf-signer.ts';
import { RemoteSigningError, type RemoteSigningClient } from './remote-client.ts';
import type { RemoteWaiters } from './remote-waiters.ts';

/**
 * A `PdfSigner` whose key is held by a remote-signing service: `sign(data)` sends SHA-256(data) with
 * a description for the phone, then waits until the signer confirms (a callback wakes the wait;
 * polling is the fallback), refuses, or the time runs out. Every signature it returns has been
 * verified against the account's certificate. Errors are AppErrors naming `remoteSigning`, so the
 * caller answers 4xx/5xx with a sentence, never a stack (ADR 0022). It must never be awaited inside
 * a database transaction: the wait lasts as long as the official takes to pick up the phone.
 */
export interface RemoteAccount {
  providerUserId: string;
  credentialId: string;
  algorithm: PdfSignatureAlgorithm;
  certificateChain: Uint8Array[];
}

export interface RemoteSignerOptions {
  client: RemoteSigningClient;
  waiters: RemoteWaiters;
  account: RemoteAccount;
  officialId: string;
  description: string;
  callbackUrl?: string;
  timeoutMs: number;
  pollMs: number;
}

const failure = (code: 'unprocessable' | 'unavailable', key: string, detail: string) =>
  new AppError(code, { detail, issues: [{ field: 'remoteSigning', key }] });

/** The AppError a caller answers for a provider's problem. */
export function remoteSigningFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof RemoteSigningError)) throw error;
  if (error.problem === 'unreachable')
    return failure('unavailable', 'remoteSigning.unreachable', error.message);
  if (error.problem === 'unknown_user')
    return failure('unprocessable', 'remoteSigning.unknownUser', error.message);
  return failure('unavailable', 'remoteSigning.providerError', error.message);
}

/** True when `signature` is the account's signature over `data` (SHA-256). */
export function verifiesWith(options: {
  certificate: Uint8Array;
  algorithm: PdfSignatureAlgorithm;
  data: Uint8Array;
  signature: Uint8Array;
}): boolean {
  const key = new X509Certificate(options.certificate).publicKey;
  const attempt = (dsaEncoding?: 'der' | 'ieee-p1363') => {
    try {
      return verify('sha256', options.data, dsaEncoding ? { key, dsaEncoding } : key, options.signature);
    } catch {
      // A signature of the wrong length or shape does not verify; nothing to report beyond that.
      return false;
    }
  };
  if (options.algorithm === 'RSASSA-PKCS1-v1_5') return attempt();
  return attempt('der') || attempt('ieee-p1363');
}

export function createRemoteSigner(options: RemoteSignerOptions): PdfSigner {
  const { client, waiters, account } = options;
  const [certificate] = account.certificateChain;
  if (!certificate) throw new Error('a remote account without a certificate');
  return {
    certificateChain: account.certificateChain,
    algorithm: account.algorithm,
    async sign(data) {
      const check = (signature: Uint8Array) =>
        verifiesWith({ certificate, algorithm: account.algorithm, data, signature });
      let started: { transactionId: string; expiresAt: Date };
      try {
        started = await client.signHash({
          userId: account.providerUserId,
          credentialId: account.credentialId,
          hash: new Uint8Array(createHash('sha256').update(data).digest()),
          description: options.description,
          clientTransactionId: randomUUID(),
          ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
        });
      } catch (error) {
        throw remoteSigningFailure(error);
      }
      const startedAt = new Date();
      const deadline = Math.min(startedAt.getTime() + options.timeoutMs, started.expiresAt.getTime());
      const waiter = waiters.add({
        transactionId: started.transactionId,
        officialId: options.officialId,
        description: options.description,
        startedAt,
        expiresAt: new Date(deadline),
        verify: check,
      });
      try {
        for (;;) {
          const remaining = deadline - Date.now();
          if (remaining <= 0) {
            throw failure('unprocessable', 'remoteSigning.expired', 'no confirmation in time');
          }
          const delivered = await waiter.next(Math.min(options.pollMs, remaining));
          if (delivered) return delivered;
          const transaction = await client.getTransaction(started.transactionId).catch((error: unknown) => {
            // The provider unreachable for a moment: keep waiting for the callback or the next poll.
            if (error instanceof RemoteSigningError && error.problem === 'unreachable') return null;
            throw remoteSigningFailure(error);
          });
          if (!transaction || transaction.status === 'pending') continue;
          if (transaction.status === 'refused') {
            throw failure('unprocessable', 'remoteSigning.refused', 'the signer refused on the phone');
          }
          if (transaction.status === 'expired') {
            throw failure('unprocessable', 'remoteSigning.expired', 'the request expired at the provider');
          }
          if (transaction.signature && check(transaction.signature)) return transaction.signature;
          throw failure(
            'unavailable',
            'remoteSigning.badSignature',
            'the provider answered a signature that does not verify',
          );
        }
      } finally {
        waiter.remove();
      }
    },
  };
}
