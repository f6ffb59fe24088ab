import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { hasAnswer, runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import type { Scanner } from '../files/scanner.ts';
import { prepareRegistration, registerInbound, returnInbound } from './inbox.ts';
import { authenticatePeer, type Peer } from './peers.ts';
import { importDirectory, listDirectory, listInbound, listOutbound, listQuarantine } from './queries.ts';
import { receiveMessage } from './receive-message.ts';
import {
  IdParams,
  ExchangeDirectoryImportBody,
  ExchangeDirectoryList,
  ExchangeInboundAnswer,
  ExchangeInboundList,
  ExchangeInboundQuery,
  ExchangeOutboundList,
  ExchangeOutboundQuery,
  ExchangeQuarantineList,
  ExchangeRegisterInboundBody,
  ExchangeReturnInboundBody,
} from '@tinhso/contracts';

const tags = ['exchange'];
/** The largest package accepted from a peer: edXML's profile limit (50 MiB) and some room. */
const MAX_PACKAGE_BYTES = 52 * 1024 * 1024;

/** Exchange between agencies: the peer inbound endpoint, the box, the outbound statuses, quarantine, directory. */
export const exchangeRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  scanner: Scanner;
  peers: readonly Peer[];
}> = async (app, { db, scanner, peers }) => {
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: MAX_PACKAGE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/exchange/inbound',
    {
      // Not a session: a peer TinhSo, authenticated by the secret it shares with this server (ADR 0021).
      config: { access: 'public' },
      bodyLimit: MAX_PACKAGE_BYTES,
      schema: {
        tags,
        summary:
          'A package or status message from a peer TinhSo (Authorization: Bearer <shared secret>); 200 once stored, in the box or in quarantine',
        response: { 200: ExchangeInboundAnswer },
      },
    },
    async (request) => {
      const peer = authenticatePeer(peers, request.headers.authorization);
      if (!peer) throw new AppError('unauthenticated');
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_type');
      const outcome = await receiveMessage(db, {
        bytes: new Uint8Array(request.body),
        transport: 'peer',
        peer: peer.name,
      });
      return {
        outcome: outcome.outcome,
        ...('reasons' in outcome ? { reasons: outcome.reasons } : {}),
      };
    },
  );

  app.get(
    '/api/exchange/inbox',
    {
      config: { access: 'document.register' },
      schema: {
        tags,
        summary: 'Electronic documents received by the agencies in reach (waiting for registration first)',
        querystring: ExchangeInboundQuery,
        response: { 200: ExchangeInboundList },
      },
    },
    async (request) =>
      listInbound(db, await resolveAgencyScope(db, principalOf(request), 'document.register'), request.query),
  );

  app.post(
    '/api/exchange/inbox/:id/register',
    {
      config: { access: 'document.register' },
      schema: {
        tags,
        summary: 'Register a received document (its PDF is the scan); status 03 goes back to the sender',
        params: IdParams,
        body: ExchangeRegisterInboundBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const scope = await resolveAgencyScope(db, principal, 'document.register');
      const now = new Date();
      const actor = actorOf(request);
      // A retry of a registration that committed gets its answer without storing the PDF again.
      const body = (await hasAnswer(db, request))
        ? null
        : await prepareRegistration(db, {
            id: request.params.id,
            scope,
            overrides: request.body,
            accountId: principal.accountId,
            actor,
            scanner,
            now,
          });
      const registered = await runCommand(db, request, (tx) => {
        if (!body) throw new AppError('conflict');
        return registerInbound(tx, {
          id: request.params.id,
          scope,
          body,
          accountId: principal.accountId,
          actor,
          now,
        });
      });
      return reply.status(201).send(registered);
    },
  );

  app.post(
    '/api/exchange/inbox/:id/return',
    {
      config: { access: 'document.register' },
      schema: {
        tags,
        summary: 'Return a received document to its sender (status 02 with the reason); it is not registered',
        params: IdParams,
        body: ExchangeReturnInboundBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const scope = await resolveAgencyScope(db, principal, 'document.register');
      await runCommand(db, request, (tx) =>
        returnInbound(tx, {
          id: request.params.id,
          scope,
          reason: request.body.reason,
          accountId: principal.accountId,
          actor: actorOf(request),
          now: new Date(),
        }),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/exchange/outbound',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary:
          'Packages sent by the agencies in reach, each recipient with its latest status (sourceId: one document)',
        querystring: ExchangeOutboundQuery,
        response: { 200: ExchangeOutboundList },
      },
    },
    async (request) =>
      listOutbound(db, await resolveAgencyScope(db, principalOf(request), 'document.read'), request.query),
  );

  app.get(
    '/api/exchange/quarantine',
    {
      config: { access: 'exchange.manage' },
      schema: {
        tags,
        summary: 'Packages refused at arrival, with the reasons',
        response: { 200: ExchangeQuarantineList },
      },
    },
    async (request) =>
      listQuarantine(db, await resolveAgencyScope(db, principalOf(request), 'exchange.manage')),
  );

  app.get(
    '/api/exchange/directory',
    {
      config: { access: 'exchange.manage' },
      schema: {
        tags,
        summary: 'The agency-code directory: this server’s agencies, peers and the national axis',
        response: { 200: ExchangeDirectoryList },
      },
    },
    async () => listDirectory(db),
  );

  app.post(
    '/api/exchange/directory',
    {
      config: { access: 'exchange.manage' },
      schema: {
        tags,
        summary: 'Import directory entries (insert or replace by code); a peer entry names a configured peer',
        body: ExchangeDirectoryImportBody,
      },
    },
    async (request, reply) => {
      const issues = request.body.entries.flatMap((entry, index) =>
        entry.transport === 'peer' && !peers.some((peer) => peer.name === entry.peer)
          ? [{ field: `entries.${index}.peer`, key: 'no_such_record' }]
          : [],
      );
      if (issues.length > 0) throw new AppError('validation', { issues });
      const imported = await importDirectory(db, request.body.entries, 'import');
      return reply.status(200).send({ imported });
    },
  );
};
