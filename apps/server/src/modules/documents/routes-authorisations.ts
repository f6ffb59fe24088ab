import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  SigningAuthorisation,
  SigningAuthorisationBody,
  SigningAuthorisationList,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { actingAgency } from './acting-agency.ts';
import { outgoingCallerOf } from './outgoing-access.ts';
import { endAuthorisation, grantAuthorisation, listAuthorisations } from './signing-authorisations.ts';

const path = '/api/documents/signing-authorisations';
const tags = ['documents'];

/**
 * Giấy ủy quyền (TUQ.): the leaders of an agency (document.sign) read them; its head grants and ends
 * them (403 for another leader). The agency is the caller's own for document.sign.
 */
export const authorisationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const callerIn = async (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    const [caller, agencyId] = await Promise.all([
      outgoingCallerOf(db, principal),
      actingAgency(db, { principal, permission: 'document.sign', agencyId: undefined }),
    ]);
    return { caller, agencyId };
  };

  app.get(
    path,
    {
      config: { access: 'document.sign' },
      schema: {
        tags,
        summary: 'The TUQ. authorisations of my agency, with whether each lets its holder sign today',
        response: { 200: SigningAuthorisationList },
      },
    },
    async (request) => listAuthorisations(db, (await callerIn(request)).agencyId),
  );

  app.post(
    path,
    {
      config: { access: 'document.sign' },
      schema: {
        tags,
        summary: 'The head authorises an official of the agency to sign TUQ. from startsOn (to endsOn)',
        body: SigningAuthorisationBody,
        response: { 201: SigningAuthorisation },
      },
    },
    async (request, reply) => {
      const { caller, agencyId } = await callerIn(request);
      const granted = await runCommand(db, request, (tx) =>
        grantAuthorisation(tx, {
          agencyId,
          officialId: caller.officialId,
          actor: actorOf(request),
          accountId: caller.principal.accountId,
          body: request.body,
        }),
      );
      return reply.code(201).send(granted);
    },
  );

  app.post(
    `${path}/:id/end`,
    {
      config: { access: 'document.sign' },
      schema: {
        tags,
        summary: 'The head ends an authorisation from today (one not yet started is withdrawn)',
        params: IdParams,
        response: { 200: SigningAuthorisation },
      },
    },
    async (request) => {
      const { caller, agencyId } = await callerIn(request);
      return runCommand(db, request, (tx) =>
        endAuthorisation(tx, {
          id: request.params.id,
          agencyId,
          officialId: caller.officialId,
          actor: actorOf(request),
        }),
      );
    },
  );
};
