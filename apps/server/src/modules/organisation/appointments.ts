import type { Transaction } from 'kysely';
import type { Appoint, Appointment, CreateOfficial, Official } from '@tinhso/contracts';
import type { Actor, Principal } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { inScope, type AgencyScope } from '../../platform/scope.ts';
import { recordEvent } from '../audit/record-event.ts';
import { createAccount } from '../identity/create-account.ts';
import { assertCanGrant } from './assert-can-grant.ts';
import { getOfficial } from './officials.ts';
import { APPOINTMENT_COLUMNS, toAppointment } from './mappers.ts';

/**
 * Appoints an official to a position from a date: primary (one at a time), concurrent (kiêm nhiệm)
 * or acting (quyền). Permissions follow the appointment from its first day to the day before it ends.
 */
export async function appoint(
  tx: Transaction<DB>,
  officialId: string,
  input: Appoint,
  caller: Caller,
  field = '',
): Promise<Appointment> {
  const { scope, actor } = caller;
  const position = await tx
    .selectFrom('position')
    .select(['id', 'agency_id', 'title', 'position_type'])
    .where('id', '=', input.positionId)
    .executeTakeFirst();
  if (!position || !inScope(scope, position.agency_id)) throw invalid(`${field}positionId`, 'no_such_record');
  await assertCanGrant(tx, caller.principal, position.position_type, position.agency_id);
  if (input.endsOn !== undefined && input.endsOn <= input.startsOn)
    throw invalid(`${field}endsOn`, 'date_order');
  if (input.kind === 'primary') {
    const overlapping = await tx
      .selectFrom('appointment')
      .select('id')
      .where('official_id', '=', officialId)
      .where('kind', '=', 'primary')
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', input.startsOn)]))
      .$if(input.endsOn !== undefined, (q) => q.where('starts_on', '<', input.endsOn!))
      .executeTakeFirst();
    if (overlapping) throw conflict(`${field}kind`, 'taken');
  }
  const row = await tx
    .insertInto('appointment')
    .values({
      official_id: officialId,
      position_id: position.id,
      kind: input.kind,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'appointment.created',
    entityType: 'appointment',
    entityId: row.id,
    agencyId: position.agency_id,
    data: {
      officialId,
      positionId: position.id,
      kind: row.kind,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    },
  });
  return toAppointment({ ...row, agency_id: position.agency_id, title: position.title });
}

/** Who acts: their session (for what they may grant), their agency scope and their audit label. */
export interface Caller {
  principal: Principal;
  scope: AgencyScope;
  actor: Actor;
}

export async function appointOfficial(
  tx: Transaction<DB>,
  officialId: string,
  input: Appoint,
  caller: Caller,
): Promise<Appointment> {
  await getOfficial(tx, officialId, caller.scope);
  return appoint(tx, officialId, input, caller);
}

export async function endAppointment(
  tx: Transaction<DB>,
  appointmentId: string,
  endsOn: string,
  { scope, actor }: Caller,
): Promise<Appointment> {
  const row = await tx
    .selectFrom('appointment')
    .innerJoin('position', 'position.id', 'appointment.position_id')
    .select(APPOINTMENT_COLUMNS)
    .where('appointment.id', '=', appointmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !inScope(scope, row.agency_id)) throw notFound('appointment');
  if (row.ends_on !== null && row.ends_on <= endsOn) throw invalid('endsOn', 'already_ended');
  if (endsOn <= row.starts_on) throw invalid('endsOn', 'date_order');
  await tx.updateTable('appointment').set({ ends_on: endsOn }).where('id', '=', appointmentId).execute();
  await recordEvent(tx, actor, {
    type: 'appointment.ended',
    entityType: 'appointment',
    entityId: appointmentId,
    agencyId: row.agency_id,
    data: { officialId: row.official_id, endsOn },
  });
  return toAppointment({ ...row, ends_on: endsOn });
}

/** A new official with a sign-in account (and, for a scoped administrator, their first appointment). */
export async function createOfficial(
  tx: Transaction<DB>,
  input: CreateOfficial,
  caller: Caller,
): Promise<Official> {
  const { scope, actor } = caller;
  if (!scope.all && !input.appointment) throw invalid('appointment', 'required');
  const accountId = await createAccount(
    tx,
    {
      kind: 'official',
      username: input.username,
      displayName: input.fullName,
      password: input.initialPassword,
      email: input.email,
      phone: input.phone,
      mustChangePassword: true,
    },
    'initialPassword',
  );
  const official = await tx
    .insertInto('official')
    .values({
      account_id: accountId,
      full_name: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(tx, actor, {
    type: 'official.created',
    entityType: 'official',
    entityId: official.id,
    data: { fullName: input.fullName, username: input.username },
  });
  if (input.appointment) await appoint(tx, official.id, input.appointment, caller, 'appointment.');
  return getOfficial(tx, official.id, { all: true });
}
