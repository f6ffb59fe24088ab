import type { Login } from '@tinhso/contracts';
import { sql } from 'kysely';
import { TOTP } from 'otpauth';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getDummyHash, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';

export type SignInOutcome =
  { status: 'signed_in'; accountId: string; token: string; expiresAt: Date } | { status: 'mfa_required' };

type Failure = 'unknown' | 'bad_password' | 'bad_totp' | 'locked' | 'disabled';

export function checkTotp(secret: string, code: string): boolean {
  return (
    new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).validate({ token: code, window: 1 }) !==
    null
  );
}

async function throttle(db: Db, usernameKey: string, ip: string): Promise<void> {
  const [attempts, windowMinutes] = [
    await getSetting(db, 'security.throttle.attempts'),
    await getSetting(db, 'security.throttle.windowMinutes'),
  ];
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const counts = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where username_key = ${usernameKey})`.as('byName'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('byIp'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .where((eb) => eb.or([eb('username_key', '=', usernameKey), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  // One address may serve a whole one-stop centre, so it gets a larger allowance than one name.
  if (Number(counts.byName) >= attempts || Number(counts.byIp) >= attempts * 10) {
    throw new AppError('throttled', { params: { retryAfter: windowMinutes * 60 } });
  }
}

/**
 * Password (and TOTP when enrolled) sign-in. Every failure gets the same answer whether the account
 * exists or not; failures count towards throttling and, for a real account, towards the lockout.
 */
export async function signIn(
  db: Db,
  input: Login,
  meta: { ip: string; userAgent: string | null; correlationId: string; ttlHours: number },
): Promise<SignInOutcome> {
  const usernameKey = input.username.trim().toLowerCase();
  await throttle(db, usernameKey, meta.ip);
  const account = await db
    .selectFrom('account')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['username']), '=', usernameKey),
        eb('personal_id', '=', usernameKey),
        eb(eb.fn('lower', ['email']), '=', usernameKey),
        eb('phone', '=', usernameKey),
      ]),
    )
    .executeTakeFirst();
  const passwordOk = await verifyPassword(account?.password_hash ?? (await getDummyHash()), input.password);

  let failure: Failure | null = null;
  if (!account) failure = 'unknown';
  else if (account.disabled_at) failure = 'disabled';
  else if (account.locked_until && account.locked_until.getTime() > Date.now()) failure = 'locked';
  else if (!passwordOk) failure = 'bad_password';
  else if (account.mfa_enabled && !input.totp) return { status: 'mfa_required' };
  else if (account.mfa_enabled && !checkTotp(account.mfa_secret ?? '', input.totp ?? ''))
    failure = 'bad_totp';

  const actor: Actor = {
    accountId: account?.id ?? null,
    label: account ? `${account.display_name} (${account.username})` : usernameKey.slice(0, 100),
    correlationId: meta.correlationId,
  };
  const maxFailures = await getSetting(db, 'security.lockout.maxFailures');
  const lockMinutes = await getSetting(db, 'security.lockout.minutes');
  const outcome = await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('login_attempt')
      .values({ username_key: usernameKey, ip: meta.ip, succeeded: failure === null })
      .execute();
    if (!account || failure === 'unknown') return null;
    if (failure !== null) {
      await recordEvent(tx, actor, {
        type: 'account.sign_in_failed',
        entityType: 'account',
        entityId: account.id,
        data: { reason: failure },
      });
      if (failure === 'bad_password' || failure === 'bad_totp') {
        const failures = account.failed_attempts + 1;
        const lockedUntil = failures >= maxFailures ? new Date(Date.now() + lockMinutes * 60_000) : null;
        await tx
          .updateTable('account')
          .set({
            failed_attempts: lockedUntil ? 0 : failures,
            ...(lockedUntil ? { locked_until: lockedUntil } : {}),
          })
          .where('id', '=', account.id)
          .execute();
        if (lockedUntil) {
          await recordEvent(tx, actor, {
            type: 'account.locked',
            entityType: 'account',
            entityId: account.id,
            data: { until: lockedUntil.toISOString(), failures },
          });
        }
      }
      return null;
    }
    await tx
      .updateTable('account')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', account.id)
      .execute();
    const session = await createSession(tx, {
      accountId: account.id,
      ttlHours: meta.ttlHours,
      mfaVerified: account.mfa_enabled,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await recordEvent(tx, actor, {
      type: 'account.signed_in',
      entityType: 'account',
      entityId: account.id,
      data: { method: account.mfa_enabled ? 'password+totp' : 'password' },
    });
    return {
      status: 'signed_in' as const,
      accountId: account.id,
      token: session.token,
      expiresAt: session.expiresAt,
    };
  });
  if (!outcome) throw new AppError('invalid_credentials');
  return outcome;
}
