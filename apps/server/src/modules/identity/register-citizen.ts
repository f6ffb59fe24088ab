import type { RegisterCitizen } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { recordEvent } from '../audit/record-event.ts';
import { createAccount } from './create-account.ts';

/** A citizen's own account; the personal identification number is the sign-in name. */
export async function registerCitizen(
  db: Db,
  input: RegisterCitizen,
  actor: Actor,
): Promise<{ accountId: string }> {
  return db.transaction().execute(async (tx) => {
    const accountId = await createAccount(tx, {
      kind: 'citizen',
      username: input.personalId,
      displayName: input.fullName,
      password: input.password,
      email: input.email,
      phone: input.phone,
      personalId: input.personalId,
    });
    await recordEvent(
      tx,
      { ...actor, accountId, label: `${input.fullName} (${input.personalId})` },
      {
        type: 'account.registered',
        entityType: 'account',
        entityId: accountId,
        data: { kind: 'citizen' },
      },
    );
    return { accountId };
  });
}
