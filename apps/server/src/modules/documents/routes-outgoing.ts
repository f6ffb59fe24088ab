import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import {
  AnswerOpinionBody,
  AskOpinionBody,
  CommentBody,
  CreateOutgoingBody,
  EditOutgoingBody,
  IdParams,
  IssueOutgoingBody,
  OpinionParams,
  OutgoingAwaitingList,
  OutgoingColleagueList,
  OutgoingDraft,
  OutgoingList,
  OutgoingListQuery,
  OutgoingSignatureList,
  ReturnOutgoingBody,
  SubmitOutgoingBody,
  VersionParams,
} from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { hasAnswer, runCommand } from '../../platform/idempotency.ts';
import { attachmentDisposition } from '../files/file-name.ts';
import { actingAgency } from './acting-agency.ts';
import { findVisibleDraft, outgoingCallerOf, type OutgoingCaller } from './outgoing-access.ts';
import { createDraft, editDraft, prepareVersion } from './outgoing-drafts.ts';
import { issueDraft } from './outgoing-issue.ts';
import { authorisationRoutes } from './routes-authorisations.ts';
import { recallRoutes } from './routes-recall.ts';
import {
  answerOpinion,
  approveDraft,
  askOpinion,
  forwardDraft,
  returnDraft,
  submitDraft,
} from './outgoing-review.ts';
import { signDraft } from './outgoing-sign.ts';
import { colleaguesOf } from './outgoing-signer.ts';
import { awaitingMe, draftSignatures, getDraftView, listDrafts, versionPdf } from './outgoing-view.ts';

const tags = ['documents'];

/** The draft's own fields: the acting agency is not part of a version. */
function withoutAgency(body: CreateOutgoingBody): EditOutgoingBody {
  const input: CreateOutgoingBody = { ...body };
  delete input.agencyId;
  return input;
}
const base = '/api/documents/outgoing/drafts';

type StepRun = (step: {
  tx: Transaction<DB>;
  id: string;
  caller: OutgoingCaller;
  actor: Actor;
}) => Promise<void>;

/**
 * Outgoing documents from draft to issue: drafting and versions (document.handle), opinions,
 * review and approval, the signer's signature (document.sign), seal, number and issue by the clerk
 * (document.issue). Every change answers the draft as the caller now sees it.
 */
export const outgoingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  await app.register(recallRoutes, { db });
  await app.register(authorisationRoutes, { db });
  const view = async (request: FastifyRequest, id: string) =>
    getDraftView(db, await outgoingCallerOf(db, principalOf(request)), id);

  /** A review step: one command on the locked draft; a retry with a stored answer skips nothing. */
  const step = async (request: FastifyRequest, id: string, run: StepRun) => {
    const caller = await outgoingCallerOf(db, principalOf(request));
    await runCommand(db, request, (tx) => run({ tx, id, caller, actor: actorOf(request) }));
    return getDraftView(db, caller, id);
  };

  app.post(
    base,
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Draft an outgoing document: version 1, rendered in the Decree 30 layout or uploaded',
        body: CreateOutgoingBody,
        response: { 201: OutgoingDraft },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const caller = await outgoingCallerOf(db, principal);
      const agencyId = await actingAgency(db, {
        principal,
        permission: 'document.handle',
        agencyId: request.body.agencyId,
      });
      const input = withoutAgency(request.body);
      const prepared = await prepareVersion(db, {
        agencyId,
        input,
        caller,
        drafterOfficialId: caller.officialId ?? '',
        now: new Date(),
      });
      const id = await runCommand(db, request, (tx) =>
        createDraft(tx, { prepared, caller, actor: actorOf(request), body: request.body }),
      );
      return reply.status(201).send(await getDraftView(db, caller, id));
    },
  );

  app.get(
    base,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Outgoing documents the caller may see, latest change first',
        querystring: OutgoingListQuery,
        response: { 200: OutgoingList },
      },
    },
    async (request) => listDrafts(db, await outgoingCallerOf(db, principalOf(request)), request.query),
  );

  app.get(
    '/api/documents/outgoing/awaiting-me',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Drafts waiting for my opinion, review, signature or seal',
        response: { 200: OutgoingAwaitingList },
      },
    },
    async (request) => awaitingMe(db, await outgoingCallerOf(db, principalOf(request))),
  );

  app.get(
    '/api/documents/outgoing/colleagues',
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Officials of my agency: whom to ask an opinion, who reviews, who may sign (with the block)',
        response: { 200: OutgoingColleagueList },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return colleaguesOf(
        db,
        await actingAgency(db, { principal, permission: 'document.handle', agencyId: undefined }),
      );
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'One outgoing document with versions, opinions, history, recipients (another agency’s: 404)',
        params: IdParams,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => view(request, request.params.id),
  );

  app.put(
    `${base}/:id`,
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Edit a draft: a new version (only while it is with the drafter)',
        params: IdParams,
        body: EditOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      const { id } = request.params;
      if (!(await hasAnswer(db, request))) {
        const row = await findVisibleDraft(db, caller, id);
        const prepared = await prepareVersion(db, {
          agencyId: row.agency_id,
          input: request.body,
          caller,
          drafterOfficialId: row.drafter_official_id,
          now: new Date(),
        });
        await runCommand(db, request, (tx) =>
          editDraft(tx, { id, prepared, caller, actor: actorOf(request) }),
        );
      } else await runCommand(db, request, async () => undefined);
      return getDraftView(db, caller, id);
    },
  );

  app.get(
    `${base}/:id/versions/:version/pdf`,
    {
      config: { access: 'document.read' },
      schema: { tags, summary: 'The PDF of one version', params: VersionParams },
    },
    async (request, reply) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      const { pdf, kind } = await versionPdf(db, caller, request.params);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachmentDisposition(`van-ban-di-v${request.params.version}-${kind}.pdf`),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    `${base}/:id/signatures`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary:
          'The signatures of the signed or issued PDF, verified now (signer, time, integrity, trust, revocation)',
        params: IdParams,
        response: { 200: OutgoingSignatureList },
      },
    },
    async (request) =>
      draftSignatures(db, await outgoingCallerOf(db, principalOf(request)), request.params.id),
  );

  app.post(
    `${base}/:id/opinions`,
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Ask colleagues of the agency for their opinion (góp ý)',
        params: IdParams,
        body: AskOpinionBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => step(request, request.params.id, (s) => askOpinion(s, request.body)),
  );

  app.post(
    `${base}/:id/opinions/:opinionId/answer`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Give the opinion asked of me',
        params: OpinionParams,
        body: AnswerOpinionBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) =>
      step(request, request.params.id, (s) =>
        answerOpinion(s, { opinionId: request.params.opinionId, answer: request.body.answer }),
      ),
  );

  app.post(
    `${base}/:id/submit`,
    {
      config: { access: 'document.handle' },
      schema: {
        tags,
        summary: 'Submit the draft to a reviewer, or to the signer',
        params: IdParams,
        body: SubmitOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => step(request, request.params.id, (s) => submitDraft(s, request.body)),
  );

  app.post(
    `${base}/:id/return`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Return the draft to its drafter with comments (reviewer or signer)',
        params: IdParams,
        body: ReturnOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => step(request, request.params.id, (s) => returnDraft(s, request.body.comment)),
  );

  app.post(
    `${base}/:id/forward`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Forward the reviewed draft to the signer',
        params: IdParams,
        body: CommentBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => step(request, request.params.id, (s) => forwardDraft(s, request.body.comment)),
  );

  app.post(
    `${base}/:id/approve`,
    {
      config: { access: 'document.sign' },
      schema: {
        tags,
        summary: 'Approve the draft for signature (signer)',
        params: IdParams,
        body: CommentBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => step(request, request.params.id, (s) => approveDraft(s, request.body.comment)),
  );

  app.post(
    `${base}/:id/sign`,
    {
      config: { access: 'document.sign' },
      schema: {
        tags,
        summary: 'Sign the final version with my personal key (PAdES); the block is that of my posts today',
        params: IdParams,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      if (await hasAnswer(db, request)) await runCommand(db, request, async () => undefined);
      else await signDraft(db, request, { id: request.params.id, caller, actor: actorOf(request) });
      return getDraftView(db, caller, request.params.id);
    },
  );

  app.post(
    `${base}/:id/issue`,
    {
      config: { access: 'document.issue' },
      schema: {
        tags,
        summary: 'Seal, number, register and issue a signed document (văn thư)',
        params: IdParams,
        body: IssueOutgoingBody,
        response: { 200: OutgoingDraft },
      },
    },
    async (request) => {
      const caller = await outgoingCallerOf(db, principalOf(request));
      if (await hasAnswer(db, request)) await runCommand(db, request, async () => undefined);
      else
        await issueDraft(db, request, {
          id: request.params.id,
          caller,
          actor: actorOf(request),
          body: request.body,
        });
      return getDraftView(db, caller, request.params.id);
    },
  );
};
