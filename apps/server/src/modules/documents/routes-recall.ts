import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, OutgoingDraft, RecallOutgoingBody, UpdateIssuedOutgoingBody } from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { outgoingCallerOf } from './outgoing-access.ts';
import { recallOutgoing } from './outgoing-recall.ts';
import { updateIssuedOutgoing } from './outgoing-update.ts';
import { getDraftView } from './outgoing-view.ts';

/**
 * Recall of an issued outgoing document (ADR 0023) and update of its metadata (ADR 0027). The route asks for document.read; who may
 * recall (the agency's clerk or the signer) is the workflow table's rule, so anyone else who sees
 * the document gets 409 naming the actions open to them, and another agency 404.
 */
export const recallRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/documents/outgoing/:id/recall',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['documents'],
        summary:
          'Recall (thu hồi) an issued document with a reason: frozen, and a revocation goes to each recipient of the exchange',
        params: IdParams,
        body: RecallOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      const { id } = request.params;
      await runCommand(db, request, (tx) =>
        recallOutgoing(tx, {
          id,
          caller,
          actor: actorOf(request),
          reason: request.body.reason,
          now: new Date(),
        }),
      );
      return getDraftView(db, caller, id);
    },
  );

  app.post(
    '/api/documents/outgoing/:id/update',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['documents'],
        summary:
          'Correct the metadata of an issued document (trích yếu, độ khẩn, hạn trả lời) with a reason: an update goes to each recipient of the exchange',
        params: IdParams,
        body: UpdateIssuedOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      const { id } = request.params;
      await runCommand(db, request, (tx) =>
        updateIssuedOutgoing(tx, {
          id,
          caller,
          actor: actorOf(request),
          body: request.body,
          now: new Date(),
        }),
      );
      return getDraftView(db, caller, id);
    },
  );
};
