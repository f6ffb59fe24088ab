import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AdminUnit,
  AdminUnitQuery,
  Agency,
  AgencyQuery,
  CreateAgency,
  CreateOrgUnit,
  CreatePosition,
  IdParams,
  MergeAdminUnits,
  MergeResult,
  OrgUnit,
  Position,
  UpdateAgency,
  Uuid,
  list,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf, principalOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import { forgetAgencyRefs } from './agency-refs.ts';
import { resolveAgencyScope } from '../../platform/scope.ts';
import { getAdminUnit, listAdminUnits } from './admin-units.ts';
import { getAgency, listAgencies, listPublicAgencies } from './agencies.ts';
import { createAgency, updateAgency } from './create-agency.ts';
import { mergeAdminUnits } from './merge-admin-units.ts';
import { createOrgUnit, createPosition, listOrgUnits, listPositions } from './org-units.ts';
import { peopleRoutes } from './routes-people.ts';
import { roleRoutes } from './routes-roles.ts';

const tags = ['organisation'];

export const organisationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const scopeFor = (request: Parameters<typeof principalOf>[0], permission: 'org.read' | 'org.manage') =>
    resolveAgencyScope(db, principalOf(request), permission);

  app.get(
    '/api/public/agencies',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The province’s agencies in force today', response: { 200: list(Agency) } },
    },
    async () => listPublicAgencies(db),
  );

  app.get(
    '/api/org/admin-units',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Administrative units in force on a day',
        querystring: AdminUnitQuery,
        response: { 200: list(AdminUnit) },
      },
    },
    async (request) => listAdminUnits(db, request.query),
  );

  app.get(
    '/api/org/admin-units/:id',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'One administrative unit with its predecessors and successors',
        params: IdParams,
        response: { 200: AdminUnit },
      },
    },
    async (request) => getAdminUnit(db, request.params.id),
  );

  app.post(
    '/api/org/admin-units/merge',
    {
      config: { access: 'adminUnit.manage' },
      schema: {
        tags,
        summary: 'Merge units into a new one from a date',
        body: MergeAdminUnits,
        response: { 201: MergeResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) => mergeAdminUnits(tx, request.body, actorOf(request))).finally(
            forgetAgencyRefs,
          ),
        ),
  );

  app.get(
    '/api/org/agencies',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Agencies within my scope',
        querystring: AgencyQuery,
        response: { 200: list(Agency) },
      },
    },
    async (request) => listAgencies(db, request.query, await scopeFor(request, 'org.read')),
  );

  app.get(
    '/api/org/agencies/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'One agency', params: IdParams, response: { 200: Agency } },
    },
    async (request) => getAgency(db, request.params.id, await scopeFor(request, 'org.read')),
  );

  app.post(
    '/api/org/agencies',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Create an agency', body: CreateAgency, response: { 201: Agency } },
    },
    async (request, reply) => {
      const scope = await scopeFor(request, 'org.manage');
      return reply
        .status(201)
        .send(await runCommand(db, request, (tx) => createAgency(tx, request.body, scope, actorOf(request))));
    },
  );

  app.patch(
    '/api/org/agencies/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Rename or end an agency',
        params: IdParams,
        body: UpdateAgency,
        response: { 200: Agency },
      },
    },
    async (request) => {
      const scope = await scopeFor(request, 'org.manage');
      return runCommand(db, request, (tx) =>
        updateAgency(tx, request.params.id, request.body, scope, actorOf(request)),
      ).finally(forgetAgencyRefs);
    },
  );

  app.get(
    '/api/org/agencies/:id/units',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Internal units of an agency',
        params: IdParams,
        response: { 200: list(OrgUnit) },
      },
    },
    async (request) => listOrgUnits(db, request.params.id, await scopeFor(request, 'org.read')),
  );

  app.post(
    '/api/org/agencies/:id/units',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Create an internal unit',
        params: IdParams,
        body: CreateOrgUnit,
        response: { 201: OrgUnit },
      },
    },
    async (request, reply) => {
      const scope = await scopeFor(request, 'org.manage');
      return reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) =>
            createOrgUnit(tx, request.params.id, request.body, scope, actorOf(request)),
          ),
        );
    },
  );

  app.get(
    '/api/org/positions',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Positions of an agency',
        querystring: Type.Object({ agencyId: Uuid }, { additionalProperties: false }),
        response: { 200: list(Position) },
      },
    },
    async (request) => listPositions(db, request.query.agencyId, await scopeFor(request, 'org.read')),
  );

  app.post(
    '/api/org/positions',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Create a position', body: CreatePosition, response: { 201: Position } },
    },
    async (request, reply) => {
      const scope = await scopeFor(request, 'org.manage');
      return reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) =>
            createPosition(tx, request.body, scope, actorOf(request), principalOf(request)),
          ),
        );
    },
  );

  await app.register(peopleRoutes, { db });
  await app.register(roleRoutes, { db });
};
