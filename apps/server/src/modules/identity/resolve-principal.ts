import type { Permission } from '@tinhso/contracts';
import type { GrantsProvider, Principal, PrincipalResolver } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { deleteSession, sessionIdOf } from './sessions.ts';

/** last_seen_at is written at most this often, so that reads do not all become writes. */
const TOUCH_EVERY_MS = 30_000;

export async function idleTimeoutSeconds(db: Db, kind: 'official' | 'citizen'): Promise<number> {
  const minutes =
    kind === 'official'
      ? await getSetting(db, 'security.idleTimeout.officialMinutes')
      : await getSetting(db, 'security.idleTimeout.citizenMinutes');
  return minutes * 60;
}

/** Finds who holds a session token: the account, its grants today (same statement), and whether MFA is still owed. */
export function createPrincipalResolver(db: Db, getGrants: GrantsProvider): PrincipalResolver {
  return async (token) => {
    const sessionId = sessionIdOf(token);
    const row = await db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .select([
        'session.id as sessionId',
        'session.csrf_token',
        'session.last_seen_at',
        'session.expires_at',
        'account.id as accountId',
        'account.kind',
        'account.username',
        'account.display_name',
        'account.mfa_enabled',
        'account.must_change_password',
        'account.disabled_at',
      ])
      .select((eb) => getGrants.rowsOf(eb.ref('account.id'), todayInVietnam()).as('grant_rows'))
      .where('session.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return null;
    const now = Date.now();
    const idleSeconds = await idleTimeoutSeconds(db, row.kind);
    if (
      row.expires_at.getTime() <= now ||
      row.disabled_at ||
      now - row.last_seen_at.getTime() > idleSeconds * 1000
    ) {
      await deleteSession(db, sessionId);
      return null;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await db
        .updateTable('session')
        .set({ last_seen_at: new Date(now) })
        .where('id', '=', sessionId)
        .execute();
    }
    const { grants, roleCodes } =
      row.kind === 'official' ? getGrants.fromRows(row.grant_rows) : { grants: [], roleCodes: [] };
    const mfaRoles = await getSetting(db, 'security.mfa.requiredRoles');
    const mfaSetupRequired = !row.mfa_enabled && roleCodes.some((code) => mfaRoles.includes(code));
    const permissions = new Set<Permission>(
      row.kind === 'citizen' ? ['citizen.self'] : grants.map((grant) => grant.permission),
    );
    const principal: Principal = {
      accountId: row.accountId,
      kind: row.kind,
      username: row.username,
      displayName: row.display_name,
      sessionId,
      csrfToken: row.csrf_token,
      mfaEnabled: row.mfa_enabled,
      mfaSetupRequired,
      passwordChangeRequired: row.must_change_password,
      idleTimeoutSeconds: idleSeconds,
      grants,
      permissions,
    };
    return principal;
  };
}

export function describePrincipal(principal: Principal) {
  return {
    accountId: principal.accountId,
    kind: principal.kind,
    displayName: principal.displayName,
    username: principal.username,
    permissions:
      principal.mfaSetupRequired || principal.passwordChangeRequired ? [] : [...principal.permissions].sort(),
    mfaEnabled: principal.mfaEnabled,
    mfaSetupRequired: principal.mfaSetupRequired,
    passwordChangeRequired: principal.passwordChangeRequired,
    idleTimeoutSeconds: principal.idleTimeoutSeconds,
    csrfToken: principal.csrfToken,
  };
}
