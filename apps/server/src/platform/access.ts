import type { AliasableExpression, Expression } from 'kysely';
import type { Permission, RoleScope } from '@tinhso/contracts';
import type { Language } from './messages.ts';

/** Who may call an endpoint. Every route declares one; a route without one is refused at start. */
export type Access = 'public' | 'authenticated' | Permission;

/** One permission held through one position, reaching from that position's agency. */
export interface Grant {
  permission: Permission;
  scope: RoleScope;
  agencyId: string;
}

export interface Principal {
  accountId: string;
  kind: 'official' | 'citizen';
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  mfaEnabled: boolean;
  /** An administrator who has not enrolled MFA holds no permission until they do. */
  mfaSetupRequired: boolean;
  /** An official still on the initial password an administrator gave them holds no permission until they change it. */
  passwordChangeRequired: boolean;
  idleTimeoutSeconds: number;
  grants: readonly Grant[];
  permissions: ReadonlySet<Permission>;
}

/** The actor recorded in audit events. */
export interface Actor {
  accountId: string | null;
  label: string;
  correlationId: string | null;
}

export const systemActor = (label: string): Actor => ({ accountId: null, label, correlationId: null });

/**
 * What an account holds on a day through its positions: organisation answers, identity asks, inside
 * its own read of the session, so that finding who calls costs one round trip to the database.
 */
export interface GrantsProvider {
  /** The account's grant rows as one JSON value, for a select in which `accountId` names the account. */
  rowsOf(accountId: Expression<string>, onDay: string): AliasableExpression<unknown>;
  /** The grants and role codes those rows give. */
  fromRows(rows: unknown): { grants: Grant[]; roleCodes: string[] };
}

export type PrincipalResolver = (sessionToken: string, meta: { ip: string }) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    language: Language;
  }
}
