import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  EnrolRemoteSigningAccount,
  IdParams,
  MyRemoteSigning,
  RemoteSigningAccount,
  RemoteSigningAccountList,
} from '@tinhso/contracts';
import { Type } from 'typebox';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/guard.ts';
import { runCommand } from '../../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../../platform/scope.ts';
import { resolveKeyOwner } from '../key-owner.ts';
import { enrolRemoteAccount, listRemoteAccounts, removeRemoteAccount } from './remote-accounts.ts';
import { RemoteSigningError, parseTransaction } from './remote-client.ts';
import { remoteSigningFailure } from './remote-signer.ts';
import { findRemoteAccount, remoteSigningSettings, remoteWaiters } from './remote-signing.ts';

const tags = ['signatures'];
const CallbackBody = Type.Object(
  {
    transactionId: Type.String({ minLength: 1, maxLength: 100 }),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('confirmed'),
      Type.Literal('refused'),
      Type.Literal('expired'),
    ]),
    signature: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: false },
);
const AccountQuery = Type.Object(
  {
    officialId: Type.Optional(Type.String({ format: 'uuid' })),
    includeRemoved: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function settingsOrThrow() {
  const settings = remoteSigningSettings();
  if (!settings) {
    throw new AppError('unavailable', {
      detail: 'remote signing is not configured on this server',
      issues: [{ field: 'remoteSigning', key: 'remoteSigning.notConfigured' }],
    });
  }
  return settings;
}

/**
 * Remote signing: the accounts (signature.manage), the caller's pending requests, and the callback
 * of the remote-signing service (public: it proves nothing by itself, ADR 0022).
 */
export const remoteSigningRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/signatures/remote-accounts',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary:
          'Link an official to their user at the remote-signing service: the service’s certificate is read and kept; an earlier account of the official is replaced',
        body: EnrolRemoteSigningAccount,
        response: { 201: RemoteSigningAccount },
      },
    },
    async (request, reply) => {
      const { officialId, providerUserId } = request.body;
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      const owner = await resolveKeyOwner(db, { kind: 'personal', officialId, scope });
      if (owner.kind !== 'personal') throw new Error('a personal owner was asked for');
      const credential = await settingsOrThrow()
        .client.getCredential(providerUserId)
        .catch((error: unknown) => {
          if (error instanceof RemoteSigningError && error.problem === 'unknown_user') {
            throw new AppError('unprocessable', {
              issues: [{ field: 'providerUserId', key: 'remoteSigning.unknownUser' }],
            });
          }
          throw remoteSigningFailure(error);
        });
      const account = await runCommand(db, request, (tx) =>
        enrolRemoteAccount(tx, { owner, credential, actor: actorOf(request) }),
      );
      return reply.status(201).send(account);
    },
  );

  app.get(
    '/api/signatures/remote-accounts',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'Remote-signing accounts in reach, newest first (current only unless includeRemoved)',
        querystring: AccountQuery,
        response: { 200: RemoteSigningAccountList },
      },
    },
    async (request) => {
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      return { items: await listRemoteAccounts(db, { scope, ...request.query }) };
    },
  );

  app.delete(
    '/api/signatures/remote-accounts/:id',
    {
      config: { access: 'signature.manage' },
      schema: {
        tags,
        summary: 'End a remote-signing account: the official signs remotely no more (404 out of reach)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const scope = await resolveAgencyScope(db, principalOf(request), 'signature.manage');
      await runCommand(db, request, (tx) =>
        removeRemoteAccount(tx, { id: request.params.id, scope, actor: actorOf(request) }),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/signatures/remote-signing/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Whether I sign remotely, and my requests waiting for confirmation on my phone',
        response: { 200: MyRemoteSigning },
      },
    },
    async (request) => {
      const official = await db
        .selectFrom('official')
        .select('id')
        .where('account_id', '=', principalOf(request).accountId)
        .executeTakeFirst();
      if (!official) return { isRemote: false, pending: [] };
      const account = await findRemoteAccount(db, official.id);
      return {
        isRemote: account !== undefined,
        pending: remoteWaiters.pendingFor(official.id).map((item) => ({
          transactionId: item.transactionId,
          description: item.description,
          startedAt: item.startedAt.toISOString(),
          expiresAt: item.expiresAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/public/remote-signing/callback',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The remote-signing service reports a transaction: a confirmed signature must verify against the signer’s certificate (400 otherwise); an unknown transaction answers 404',
        body: CallbackBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      let transaction;
      try {
        transaction = parseTransaction(request.body);
      } catch {
        throw new AppError('validation', {
          issues: [{ field: 'signature', key: 'remoteSigning.badSignature' }],
        });
      }
      const outcome = remoteWaiters.deliver(transaction.transactionId, transaction.signature);
      if (outcome === 'unknown_transaction')
        throw new AppError('not_found', { params: { what: 'transaction' } });
      if (outcome === 'bad_signature') {
        throw new AppError('validation', {
          issues: [{ field: 'signature', key: 'remoteSigning.badSignature' }],
        });
      }
      return reply.status(204).send(null);
    },
  );
};
