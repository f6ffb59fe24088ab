import type { CalendarSwap, CreateCalendarSwap } from '@tinhso/contracts';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { isoWeekday } from './iso-day.ts';
import { forgetCalendarData } from './repository.ts';
import './tables.ts';

/** Adds a day the yearly notice moves: a weekend day worked (làm bù) or a weekday off (bridge day). */
export async function addSwap(
  tx: Transaction<DB>,
  input: CreateCalendarSwap,
  actor: Actor,
): Promise<CalendarSwap> {
  forgetCalendarData();
  const isWeekend = isoWeekday(input.day) >= 6;
  if (input.kind === 'makeup_workday' && !isWeekend) throw invalid('day', 'swap_makeup_weekend');
  if (input.kind === 'bridge_day_off' && isWeekend) throw invalid('day', 'swap_bridge_weekday');
  const row = await tx
    .insertInto('calendar_swap')
    .values({ day: input.day, kind: input.kind, note: input.note })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning(['day', 'kind', 'note'])
    .executeTakeFirst();
  if (!row) throw conflict('day', 'taken');
  await recordEvent(tx, actor, {
    type: 'calendar_swap.added',
    entityType: 'calendar_swap',
    entityId: row.day,
    data: { kind: row.kind, note: row.note },
  });
  return row;
}

export async function removeSwap(tx: Transaction<DB>, day: string, actor: Actor): Promise<{ ok: true }> {
  forgetCalendarData();
  const row = await tx
    .deleteFrom('calendar_swap')
    .where('day', '=', day)
    .returning(['day', 'kind', 'note'])
    .executeTakeFirst();
  if (!row) throw notFound('calendar_swap');
  await recordEvent(tx, actor, {
    type: 'calendar_swap.removed',
    entityType: 'calendar_swap',
    entityId: row.day,
    data: { kind: row.kind, note: row.note },
  });
  return { ok: true };
}
