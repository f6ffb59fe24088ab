import { Secret, TOTP } from 'otpauth';
import type { Actor, Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { checkTotp } from './sign-in.ts';

const ISSUER = 'TinhSo';

/** Starts (or restarts) TOTP enrolment: a new secret, kept until the first valid code enables it. */
export async function startMfaSetup(
  db: Db,
  principal: Principal,
): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await db
    .updateTable('account')
    .set({ mfa_secret: secret })
    .where('id', '=', principal.accountId)
    .where('mfa_enabled', '=', false)
    .execute();
  const totp = new TOTP({
    issuer: ISSUER,
    label: principal.username,
    secret,
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return { secret, otpauthUrl: totp.toString() };
}

export async function enableMfa(db: Db, principal: Principal, code: string, actor: Actor): Promise<void> {
  const account = await db
    .selectFrom('account')
    .select(['mfa_secret', 'mfa_enabled'])
    .where('id', '=', principal.accountId)
    .executeTakeFirstOrThrow();
  if (account.mfa_enabled) return; // enabling twice is the same as once
  if (!account.mfa_secret) throw invalid('code', 'mfa_not_started');
  if (!checkTotp(account.mfa_secret, code)) throw invalid('code', 'totp_invalid');
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('account')
      .set({ mfa_enabled: true })
      .where('id', '=', principal.accountId)
      .execute();
    await tx
      .updateTable('session')
      .set({ mfa_verified: true })
      .where('id', '=', principal.sessionId)
      .execute();
    await recordEvent(tx, actor, {
      type: 'account.mfa_enabled',
      entityType: 'account',
      entityId: principal.accountId,
      data: {},
    });
  });
}
