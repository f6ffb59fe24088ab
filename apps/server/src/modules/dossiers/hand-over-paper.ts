import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { getSetting } from '../../platform/settings.ts';
import { todayInVietnam } from '../../platform/time.ts';
import { yearOf } from '../calendar/iso-day.ts';
import { loadWorkCalendar } from '../calendar/repository.ts';
import { handoverDueAt } from './alerts-rules.ts';
import { act, type Command } from './command.ts';
import { applyTransition } from './transition.ts';

/**
 * R-DOS-10: the desk records that the paper file of a counter or postal dossier left for the unit
 * that decides it. The status does not change (the dossier was already placed at its first
 * processing step at receipt); the action log says when, by whom, and whether it was on time
 * against the hand-over time the alert scan uses, and the scan stops looking at the dossier.
 */

/** When the paper file of a dossier received at `receivedAt` was due at the deciding unit. */
export async function paperHandoverDueAt(tx: Transaction<DB>, receivedAt: Date): Promise<Date> {
  // The office rules in force on the day of receipt: the day the obligation arose.
  const day = todayInVietnam(receivedAt);
  const year = yearOf(day);
  const calendar = await loadWorkCalendar(tx, year - 1, year + 1);
  return handoverDueAt(calendar, receivedAt, {
    cutOff: await getSetting(tx, 'calendar.cutOff', day),
    workingHours: await getSetting(tx, 'calendar.workingHours', day),
  });
}

export const handOverPaper = (command: Command, id: string, note?: string) =>
  act(command, id, 'hand_over', async (tx, loaded, _who, at) => {
    const receivedAt = loaded.row.received_at;
    // The state machine allows hand_over only after receipt; a row without its instant is corrupt.
    if (receivedAt === null)
      throw new AppError('internal', { detail: 'received dossier without received_at' });
    const dueAt = await paperHandoverDueAt(tx, receivedAt);
    const timeliness = at.getTime() > dueAt.getTime() ? 'late' : 'on_time';
    await applyTransition(tx, loaded, {
      action: 'hand_over',
      to: loaded.row.status,
      actor: command.actor,
      at,
      note: note ?? null,
      patch: { paper_handed_over_at: at },
      timeliness,
      data: { dueAt: dueAt.toISOString() },
    });
  });
