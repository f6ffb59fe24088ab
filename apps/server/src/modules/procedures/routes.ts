import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddProcedureVersion,
  AsOfQuery,
  CreateProcedure,
  FormCheck,
  ImportProcedures,
  ImportReport,
  ProcedureCodeParams,
  ProcedureQuery,
  ProcedureSummary,
  ProcedureVersion,
  ProcedureVersionParams,
  Ok,
  list,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { addProcedureVersion } from './add-procedure-version.ts';
import { createProcedure } from './create-procedure.ts';
import { checkFormData } from './form-data.ts';
import { proceduresFromCsv } from './csv.ts';
import { importProcedures } from './import-procedures.ts';
import { publishProcedureVersion } from './publish-procedure-version.ts';
import {
  forgetProceduresInForce,
  getProcedureByCode,
  getVersionInForce,
  listVersions,
  searchInForce,
} from './repository.ts';

const tags = ['procedures'];

export const procedureRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Procedures in force today (or on asOf), by name or code (with or without diacritics), sector, level',
        querystring: ProcedureQuery,
        response: { 200: list(ProcedureSummary) },
      },
    },
    async (request) => searchInForce(db, request.query, request.query.asOf ?? todayInVietnam()),
  );

  app.get(
    '/api/procedures/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The version of a procedure in force today, or on asOf',
        params: ProcedureCodeParams,
        querystring: AsOfQuery,
        response: { 200: ProcedureVersion },
      },
    },
    async (request) => {
      const procedure = await getProcedureByCode(db, request.params.code);
      return getVersionInForce(db, procedure.id, request.query.asOf ?? todayInVietnam());
    },
  );

  app.post(
    '/api/procedures/:code/form-check',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Check filled-in form data against the form of the version in force; 400 names every failing field',
        params: ProcedureCodeParams,
        body: FormCheck,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const procedure = await getProcedureByCode(db, request.params.code);
      const version = await getVersionInForce(db, procedure.id, request.body.asOf ?? todayInVietnam());
      const issues = checkFormData(version.form, request.body.data);
      if (issues.length > 0) throw new AppError('validation', { issues });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/procedures/:code/versions',
    {
      config: { access: 'procedure.manage' },
      schema: {
        tags,
        summary: 'Every version of a procedure, drafts included',
        params: ProcedureCodeParams,
        response: { 200: Type.Object({ items: Type.Array(ProcedureVersion) }) },
      },
    },
    async (request) => ({
      items: await listVersions(db, (await getProcedureByCode(db, request.params.code)).id),
    }),
  );

  app.post(
    '/api/procedures',
    {
      config: { access: 'procedure.manage' },
      schema: {
        tags,
        summary: 'Create a procedure with its first version (a draft)',
        body: CreateProcedure,
        response: { 201: ProcedureVersion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(db, request, (tx) => createProcedure(tx, request.body, actorOf(request)))),
  );

  app.post(
    '/api/procedures/:code/versions',
    {
      config: { access: 'procedure.manage' },
      schema: {
        tags,
        summary: 'Add a draft version with its effective date',
        params: ProcedureCodeParams,
        body: AddProcedureVersion,
        response: { 201: ProcedureVersion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) =>
            addProcedureVersion(tx, request.params.code, request.body, actorOf(request)),
          ),
        ),
  );

  app.post(
    '/api/procedures/:code/versions/:version/publish',
    {
      config: { access: 'procedure.manage' },
      schema: {
        tags,
        summary: 'Publish a draft; the version before it ends on its effective date',
        params: ProcedureVersionParams,
        response: { 200: ProcedureVersion },
      },
    },
    async (request) =>
      runCommand(db, request, (tx) =>
        publishProcedureVersion(tx, request.params.code, request.params.version, actorOf(request)),
      ).finally(forgetProceduresInForce),
  );

  // CSV arrives as text; the plugin's scope keeps this parser to these routes.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/procedures/import/csv',
    {
      config: { access: 'procedure.manage' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import procedures from CSV (text/csv: one row each, lists separated by ";", nested parts as JSON), all or nothing',
        body: Type.String({ minLength: 1 }),
        response: { 200: ImportReport },
      },
    },
    async (request) => {
      const items = proceduresFromCsv(request.body);
      return runCommand(db, request, (tx) => importProcedures(tx, items, actorOf(request))).finally(
        forgetProceduresInForce,
      );
    },
  );

  app.post(
    '/api/procedures/import',
    {
      config: { access: 'procedure.manage' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import procedures from a JSON list, all or nothing, with an outcome per item',
        body: ImportProcedures,
        response: { 200: ImportReport },
      },
    },
    async (request) =>
      runCommand(db, request, (tx) => importProcedures(tx, request.body, actorOf(request))).finally(
        forgetProceduresInForce,
      ),
  );
};
