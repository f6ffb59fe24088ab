import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import {
  ApologiseBody,
  ConsultBody,
  ConsultationParams,
  CounterIntake,
  CreateDraft,
  Dossier,
  DossierCodeParams,
  DossierSummary,
  ForwardBody,
  HandOverBody,
  IdParams,
  MyDossiersQuery,
  Ok,
  PublicDossier,
  RatingBody,
  ReceiveBody,
  RefuseBody,
  ReplyConsultationBody,
  RequestSupplementBody,
  ResolveBody,
  ReturnBody,
  SendBackBody,
  StopBody,
  SupplementBody,
  TransferBody,
  UpdateDraft,
  WithdrawBody,
  WorklistQuery,
  list,
  type Permission,
} from '@tinhso/contracts';
import type { Access } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { actorOf } from '../../platform/guard.ts';
import { callerOf } from './access.ts';
import { counterIntake } from './counter-intake.ts';
import { createDraft, discardDraft, updateDraft } from './file-dossier.ts';
import * as handle from './handle-dossier.ts';
import { handOverPaper } from './hand-over-paper.ts';
import { listMyDossiers, listWorklist, lookupByCode } from './queries.ts';
import { readDossier } from './dossier-view.ts';
import { dossierDeskRoutes } from './routes-desk.ts';
import { dossierDocumentRoutes } from './routes-documents.ts';

const tags = ['dossiers'];

export interface DossierRouteOptions {
  db: Db;
  /** Lookups by code allowed per address per minute (the rate limit on public lookup). */
  lookupsPerMinute?: number;
}

export const dossierRoutes: FastifyPluginAsyncTypebox<DossierRouteOptions> = async (app, options) => {
  const { db } = options;
  await app.register(rateLimit, { global: false });
  await app.register(dossierDocumentRoutes, { db });
  await app.register(dossierDeskRoutes, { db });

  const command = async (request: FastifyRequest): Promise<handle.Command> => ({
    db,
    request,
    caller: await callerOf(db, request.principal!),
    actor: actorOf(request),
  });
  const answer = async (request: FastifyRequest, id: string) => {
    return readDossier(db, await callerOf(db, request.principal!), id);
  };

  app.get(
    '/api/public/dossiers/:code',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.lookupsPerMinute ?? 30, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Follow a dossier by its code without signing in: status, steps and dates, no personal data',
        params: DossierCodeParams,
        response: { 200: PublicDossier },
      },
    },
    async (request) => lookupByCode(db, request.params.code.toUpperCase()),
  );

  app.get(
    '/api/me/dossiers',
    {
      config: { access: 'citizen.self' },
      schema: {
        tags,
        summary: 'My dossiers, drafts included',
        querystring: MyDossiersQuery,
        response: { 200: list(DossierSummary) },
      },
    },
    async (request) => listMyDossiers(db, request.principal!.accountId, request.query),
  );

  app.get(
    '/api/dossiers',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags,
        summary:
          'The worklist: dossiers held by my agencies, earliest due first, overdue and due soon marked',
        querystring: WorklistQuery,
        response: { 200: list(DossierSummary) },
      },
    },
    async (request) => listWorklist(db, await callerOf(db, request.principal!), request.query),
  );

  app.get(
    '/api/dossiers/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'One dossier with its history and the actions open to the caller (the applicant, or officials in reach)',
        params: IdParams,
        response: { 200: Dossier },
      },
    },
    async (request) => answer(request, request.params.id),
  );

  app.post(
    '/api/dossiers',
    {
      config: { access: 'citizen.self' },
      schema: {
        tags,
        summary: 'Start a draft of an online dossier',
        body: CreateDraft,
        response: { 201: Dossier },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const id = await createDraft(db, caller, actorOf(request), request.body);
      return reply.status(201).send(await answer(request, id));
    },
  );

  app.put(
    '/api/dossiers/:id',
    {
      config: { access: 'citizen.self' },
      schema: {
        tags,
        summary: 'Save a draft',
        params: IdParams,
        body: UpdateDraft,
        response: { 200: Dossier },
      },
    },
    async (request) => {
      await updateDraft(db, await callerOf(db, request.principal!), request.params.id, request.body);
      return answer(request, request.params.id);
    },
  );

  app.delete(
    '/api/dossiers/:id',
    {
      config: { access: 'citizen.self' },
      schema: { tags, summary: 'Discard a draft', params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await discardDraft(db, await callerOf(db, request.principal!), actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/dossiers/counter',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags,
        summary:
          'Enter a paper or postal dossier at the desk with the outcome of its check (form 01, 02 or 03)',
        body: CounterIntake,
        response: { 201: Dossier },
      },
    },
    async (request, reply) => {
      const { id } = await counterIntake(await command(request), request.body);
      return reply.status(201).send(await answer(request, id));
    },
  );

  /** An action on a dossier: the guard checks `access`, the state machine checks the caller and the state. */
  function action<B extends TSchema>(
    path: string,
    access: Access,
    summary: string,
    body: B,
    run: (cmd: handle.Command, id: string, body: Static<B>) => Promise<unknown>,
  ) {
    app.post(
      `/api/dossiers/:id/${path}`,
      { config: { access }, schema: { tags, summary, params: IdParams, body, response: { 200: Dossier } } },
      async (request) => {
        await run(await command(request), request.params.id, request.body as Static<B>);
        return answer(request, request.params.id);
      },
    );
  }
  const official = (permission: Permission): Access => permission;

  action(
    'submit',
    'citizen.self',
    'Submit a draft: it gets its code and goes to the desk',
    Type.Object({}),
    (c, id) => handle.submit(c, id),
  );
  action(
    'receive',
    official('dossier.receive'),
    'Accept a complete dossier (form 01); its deadline starts',
    ReceiveBody,
    (c, id, b) => handle.receive(c, id, b.note),
  );
  action(
    'hand-over',
    official('dossier.receive'),
    'Record that the paper file left the desk for the deciding unit (R-DOS-10), on time or late',
    HandOverBody,
    (c, id, b) => handOverPaper(c, id, b.note),
  );
  action(
    'request-supplement',
    official('dossier.read'),
    'Ask for every missing item at once (form 02): at the desk, or at appraisal within 3 working days',
    RequestSupplementBody,
    (c, id, b) => handle.requestSupplement(c, id, b),
  );
  action(
    'refuse',
    official('dossier.receive'),
    'Refuse to receive, with reasons (form 03)',
    RefuseBody,
    (c, id, b) => handle.refuse(c, id, b),
  );
  action(
    'supplement',
    'authenticated',
    'Complete a supplement request (the applicant, or the desk for them)',
    SupplementBody,
    (c, id, b) => handle.supplement(c, id, b),
  );
  action(
    'forward',
    official('dossier.read'),
    'Finish my step and hand the dossier to the next one',
    ForwardBody,
    (c, id, b) => handle.forward(c, id, b),
  );
  action(
    'send-back',
    official('dossier.read'),
    'Send the dossier back to the previous step',
    SendBackBody,
    (c, id, b) => handle.sendBack(c, id, b.reason),
  );
  action(
    'consult',
    official('dossier.process'),
    'Ask another agency for its opinion, with a deadline',
    ConsultBody,
    (c, id, b) => handle.consult(c, id, b),
  );
  action(
    'transfer',
    official('dossier.process'),
    'Hand the dossier to another agency (liên thông)',
    TransferBody,
    (c, id, b) => handle.transfer(c, id, b),
  );
  action(
    'apologise',
    official('dossier.read'),
    'Apologise with a new date (form 04), once, a working day ahead',
    ApologiseBody,
    (c, id, b) => handle.apologise(c, id, b),
  );
  action(
    'resolve',
    official('dossier.read'),
    'Decide: approve with the result, or refuse',
    ResolveBody,
    (c, id, b) => handle.resolve(c, id, b),
  );
  action(
    'return',
    official('dossier.receive'),
    'Hand the result to the applicant at the desk or by post',
    ReturnBody,
    (c, id, b) => handle.returnToApplicant(c, id, b.note),
  );
  action(
    'stop',
    official('dossier.read'),
    'Stop processing (form 05), with the reason',
    StopBody,
    (c, id, b) => handle.stop(c, id, b),
  );
  action(
    'withdraw',
    'authenticated',
    'Withdraw the dossier (the applicant, or the desk at their request)',
    WithdrawBody,
    (c, id, b) => handle.withdraw(c, id, b),
  );
  action('rate', 'citizen.self', 'Rate the service once the dossier is decided', RatingBody, (c, id, b) =>
    handle.rate(c, id, b),
  );

  app.post(
    '/api/dossiers/:id/consultations/:consultationId/reply',
    {
      config: { access: 'dossier.process' },
      schema: {
        tags,
        summary: 'Answer a consultation addressed to my agency',
        params: ConsultationParams,
        body: ReplyConsultationBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await handle.replyConsultation(
        await command(request),
        request.params.id,
        request.params.consultationId,
        request.body,
      );
      return { ok: true as const };
    },
  );
};
