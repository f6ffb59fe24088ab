import type { CalendarHoliday, CreateCalendarHoliday } from '@tinhso/contracts';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { builtInHolidays } from './holidays.ts';
import { yearOf } from './iso-day.ts';
import { forgetCalendarData } from './repository.ts';
import './tables.ts';

/** Adds a holiday from the year's notice (a Tết day, the day beside Quốc khánh, a one-off day). */
export async function addHoliday(
  tx: Transaction<DB>,
  input: CreateCalendarHoliday,
  actor: Actor,
): Promise<CalendarHoliday> {
  forgetCalendarData();
  const isBuiltIn = builtInHolidays(yearOf(input.day), { isVietnamCultureDayOn: true }).some(
    (holiday) => holiday.day === input.day,
  );
  if (isBuiltIn) throw conflict('day', 'taken');
  const row = await tx
    .insertInto('calendar_holiday')
    .values({
      day: input.day,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      kind: input.kind,
      note: input.note,
    })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning(['day', 'name_vi', 'name_en', 'kind', 'note'])
    .executeTakeFirst();
  if (!row) throw conflict('day', 'taken');
  await recordEvent(tx, actor, {
    type: 'calendar_holiday.added',
    entityType: 'calendar_holiday',
    entityId: row.day,
    data: { kind: row.kind, nameVi: row.name_vi, note: row.note },
  });
  return { day: row.day, nameVi: row.name_vi, nameEn: row.name_en, kind: row.kind, note: row.note };
}

export async function removeHoliday(tx: Transaction<DB>, day: string, actor: Actor): Promise<{ ok: true }> {
  forgetCalendarData();
  const row = await tx
    .deleteFrom('calendar_holiday')
    .where('day', '=', day)
    .returning(['day', 'kind', 'name_vi', 'note'])
    .executeTakeFirst();
  if (!row) throw notFound('calendar_holiday');
  await recordEvent(tx, actor, {
    type: 'calendar_holiday.removed',
    entityType: 'calendar_holiday',
    entityId: row.day,
    data: { kind: row.kind, nameVi: row.name_vi, note: row.note },
  });
  return { ok: true };
}
