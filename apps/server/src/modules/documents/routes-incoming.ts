import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { TSchema } from 'typebox';
import {
  AssigneeOptions,
  AssignIncomingBody,
  CompleteIncomingBody,
  FollowUpBook,
  FollowUpQuery,
  IdParams,
  IncomingHandling,
  IncomingNoteBody,
  IncomingWorklistQuery,
  MyIncomingList,
  OptionalNoteBody,
  ReassignIncomingBody,
  SubmitIncomingBody,
} from '@tinhso/contracts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { actingAgency } from './acting-agency.ts';
import { loadIncoming } from './incoming-access.ts';
import {
  assignIncoming,
  checkAssignees,
  closeIncoming,
  returnIncoming,
  submitIncoming,
  type Acting,
} from './incoming-handling.ts';
import { assigneeOptions } from './incoming-options.ts';
import { renderIncomingSlip } from './incoming-slip.ts';
import { getIncomingHandling } from './incoming-view.ts';
import {
  completeIncoming,
  giveOpinion,
  markRead,
  reassignIncoming,
  recordProgress,
} from './incoming-working.ts';
import { followUpBook, listMyIncoming, listOverdueIncoming } from './incoming-worklists.ts';

const tags = ['documents'];

type Step = (tx: Transaction<DB>, acting: Acting) => Promise<void>;

/**
 * Runs one step of a document's handling as a command (one transaction with its history line, audit
 * event and outbox message; Idempotency-Key honoured) and answers the document as it leaves it.
 * A document out of reach is 404 before anything else.
 */
async function handle(db: Db, request: FastifyRequest, id: string, step: Step): Promise<IncomingHandling> {
  const principal = principalOf(request);
  await loadIncoming(db, principal, id);
  return runCommand(db, request, async (tx) => {
    await step(tx, { principal, actor: actorOf(request), now: new Date() });
    return getIncomingHandling(tx, principal, id);
  });
}

const command = <Body extends TSchema>(summary: string, body: Body) => ({
  tags,
  summary,
  params: IdParams,
  body,
  response: { 200: IncomingHandling },
});

/** Handling of incoming documents after registration (ADR 0018). */
export const incomingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/documents/mine',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'My documents: submitted to me or assigned to me or my unit, earliest deadline first',
        querystring: IncomingWorklistQuery,
        response: { 200: MyIncomingList },
      },
    },
    async (request) => listMyIncoming(db, principalOf(request), request.query),
  );

  app.get(
    '/api/documents/incoming/overdue',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Incoming documents of the agencies in reach past their handling deadline',
        querystring: IncomingWorklistQuery,
        response: { 200: MyIncomingList },
      },
    },
    async (request) =>
      listOverdueIncoming(
        db,
        await resolveAgencyScope(db, principalOf(request), 'document.read'),
        request.query,
      ),
  );

  app.get(
    '/api/documents/incoming/follow-up',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV) of one agency and year',
        querystring: FollowUpQuery,
        response: { 200: FollowUpBook },
      },
    },
    async (request) => {
      const agencyId = await actingAgency(db, {
        principal: principalOf(request),
        permission: 'document.read',
        agencyId: request.query.agencyId,
      });
      return followUpBook(db, agencyId, request.query);
    },
  );

  app.get(
    '/api/documents/incoming/:id/handling',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary:
          'An incoming document with its instruction, assignments, deadline, history and what I may do',
        params: IdParams,
        response: { 200: IncomingHandling },
      },
    },
    async (request) => getIncomingHandling(db, principalOf(request), request.params.id),
  );

  app.get(
    '/api/documents/incoming/:id/slip',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Phiếu giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV) as a PDF',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const handling = await getIncomingHandling(db, principalOf(request), request.params.id);
      const agency = await db
        .selectFrom('agency')
        .select('name')
        .where('id', '=', handling.document.agencyId)
        .executeTakeFirstOrThrow();
      const pdf = await renderIncomingSlip({ agencyName: agency.name, handling, printedAt: new Date() });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="phieu-giai-quyet-${String(handling.document.arrivalNumber)}-${String(handling.document.year)}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/documents/incoming/:id/assignees',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The leaders, units and officials of the receiving agency it may go to',
        params: IdParams,
        response: { 200: AssigneeOptions },
      },
    },
    async (request) => {
      const loaded = await loadIncoming(db, principalOf(request), request.params.id);
      return assigneeOptions(db, loaded.agencyId);
    },
  );

  app.post(
    '/api/documents/incoming/:id/submit',
    {
      config: { access: 'document.register' },
      schema: command('Trình lãnh đạo: submit to a leader', SubmitIncomingBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        submitIncoming(tx, acting, { id: request.params.id, body: request.body }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/return',
    {
      config: { access: 'document.register' },
      schema: command('Trả lại: return to the sender', IncomingNoteBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        returnIncoming(tx, acting, { id: request.params.id, note: request.body.note }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/assign',
    {
      config: { access: 'document.instruct' },
      schema: command('Bút phê and assignment: lead, co-operators, informed, deadline', AssignIncomingBody),
    },
    async (request) => {
      const loaded = await loadIncoming(db, principalOf(request), request.params.id);
      await checkAssignees(db, loaded.agencyId, request.body);
      return handle(db, request, request.params.id, (tx, acting) =>
        assignIncoming(tx, acting, { id: request.params.id, body: request.body }),
      );
    },
  );

  app.post(
    '/api/documents/incoming/:id/reassign',
    {
      // The head of the lead unit (document.handle) or a leader (document.instruct): checked per document.
      config: { access: 'document.read' },
      schema: command(
        'The lead unit’s head or a leader names who in the unit handles it',
        ReassignIncomingBody,
      ),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        reassignIncoming(tx, acting, { id: request.params.id, body: request.body }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/progress',
    {
      config: { access: 'document.handle' },
      schema: command('The lead records progress or a proposal', IncomingNoteBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        recordProgress(tx, acting, { id: request.params.id, note: request.body.note }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/opinion',
    {
      config: { access: 'document.handle' },
      schema: command('A co-operator gives its opinion', IncomingNoteBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        giveOpinion(tx, acting, { id: request.params.id, note: request.body.note }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/read',
    {
      config: { access: 'document.handle' },
      schema: command('Someone informed marks it read', OptionalNoteBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        markRead(tx, acting, { id: request.params.id, note: request.body.note }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/complete',
    {
      config: { access: 'document.handle' },
      schema: command('The lead completes the handling', CompleteIncomingBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        completeIncoming(tx, acting, { id: request.params.id, body: request.body }),
      ),
  );

  app.post(
    '/api/documents/incoming/:id/close',
    {
      config: { access: 'document.read' },
      schema: command('The clerk or a leader closes a handled document', OptionalNoteBody),
    },
    async (request) =>
      handle(db, request, request.params.id, (tx, acting) =>
        closeIncoming(tx, acting, { id: request.params.id, note: request.body.note }),
      ),
  );
};
