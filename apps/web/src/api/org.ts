import {
  Agency,
  Appointment,
  MergeResult,
  Official,
  OrgUnit,
  Position,
  PositionType,
  Role,
  type Appoint,
  type CreateAgency,
  type CreateOfficial,
  type CreateOrgUnit,
  type CreatePosition,
  type CreatePositionType,
  type CreateRole,
  type MergeAdminUnits,
  type UpdateAgency,
  type UpdatePositionType,
  type UpdateRole,
} from '@tinhso/contracts';
import { apiCommand, apiSend } from './client.ts';

// Reads go through useApi (hooks/use-api.ts) with the list schemas; these are the changes.
export const createAgency = (body: CreateAgency) => apiSend('POST', '/api/org/agencies', body, Agency);
export const updateAgency = (id: string, body: UpdateAgency) =>
  apiSend('PATCH', `/api/org/agencies/${encodeURIComponent(id)}`, body, Agency);
export const createOrgUnit = (agencyId: string, body: CreateOrgUnit) =>
  apiSend('POST', `/api/org/agencies/${encodeURIComponent(agencyId)}/units`, body, OrgUnit);
export const createPosition = (body: CreatePosition) => apiSend('POST', '/api/org/positions', body, Position);
export const mergeAdminUnits = (body: MergeAdminUnits) =>
  apiSend('POST', '/api/org/admin-units/merge', body, MergeResult);
export const unlockOfficial = (officialId: string) =>
  apiSend('POST', `/api/org/officials/${encodeURIComponent(officialId)}/unlock`, {}, Official);
export const createOfficial = (body: CreateOfficial) => apiSend('POST', '/api/org/officials', body, Official);
export const appoint = (officialId: string, body: Appoint) =>
  apiSend('POST', `/api/org/officials/${encodeURIComponent(officialId)}/appointments`, body, Appointment);
export const endAppointment = (appointmentId: string, endsOn: string) =>
  apiCommand('POST', `/api/org/appointments/${encodeURIComponent(appointmentId)}/end`, { endsOn });
export const createRole = (body: CreateRole) => apiSend('POST', '/api/org/roles', body, Role);
export const updateRole = (code: string, body: UpdateRole) =>
  apiSend('PATCH', `/api/org/roles/${encodeURIComponent(code)}`, body, Role);
export const createPositionType = (body: CreatePositionType) =>
  apiSend('POST', '/api/org/position-types', body, PositionType);
export const updatePositionType = (code: string, body: UpdatePositionType) =>
  apiSend('PATCH', `/api/org/position-types/${encodeURIComponent(code)}`, body, PositionType);
