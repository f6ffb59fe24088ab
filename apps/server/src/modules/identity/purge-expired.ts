import type { Db } from '../../platform/db.ts';

/** Sign-in attempts are only needed for the throttling window (minutes); a day is plenty. */
const KEEP_ATTEMPTS_MS = 24 * 3_600_000;

/**
 * Deletes expired sessions and old sign-in attempts. Safe to run from every server copy at once:
 * deleting what is already gone does nothing.
 */
export async function purgeExpired(
  db: Db,
  now = new Date(),
): Promise<{ sessions: number; attempts: number }> {
  const sessions = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
  const attempts = await db
    .deleteFrom('login_attempt')
    .where('at', '<', new Date(now.getTime() - KEEP_ATTEMPTS_MS))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows) };
}
