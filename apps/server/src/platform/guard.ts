import type { FastifyRequest } from 'fastify';
import type { Permission } from '@tinhso/contracts';
import type { Access, Actor, Principal, PrincipalResolver } from './access.ts';
import { AppError } from './errors.ts';
import type { App } from './http.ts';

export const SESSION_COOKIE = 'tinhso_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes added by plugins we do not write (the API browser); they only show public documentation. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/**
 * The one place where access is checked. Each route declares `config.access`; a route without it
 * stops the server at start (deny by default). Sessions come from the cookie; a change (POST, PATCH,
 * DELETE …) made with a session must carry the session's CSRF token in `x-csrf-token`.
 */
export function installGuard(app: App, resolvePrincipal: PrincipalResolver): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // 404s: no route matched
    const token = request.cookies[SESSION_COOKIE];
    request.principal = token ? await resolvePrincipal(token, { ip: request.ip }) : null;
    const principal = request.principal;
    // Public commands (sign-in, registration) do not act with the session, so they need no token.
    if (access === 'public') return;
    if (!principal) throw new AppError('unauthenticated');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== principal.csrfToken) {
      throw new AppError('csrf');
    }
    if (access === 'authenticated') return;
    if (principal.mfaSetupRequired) throw new AppError('mfa_setup_required');
    if (principal.passwordChangeRequired) throw new AppError('password_change_required');
    if (!principal.permissions.has(access)) throw new AppError('forbidden');
  });
}

/** The signed-in caller of a route that is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return {
    accountId: principal?.accountId ?? null,
    label: principal ? `${principal.displayName} (${principal.username})` : 'anonymous',
    correlationId: request.id,
  };
}

export function hasPermission(principal: Principal | null, permission: Permission): boolean {
  return Boolean(
    principal &&
    !principal.mfaSetupRequired &&
    !principal.passwordChangeRequired &&
    principal.permissions.has(permission),
  );
}

export type { Access };
