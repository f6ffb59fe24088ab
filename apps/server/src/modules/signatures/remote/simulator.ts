import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors.ts';
import type { Db } from '../../../platform/db.ts';
import { phonePage, type PhoneRequest } from './simulator-phone.ts';
import { findSimulatorUser, signDigest } from './simulator-users.ts';

/**
 * A stand-in for a remote-signing service (ký số từ xa), for development, demos and tests: mount it at
 * /simulators/remote-signing only with SIMULATORS=true. It speaks remote-client.ts's protocol —
 * credentials, sign-hash, transaction status, callback — and shows a "phone" page where the signer
 * confirms or refuses. It is not VNPT SmartCA, Viettel MySign nor Ban Cơ yếu's service: their
 * specifications decide the real field names. Its transactions live in this process's memory; its
 * users' keys in remote_signing_simulator_user, certified by the demo CA.
 */
export interface RemoteSigningSimulatorOptions {
  db: Db;
  clientId: string;
  clientSecret: string;
  /** How long a request waits on the phone before it expires (300 s). */
  expiresInSeconds?: number;
}

interface SimulatedTransaction extends PhoneRequest {
  userId: string;
  hash: Uint8Array;
  callbackUrl: string | null;
  status: 'pending' | 'confirmed' | 'refused' | 'expired';
  signature: Uint8Array | null;
}

const SignHashBody = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 200 }),
  credentialId: Type.String({ minLength: 1, maxLength: 200 }),
  hashAlgorithm: Type.Literal('SHA-256'),
  hash: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'base64 of 32 bytes' }),
  description: Type.String({ minLength: 1, maxLength: 500 }),
  clientTransactionId: Type.String({ minLength: 1, maxLength: 100 }),
  callbackUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
});
const TransactionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const UserQuery = Type.Object({ user: Type.String({ minLength: 1, maxLength: 200 }) });
const PhoneDecision = Type.Union([Type.Literal('confirm'), Type.Literal('refuse')]);
const Decision = Type.Union([Type.Literal('confirm'), Type.Literal('refuse'), Type.Literal('expire')]);
const config = { access: 'public' as const };
const hide = { hide: true };

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export const remoteSigningSimulator: FastifyPluginAsyncTypebox<RemoteSigningSimulatorOptions> = async (
  app,
  options,
) => {
  const { db } = options;
  const expiresInMs = (options.expiresInSeconds ?? 300) * 1000;
  const transactions = new Map<string, SimulatedTransaction>();
  const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  const prefix = app.prefix;
  // The phone's forms post urlencoded bodies; the simulator reads nothing from them.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_r, _b, done) => done(null, {}),
  );

  const authorise = (request: FastifyRequest) => {
    if (!sameText(request.headers.authorization ?? '', expected)) throw new AppError('unauthenticated');
  };
  const current = (transaction: SimulatedTransaction) => {
    if (transaction.status === 'pending' && transaction.expiresAt.getTime() <= Date.now()) {
      transaction.status = 'expired';
    }
    return transaction;
  };
  const answer = (transaction: SimulatedTransaction) => ({
    transactionId: transaction.transactionId,
    status: transaction.status,
    ...(transaction.signature ? { signature: Buffer.from(transaction.signature).toString('base64') } : {}),
  });
  const notify = (transaction: SimulatedTransaction, log: FastifyBaseLogger) => {
    if (!transaction.callbackUrl) return;
    fetch(transaction.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer(transaction)),
      signal: AbortSignal.timeout(5000),
    }).then(
      (response) => log.info({ status: response.status }, 'remote-signing simulator callback'),
      (error: unknown) => log.warn({ err: error }, 'remote-signing simulator callback failed'),
    );
  };
  async function decide(
    id: string,
    decision: 'confirm' | 'refuse' | 'expire',
    log: FastifyBaseLogger,
  ): Promise<SimulatedTransaction> {
    const found = transactions.get(id);
    if (!found || current(found).status !== 'pending')
      throw new AppError('not_found', { params: { what: 'transaction' } });
    if (decision === 'confirm') {
      const user = await findSimulatorUser(db, found.userId);
      if (!user) throw new AppError('not_found', { params: { what: 'user' } });
      found.signature = signDigest(user.privateKey, found.hash);
      found.status = 'confirmed';
    } else {
      found.status = decision === 'refuse' ? 'refused' : 'expired';
    }
    notify(found, log);
    return found;
  }
  const pendingOf = (userId: string) =>
    [...transactions.values()].filter((item) => item.userId === userId && current(item).status === 'pending');

  app.post(
    '/v1/credentials/info',
    {
      config,
      schema: { ...hide, body: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 200 }) }) },
    },
    async (request, reply) => {
      authorise(request);
      const user = await findSimulatorUser(db, request.body.userId);
      if (!user) return reply.status(404).send({ message: 'unknown user' });
      return {
        userId: user.userId,
        credentialId: `sim-${user.userId}`,
        algorithm: 'RSASSA-PKCS1-v1_5',
        certificates: user.certificateChain.map((der) => Buffer.from(der).toString('base64')),
      };
    },
  );

  app.post(
    '/v1/signatures/sign-hash',
    { config, schema: { ...hide, body: SignHashBody } },
    async (request, reply) => {
      authorise(request);
      const body = request.body;
      const user = await findSimulatorUser(db, body.userId);
      if (!user || body.credentialId !== `sim-${user.userId}`)
        return reply.status(404).send({ message: 'unknown user' });
      const now = new Date();
      const transaction: SimulatedTransaction = {
        transactionId: randomUUID(),
        userId: user.userId,
        description: body.description,
        hash: new Uint8Array(Buffer.from(body.hash, 'base64')),
        callbackUrl: body.callbackUrl ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + expiresInMs),
        status: 'pending',
        signature: null,
      };
      transactions.set(transaction.transactionId, transaction);
      // Benchmarks only: the phone confirms at once (after this answer, as a person would).
      if (user.isAutoConfirm)
        setImmediate(() => void decide(transaction.transactionId, 'confirm', request.log).catch(() => {}));
      return reply
        .status(202)
        .send({ transactionId: transaction.transactionId, expiresAt: transaction.expiresAt.toISOString() });
    },
  );

  app.get(
    '/v1/transactions/:id',
    { config, schema: { ...hide, params: TransactionParams } },
    async (request, reply) => {
      authorise(request);
      const found = transactions.get(request.params.id);
      if (!found) return reply.status(404).send({ message: 'unknown transaction' });
      return answer(current(found));
    },
  );

  // The phone, for people: the page and its two buttons.
  app.get('/phone', { config, schema: { ...hide, querystring: UserQuery } }, async (request, reply) => {
    const user = await findSimulatorUser(db, request.query.user);
    return reply.type('text/html; charset=utf-8').send(
      phonePage({
        prefix,
        userId: request.query.user,
        displayName: user?.displayName ?? null,
        requests: pendingOf(request.query.user),
      }),
    );
  });
  app.post(
    '/phone/transactions/:id/:decision',
    {
      config,
      schema: {
        ...hide,
        params: Type.Object({ id: Type.String(), decision: PhoneDecision }),
        querystring: UserQuery,
      },
    },
    async (request, reply) => {
      const notice = await decide(request.params.id, request.params.decision, request.log).then(
        (done) => (done.status === 'confirmed' ? 'Đã xác nhận ký.' : 'Đã từ chối yêu cầu ký.'),
        () => 'Yêu cầu không còn chờ xác nhận.',
      );
      return reply.type('text/html; charset=utf-8').send(
        phonePage({
          prefix,
          userId: request.query.user,
          displayName: (await findSimulatorUser(db, request.query.user))?.displayName ?? null,
          requests: pendingOf(request.query.user),
          notice,
        }),
      );
    },
  );

  // The same phone for tests, as JSON.
  app.get(
    '/v1/test/users/:user/pending',
    { config, schema: { ...hide, params: Type.Object({ user: Type.String() }) } },
    async (request) => ({
      items: pendingOf(request.params.user).map((item) => ({
        transactionId: item.transactionId,
        description: item.description,
        expiresAt: item.expiresAt.toISOString(),
      })),
    }),
  );
  app.post(
    '/v1/test/transactions/:id/:decision',
    { config, schema: { ...hide, params: Type.Object({ id: Type.String(), decision: Decision }) } },
    async (request) => answer(await decide(request.params.id, request.params.decision, request.log)),
  );
};
