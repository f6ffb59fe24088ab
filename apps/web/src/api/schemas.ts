import { Type, type TSchema } from 'typebox';
import {
  AdminUnit,
  Agency,
  AuditEvent,
  Official,
  OrgUnit,
  Position,
  PositionType,
  Role,
  list,
} from '@tinhso/contracts';

/** Lists without a total (the server returns every row): units, positions, roles, position types. */
const items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

export const AgencyList = list(Agency);
export const AdminUnitList = list(AdminUnit);
export const OfficialList = list(Official);
export const AuditEventList = list(AuditEvent);
export const OrgUnitItems = items(OrgUnit);
export const PositionItems = items(Position);
export const PositionTypeItems = items(PositionType);
export const RoleItems = items(Role);

export { ChainReport as AuditVerifyResult } from '@tinhso/contracts';
