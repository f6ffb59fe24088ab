import type { Selectable } from 'kysely';
import type { AdminUnit, Agency, Appointment, OrgUnit, Position } from '@tinhso/contracts';
import type { AdminUnitTable, AgencyTable, OrgUnitTable, PositionTable } from '../../platform/db-types.ts';

export const toAgency = (row: Selectable<AgencyTable>): Agency => ({
  id: row.id,
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  kind: row.kind,
  level: row.level,
  parentId: row.parent_id,
  adminUnitId: row.admin_unit_id,
  effectiveFrom: row.effective_from,
  effectiveTo: row.effective_to,
});

export const toOrgUnit = (row: Selectable<OrgUnitTable>): OrgUnit => ({
  id: row.id,
  agencyId: row.agency_id,
  parentId: row.parent_id,
  name: row.name,
});

export const toPosition = (row: Selectable<PositionTable>): Position => ({
  id: row.id,
  agencyId: row.agency_id,
  orgUnitId: row.org_unit_id,
  positionType: row.position_type,
  title: row.title,
});

export const toAdminUnit = (
  row: Selectable<AdminUnitTable>,
  links: { predecessorIds: string[]; successorIds: string[] },
): AdminUnit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  level: row.level,
  parentId: row.parent_id,
  effectiveFrom: row.effective_from,
  effectiveTo: row.effective_to,
  ...links,
});

/** The columns of an appointment with its position, for selects over appointment ⋈ position. */
export const APPOINTMENT_COLUMNS = [
  'appointment.id',
  'appointment.official_id',
  'appointment.position_id',
  'position.agency_id',
  'position.title',
  'appointment.kind',
  'appointment.starts_on',
  'appointment.ends_on',
] as const;

export interface AppointmentRow {
  id: string;
  official_id: string;
  position_id: string;
  agency_id: string;
  title: string;
  kind: 'primary' | 'concurrent' | 'acting';
  starts_on: string;
  ends_on: string | null;
}

export const toAppointment = (row: AppointmentRow): Appointment => ({
  id: row.id,
  officialId: row.official_id,
  positionId: row.position_id,
  agencyId: row.agency_id,
  title: row.title,
  kind: row.kind,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
});
