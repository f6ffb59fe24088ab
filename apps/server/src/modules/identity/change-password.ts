import type { ChangePassword } from '@tinhso/contracts';
import type { Actor, Principal } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { recordEvent } from '../audit/record-event.ts';
import { hashPassword, isStrongPassword, verifyPassword } from './password.ts';

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(
  db: Db,
  principal: Principal,
  input: ChangePassword,
  actor: Actor,
): Promise<void> {
  const account = await db
    .selectFrom('account')
    .select('password_hash')
    .where('id', '=', principal.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword)))
    throw invalid('currentPassword', 'wrong_password');
  if (input.newPassword === input.currentPassword) throw invalid('newPassword', 'same_as_current');
  const minLength = await getSetting(db, 'security.password.minLength');
  if (!isStrongPassword(input.newPassword, minLength))
    throw invalid('newPassword', 'password_weak', { limit: minLength });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('account')
      .set({ password_hash: passwordHash, must_change_password: false })
      .where('id', '=', principal.accountId)
      .execute();
    await tx
      .deleteFrom('session')
      .where('account_id', '=', principal.accountId)
      .where('id', '!=', principal.sessionId)
      .execute();
    await recordEvent(tx, actor, {
      type: 'account.password_changed',
      entityType: 'account',
      entityId: principal.accountId,
      data: {},
    });
  });
}
