import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { hashPassword, isStrongPassword } from './password.ts';

export interface NewAccount {
  kind: 'official' | 'citizen';
  username: string;
  displayName: string;
  password: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  personalId?: string | null | undefined;
  mustChangePassword?: boolean;
}

/** Creates an account inside the caller's transaction; a taken sign-in name, id, email or phone is a 409 naming the field. */
export async function createAccount(
  tx: Transaction<DB>,
  input: NewAccount,
  passwordField = 'password',
): Promise<string> {
  const minLength = await getSetting(tx, 'security.password.minLength');
  if (!isStrongPassword(input.password, minLength))
    throw invalid(passwordField, 'password_weak', { limit: minLength });
  const clashes = await tx
    .selectFrom('account')
    .select(['username', 'email', 'phone', 'personal_id'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()),
        ...(input.email ? [eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase())] : []),
        ...(input.phone ? [eb('phone', '=', input.phone)] : []),
        ...(input.personalId ? [eb('personal_id', '=', input.personalId)] : []),
      ]),
    )
    .execute();
  for (const clash of clashes) {
    if (clash.username.toLowerCase() === input.username.toLowerCase())
      throw conflict(input.kind === 'citizen' ? 'personalId' : 'username', 'taken');
    if (input.personalId && clash.personal_id === input.personalId) throw conflict('personalId', 'taken');
    if (input.email && clash.email?.toLowerCase() === input.email.toLowerCase())
      throw conflict('email', 'taken');
    if (input.phone && clash.phone === input.phone) throw conflict('phone', 'taken');
  }
  const row = await tx
    .insertInto('account')
    .values({
      kind: input.kind,
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      personal_id: input.personalId ?? null,
      password_hash: await hashPassword(input.password),
      must_change_password: input.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
