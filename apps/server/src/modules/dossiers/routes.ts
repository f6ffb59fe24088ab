import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import {
  ApologiseBody,
  ConsultBody,
  ConsultationParams,
  CounterIntake,
  CreateDraft,
  Dossier,
  DossierCodeParams,
  DossierFileParams,
  DossierFormParams,
  RegisterQuery,
  DossierStatistics,
  StatisticsQuery,
  DossierSummary,
  ForwardBody,
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
import { callerOf, loadVisibleDossier } from './access.ts';
import { counterIntake } from './counter-intake.ts';
import { createDraft, discardDraft, updateDraft } from './file-dossier.ts';
import * as handle from './handle-dossier.ts';
import { listMyDossiers, listWorklist, lookupByCode } from './queries.ts';
import { toDossier } from './repository.ts';
import { printDossierForm, printRegister } from './print-forms.ts';
import { computeStatistics } from './statistics.ts';
import { attachmentDisposition } from '../files/file-name.ts';
import { readFile } from '../files/read-file.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { inScope, resolveAgencyScope } from '../../platform/scope.ts';
import { reaches } from './access.ts';

const tags = ['dossiers'];

export interface DossierRouteOptions {
  db: Db;
  /** Lookups by code allowed per address per minute (the rate limit on public lookup). */
  lookupsPerMinute?: number;
}

export const dossierRoutes: FastifyPluginAsyncTypebox<DossierRouteOptions> = async (app, options) => {
  const { db } = options;
  await app.register(rateLimit, { global: false });

  const command = async (request: FastifyRequest): Promise<handle.Command> => ({
    db,
    request,
    caller: await callerOf(db, request.principal!),
    actor: actorOf(request),
  });
  const answer = async (request: FastifyRequest, id: string) => {
    const caller = await callerOf(db, request.principal!);
    const { loaded, who } = await loadVisibleDossier(db, caller, id);
    return toDossier(db, loaded, who);
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

  const pdf = (reply: FastifyReply, name: string, bytes: Uint8Array) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));

  app.get(
    '/api/dossiers/:id/forms/:form',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'A one-stop form of the dossier as a printable PDF (01 receipt … 06 control slip); 409 if its history has none',
        params: DossierFormParams,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const { loaded } = await loadVisibleDossier(db, caller, request.params.id);
      const origin = `${request.protocol}://${request.host}`;
      const bytes = await printDossierForm(db, loaded, request.params.form, origin);
      return pdf(reply, `mau-${request.params.form}-${loaded.row.code ?? loaded.row.id}.pdf`, bytes);
    },
  );

  app.get(
    '/api/dossiers/:id/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download a component or the result of a dossier the caller may see',
        params: DossierFileParams,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      await loadVisibleDossier(db, caller, request.params.id);
      const attached = await db
        .selectFrom('dossier_file')
        .select('file_id')
        .where('dossier_id', '=', request.params.id)
        .where('file_id', '=', request.params.fileId)
        .executeTakeFirst();
      if (!attached) throw notFound('file');
      const file = await readFile(db, request.params.fileId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/dossiers/statistics',
    {
      config: { access: 'dossier.stats' },
      schema: {
        tags,
        summary:
          'Figures of the dossiers received in a period in my reach: QĐ 766 indicators, NĐ 224 dashboard, TT 01/2018 indices, on-time counts',
        querystring: StatisticsQuery,
        response: { 200: DossierStatistics },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (to < from) throw invalid('to', 'date_order');
      const scope = await resolveAgencyScope(db, request.principal!, 'dossier.stats');
      const { agencyId } = request.query;
      if (agencyId === undefined) return computeStatistics(db, scope, from, to);
      // One agency's figures: only within the caller's reach, else 404 as for an unknown agency.
      if (!inScope(scope, agencyId)) throw notFound('agency');
      return computeStatistics(db, { all: false, agencyIds: [agencyId] }, from, to);
    },
  );

  app.get(
    '/api/dossiers/register',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags,
        summary:
          'The dossier register (Sổ theo dõi hồ sơ, form 07) of a receiving agency for a period, as PDF',
        querystring: RegisterQuery,
      },
    },
    async (request, reply) => {
      const caller = await callerOf(db, request.principal!);
      const { agencyId, from, to } = request.query;
      if (!reaches(caller, 'dossier.read', agencyId)) throw notFound('agency');
      return pdf(reply, `so-theo-doi-${from}-${to}.pdf`, await printRegister(db, agencyId, from, to));
    },
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
