import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  ChangePassword,
  Login,
  LoginResult,
  MfaEnable,
  MfaSetup,
  Ok,
  RegisterCitizen,
  SessionInfo,
  Uuid,
} from '@tinhso/contracts';
import type { PrincipalResolver } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, principalOf, SESSION_COOKIE } from '../../platform/guard.ts';
import { changePassword } from './change-password.ts';
import { enableMfa, startMfaSetup } from './mfa.ts';
import { registerCitizen } from './register-citizen.ts';
import { describePrincipal } from './resolve-principal.ts';
import { deleteSession } from './sessions.ts';
import { signIn } from './sign-in.ts';

export interface IdentityRouteOptions {
  db: Db;
  resolvePrincipal: PrincipalResolver;
  cookieSecure: boolean;
  sessionTtlHours: number;
}

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, options) => {
  const { db } = options;
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: options.cookieSecure,
      sameSite: 'strict',
      path: '/',
      expires,
    });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with a password (and a TOTP code once enrolled)',
        body: Login,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const outcome = await signIn(db, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        correlationId: request.id,
        ttlHours: options.sessionTtlHours,
      });
      if (outcome.status === 'mfa_required') return outcome;
      const principal = await options.resolvePrincipal(outcome.token, { ip: request.ip });
      if (!principal) throw new AppError('internal', { detail: 'new session not found' });
      setCookie(reply, outcome.token, outcome.expiresAt);
      return { status: 'signed_in' as const, session: describePrincipal(principal) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'End this session', response: { 200: Ok } },
    },
    async (request, reply) => {
      await deleteSession(db, principalOf(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Who is signed in, and what they may do',
        response: { 200: SessionInfo },
      },
    },
    async (request) => describePrincipal(principalOf(request)),
  );

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Register a citizen account',
        body: RegisterCitizen,
        response: { 201: Type.Object({ accountId: Uuid }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerCitizen(db, request.body, actorOf(request))),
  );

  app.post(
    '/api/auth/mfa/setup',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['identity'], summary: 'Start TOTP enrolment', response: { 200: MfaSetup } },
    },
    async (request) => startMfaSetup(db, principalOf(request)),
  );

  app.post(
    '/api/auth/mfa/enable',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Confirm TOTP enrolment with a first code',
        body: MfaEnable,
        response: { 200: SessionInfo },
      },
    },
    async (request) => {
      await enableMfa(db, principalOf(request), request.body.code, actorOf(request));
      const refreshed = await options.resolvePrincipal(request.cookies[SESSION_COOKIE] ?? '', {
        ip: request.ip,
      });
      if (!refreshed) throw new AppError('unauthenticated');
      return describePrincipal(refreshed);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identity'],
        summary: 'Change my password',
        body: ChangePassword,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changePassword(db, principalOf(request), request.body, actorOf(request));
      return { ok: true as const };
    },
  );
};
