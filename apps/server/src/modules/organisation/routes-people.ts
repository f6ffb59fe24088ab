import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  Appoint,
  Appointment,
  CreateOfficial,
  EndAppointment,
  IdParams,
  Official,
  OfficialQuery,
  list,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { appointOfficial, createOfficial, endAppointment, type Caller } from './appointments.ts';
import { getOfficial, listOfficials } from './officials.ts';
import { unlockOfficial } from './unlock-official.ts';

const tags = ['organisation'];

export const peopleRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const scopeFor = (request: FastifyRequest, permission: 'official.read' | 'official.manage') =>
    resolveAgencyScope(db, principalOf(request), permission);
  const managerOf = async (request: FastifyRequest): Promise<Caller> => ({
    principal: principalOf(request),
    scope: await scopeFor(request, 'official.manage'),
    actor: actorOf(request),
  });

  app.get(
    '/api/org/officials',
    {
      config: { access: 'official.read' },
      schema: {
        tags,
        summary: 'Officials within my scope',
        querystring: OfficialQuery,
        response: { 200: list(Official) },
      },
    },
    async (request) => listOfficials(db, request.query, await scopeFor(request, 'official.read')),
  );

  app.get(
    '/api/org/officials/:id',
    {
      config: { access: 'official.read' },
      schema: {
        tags,
        summary: 'One official with their appointments',
        params: IdParams,
        response: { 200: Official },
      },
    },
    async (request) => getOfficial(db, request.params.id, await scopeFor(request, 'official.read')),
  );

  app.post(
    '/api/org/officials',
    {
      config: { access: 'official.manage' },
      schema: {
        tags,
        summary: 'Create an official and their account',
        body: CreateOfficial,
        response: { 201: Official },
      },
    },
    async (request, reply) => {
      const caller = await managerOf(request);
      return reply
        .status(201)
        .send(await runCommand(db, request, (tx) => createOfficial(tx, request.body, caller)));
    },
  );

  app.post(
    '/api/org/officials/:id/appointments',
    {
      config: { access: 'official.manage' },
      schema: {
        tags,
        summary: 'Appoint to a position (primary, concurrent or acting)',
        params: IdParams,
        body: Appoint,
        response: { 201: Appointment },
      },
    },
    async (request, reply) => {
      const caller = await managerOf(request);
      return reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) => appointOfficial(tx, request.params.id, request.body, caller)),
        );
    },
  );

  app.post(
    '/api/org/appointments/:id/end',
    {
      config: { access: 'official.manage' },
      schema: {
        tags,
        summary: 'End an appointment on a date',
        params: IdParams,
        body: EndAppointment,
        response: { 200: Appointment },
      },
    },
    async (request) => {
      const caller = await managerOf(request);
      return runCommand(db, request, (tx) =>
        endAppointment(tx, request.params.id, request.body.endsOn, caller),
      );
    },
  );

  app.post(
    '/api/org/officials/:id/unlock',
    {
      config: { access: 'official.manage' },
      schema: { tags, summary: 'Lift a sign-in lockout now', params: IdParams, response: { 200: Official } },
    },
    async (request) => {
      const caller = await managerOf(request);
      return runCommand(db, request, (tx) => unlockOfficial(tx, request.params.id, caller));
    },
  );
};
