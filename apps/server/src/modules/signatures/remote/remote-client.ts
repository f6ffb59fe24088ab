/**
 * The client of a remote-signing service (ký số từ xa, R-SIG-4). It follows the common shape of the
 * Vietnamese services (VNPT SmartCA, Viettel MySign, Ban Cơ yếu's remote signing): read the user's
 * credential (certificate chain), ask for a signature over a SHA-256 digest with a description shown
 * on the signer's phone, then learn the outcome by callback or by asking for the transaction's status.
 * Field names and paths are TinhSo's own: each vendor's specification must be checked and mapped when
 * it is integrated (README "Remote signing"). No vendor secret is in this file.
 */
import type { PdfSignatureAlgorithm } from '../pdf-signer.ts';

export interface RemoteSigningClientOptions {
  /** e.g. https://remote-signing.example.vn (no trailing slash), or a function (the simulator's origin). */
  baseUrl: string | (() => string);
  clientId: string;
  clientSecret: string;
  /** Per HTTP request, not the wait for the signer (that is the signer's timeout). */
  requestTimeoutMs?: number;
}

export interface RemoteCredential {
  userId: string;
  credentialId: string;
  algorithm: PdfSignatureAlgorithm;
  /** DER, the user's certificate first. */
  certificateChain: Uint8Array[];
}

export type RemoteTransactionStatus = 'pending' | 'confirmed' | 'refused' | 'expired';

export interface RemoteTransaction {
  transactionId: string;
  status: RemoteTransactionStatus;
  /** With `confirmed`: RSA PKCS#1 v1.5 over the DigestInfo, or ECDSA (DER or r‖s). */
  signature?: Uint8Array;
}

export interface SignHashRequest {
  userId: string;
  credentialId: string;
  /** The SHA-256 digest of what is signed (32 bytes). */
  hash: Uint8Array;
  /** What the signer reads on the phone, e.g. "Ký văn bản: …". */
  description: string;
  /** Ours, for the provider's logs and idempotency. */
  clientTransactionId: string;
  callbackUrl?: string;
}

export type RemoteSigningProblem = 'unreachable' | 'unknown_user' | 'rejected' | 'protocol';

export class RemoteSigningError extends Error {
  readonly problem: RemoteSigningProblem;
  constructor(problem: RemoteSigningProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

export interface RemoteSigningClient {
  getCredential(userId: string): Promise<RemoteCredential>;
  signHash(request: SignHashRequest): Promise<{ transactionId: string; expiresAt: Date }>;
  getTransaction(transactionId: string): Promise<RemoteTransaction>;
}

const STATUSES: RemoteTransactionStatus[] = ['pending', 'confirmed', 'refused', 'expired'];
const ALGORITHMS: PdfSignatureAlgorithm[] = ['RSASSA-PKCS1-v1_5', 'ECDSA'];
const fromBase64 = (value: unknown, what: string): Uint8Array => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw new RemoteSigningError('protocol', `the provider answered no base64 ${what}`);
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
};
const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value === '') {
    throw new RemoteSigningError('protocol', `the provider answered no ${what}`);
  }
  return value;
};

export function createRemoteSigningClient(options: RemoteSigningClientOptions): RemoteSigningClient {
  const timeout = options.requestTimeoutMs ?? 10_000;
  const authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  const base = () => (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl);

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body?: object,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await fetch(`${base()}${path}`, {
        method,
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      throw new RemoteSigningError('unreachable', `remote signing at ${base()}: ${(error as Error).message}`);
    }
    if (response.status >= 500) {
      throw new RemoteSigningError('unreachable', `remote signing answered ${response.status}`);
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, json };
  }

  return {
    async getCredential(userId) {
      const { status, json } = await call('POST', '/v1/credentials/info', { userId });
      if (status === 404) throw new RemoteSigningError('unknown_user', `no remote-signing user ${userId}`);
      if (status !== 200) throw new RemoteSigningError('rejected', `credentials answered ${status}`);
      const algorithm = json.algorithm as PdfSignatureAlgorithm;
      if (!ALGORITHMS.includes(algorithm)) {
        throw new RemoteSigningError('protocol', `unsupported algorithm ${String(json.algorithm)}`);
      }
      const certificates = Array.isArray(json.certificates) ? json.certificates : [];
      if (certificates.length === 0)
        throw new RemoteSigningError('protocol', 'the credential has no certificate');
      return {
        userId,
        credentialId: text(json.credentialId, 'credentialId'),
        algorithm,
        certificateChain: certificates.map((item) => fromBase64(item, 'certificate')),
      };
    },
    async signHash(request) {
      const { status, json } = await call('POST', '/v1/signatures/sign-hash', {
        userId: request.userId,
        credentialId: request.credentialId,
        hashAlgorithm: 'SHA-256',
        hash: Buffer.from(request.hash).toString('base64'),
        description: request.description,
        clientTransactionId: request.clientTransactionId,
        ...(request.callbackUrl ? { callbackUrl: request.callbackUrl } : {}),
      });
      if (status === 404)
        throw new RemoteSigningError('unknown_user', `no remote-signing user ${request.userId}`);
      if (status !== 200 && status !== 202) {
        throw new RemoteSigningError(
          'rejected',
          `sign-hash answered ${status}: ${typeof json.message === 'string' ? json.message : ''}`,
        );
      }
      const expiresAt = new Date(text(json.expiresAt, 'expiresAt'));
      if (Number.isNaN(expiresAt.getTime())) throw new RemoteSigningError('protocol', 'bad expiresAt');
      return { transactionId: text(json.transactionId, 'transactionId'), expiresAt };
    },
    async getTransaction(transactionId) {
      const { status, json } = await call('GET', `/v1/transactions/${encodeURIComponent(transactionId)}`);
      if (status !== 200) throw new RemoteSigningError('rejected', `transaction status answered ${status}`);
      return parseTransaction(json);
    },
  };
}

/** A transaction as the provider answers it (status query or callback body). */
export function parseTransaction(json: Record<string, unknown>): RemoteTransaction {
  const status = json.status as RemoteTransactionStatus;
  if (!STATUSES.includes(status))
    throw new RemoteSigningError('protocol', `unknown status ${String(json.status)}`);
  return {
    transactionId: text(json.transactionId, 'transactionId'),
    status,
    ...(status === 'confirmed' ? { signature: fromBase64(json.signature, 'signature') } : {}),
  };
}
