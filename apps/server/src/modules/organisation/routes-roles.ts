import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CodeParams,
  CreatePositionType,
  CreateRole,
  PositionType,
  Role,
  UpdatePositionType,
  UpdateRole,
  list,
} from '@tinhso/contracts';
import type { Db } from '../../platform/db.ts';
import { actorOf } from '../../platform/guard.ts';
import { runCommand } from '../../platform/idempotency.ts';
import {
  createPositionType,
  createRole,
  listPositionTypes,
  listRoles,
  updatePositionType,
  updateRole,
} from './manage-roles.ts';

const tags = ['organisation'];

/** Role templates (permissions and reach) and position types (which roles a post grants). */
export const roleRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/org/roles',
    {
      config: { access: 'role.read' },
      schema: { tags, summary: 'Role templates', response: { 200: list(Role) } },
    },
    async (request) => listRoles(db, request.language),
  );

  app.post(
    '/api/org/roles',
    {
      config: { access: 'role.manage' },
      schema: { tags, summary: 'Create a role template', body: CreateRole, response: { 201: Role } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) =>
            createRole(tx, request.body, actorOf(request), request.language),
          ),
        ),
  );

  app.patch(
    '/api/org/roles/:code',
    {
      config: { access: 'role.manage' },
      schema: {
        tags,
        summary: 'Change a role template',
        params: CodeParams,
        body: UpdateRole,
        response: { 200: Role },
      },
    },
    async (request) =>
      runCommand(db, request, (tx) =>
        updateRole(tx, request.params.code, request.body, actorOf(request), request.language),
      ),
  );

  app.get(
    '/api/org/position-types',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Position types and the roles they grant',
        response: { 200: list(PositionType) },
      },
    },
    async (request) => listPositionTypes(db, request.language),
  );

  app.post(
    '/api/org/position-types',
    {
      config: { access: 'role.manage' },
      schema: {
        tags,
        summary: 'Create a position type',
        body: CreatePositionType,
        response: { 201: PositionType },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(db, request, (tx) =>
            createPositionType(tx, request.body, actorOf(request), request.language),
          ),
        ),
  );

  app.patch(
    '/api/org/position-types/:code',
    {
      config: { access: 'role.manage' },
      schema: {
        tags,
        summary: 'Change the roles a position type grants',
        params: CodeParams,
        body: UpdatePositionType,
        response: { 200: PositionType },
      },
    },
    async (request) =>
      runCommand(db, request, (tx) =>
        updatePositionType(tx, request.params.code, request.body, actorOf(request), request.language),
      ),
  );
};
