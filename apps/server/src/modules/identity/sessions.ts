import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';

/** The cookie carries a random token; the table keeps only its SHA-256, so a leaked table opens nothing. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Transaction<DB>,
  options: {
    accountId: string;
    ttlHours: number;
    mfaVerified: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + options.ttlHours * 3_600_000);
  await tx
    .insertInto('session')
    .values({
      id: sessionIdOf(token),
      account_id: options.accountId,
      csrf_token: csrfToken,
      mfa_verified: options.mfaVerified,
      expires_at: expiresAt,
      ip: options.ip,
      user_agent: options.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db | Transaction<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}
