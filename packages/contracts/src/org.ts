import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, PageQuery, Uuid, LIMITS } from './common.ts';
import { PERMISSION_CODES, ROLE_SCOPES } from './permissions.ts';

/** Electronic agency code (mã định danh, QĐ 20/2020/QĐ-TTg): V1V2V3.Z1Z2.Y1Y2.MX1X2, 13 characters. */
export const AGENCY_CODE_PATTERN = '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-K][0-9]{2}$';
export const AgencyCode = Type.String({
  pattern: AGENCY_CODE_PATTERN,
  description: 'Electronic agency code, e.g. 000.00.14.H20',
  examples: ['000.00.14.H20'],
});

export const ADMIN_UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export const AdminUnitLevel = Type.Enum(ADMIN_UNIT_LEVELS);
export type AdminUnitLevel = (typeof ADMIN_UNIT_LEVELS)[number];

export const AGENCY_KINDS = ['ubnd_tinh', 'so', 'ubnd_xa', 'trung_tam_phvhcc', 'khac'] as const;
export const AgencyKind = Type.Enum(AGENCY_KINDS);
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_LEVELS = ['province', 'commune'] as const;
export const AgencyLevel = Type.Enum(AGENCY_LEVELS);

export const AdminUnit = Type.Object({
  id: Uuid,
  code: Type.String({ description: 'Official code of the administrative unit' }),
  name: Type.String(),
  level: AdminUnitLevel,
  parentId: Type.Union([Uuid, Type.Null()]),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Union([IsoDate, Type.Null()], { description: 'First day it no longer exists' }),
  predecessorIds: Type.Array(Uuid),
  successorIds: Type.Array(Uuid),
});
export type AdminUnit = Static<typeof AdminUnit>;

export const AdminUnitQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    level: Type.Optional(AdminUnitLevel),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name, with or without diacritics' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AdminUnitQuery = Static<typeof AdminUnitQuery>;

export const MergeAdminUnits = Type.Object(
  {
    sourceIds: Type.Array(Uuid, { minItems: 2, maxItems: 20, uniqueItems: true }),
    successor: Type.Object(
      { code: NonEmpty(LIMITS.codeMax), name: NonEmpty(LIMITS.nameMax) },
      { additionalProperties: false },
    ),
    effectiveDate: IsoDate,
  },
  { additionalProperties: false },
);
export type MergeAdminUnits = Static<typeof MergeAdminUnits>;

export const MergeResult = Type.Object({
  successor: AdminUnit,
  movedAgencyIds: Type.Array(Uuid),
});

export const Agency = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: AgencyKind,
  level: AgencyLevel,
  parentId: Type.Union([Uuid, Type.Null()]),
  adminUnitId: Type.Union([Uuid, Type.Null()]),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Union([IsoDate, Type.Null()]),
});
export type Agency = Static<typeof Agency>;

export const AgencyQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    parentId: Type.Optional(Uuid),
    kind: Type.Optional(AgencyKind),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AgencyQuery = Static<typeof AgencyQuery>;

export const CreateAgency = Type.Object(
  {
    code: AgencyCode,
    name: NonEmpty(LIMITS.nameMax),
    shortName: Type.Optional(NonEmpty(60)),
    kind: AgencyKind,
    level: AgencyLevel,
    parentId: Type.Optional(Uuid),
    adminUnitId: Type.Optional(Uuid),
    effectiveFrom: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CreateAgency = Static<typeof CreateAgency>;

export const UpdateAgency = Type.Object(
  {
    name: Type.Optional(NonEmpty(LIMITS.nameMax)),
    shortName: Type.Optional(Type.Union([NonEmpty(60), Type.Null()])),
    effectiveTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgency = Static<typeof UpdateAgency>;

export const OrgUnit = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
});
export type OrgUnit = Static<typeof OrgUnit>;

export const CreateOrgUnit = Type.Object(
  { name: NonEmpty(LIMITS.nameMax), parentId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type CreateOrgUnit = Static<typeof CreateOrgUnit>;

export const PositionType = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'Name in the language of the request' }),
  nameVi: Type.String(),
  nameEn: Type.String(),
  roleCodes: Type.Array(Type.String()),
});
export type PositionType = Static<typeof PositionType>;

export const Role = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'Name in the language of the request' }),
  nameVi: Type.String(),
  nameEn: Type.String(),
  scope: Type.Enum(ROLE_SCOPES),
  permissions: Type.Array(Type.String()),
});
export type Role = Static<typeof Role>;

export const TEMPLATE_CODE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';
const TemplateCode = Type.String({ pattern: TEMPLATE_CODE_PATTERN });
const RoleFields = {
  nameVi: NonEmpty(LIMITS.nameMax),
  nameEn: NonEmpty(LIMITS.nameMax),
  scope: Type.Enum(ROLE_SCOPES),
  permissions: Type.Array(Type.Enum(PERMISSION_CODES), { minItems: 1, uniqueItems: true }),
};
export const CreateRole = Type.Object({ code: TemplateCode, ...RoleFields }, { additionalProperties: false });
export type CreateRole = Static<typeof CreateRole>;
export const UpdateRole = Type.Partial(Type.Object(RoleFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateRole = Static<typeof UpdateRole>;

const PositionTypeFields = {
  nameVi: NonEmpty(LIMITS.nameMax),
  nameEn: NonEmpty(LIMITS.nameMax),
  roleCodes: Type.Array(TemplateCode, { minItems: 1, uniqueItems: true }),
};
export const CreatePositionType = Type.Object(
  { code: TemplateCode, ...PositionTypeFields },
  { additionalProperties: false },
);
export type CreatePositionType = Static<typeof CreatePositionType>;
export const UpdatePositionType = Type.Partial(
  Type.Object(PositionTypeFields, { additionalProperties: false }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);
export type UpdatePositionType = Static<typeof UpdatePositionType>;
export const CodeParams = Type.Object({ code: TemplateCode }, { additionalProperties: false });
export type CodeParams = Static<typeof CodeParams>;

export const Position = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  orgUnitId: Type.Union([Uuid, Type.Null()]),
  positionType: Type.String(),
  title: Type.String(),
});
export type Position = Static<typeof Position>;

export const CreatePosition = Type.Object(
  {
    agencyId: Uuid,
    orgUnitId: Type.Optional(Uuid),
    positionType: NonEmpty(LIMITS.codeMax),
    title: NonEmpty(LIMITS.nameMax),
  },
  { additionalProperties: false },
);
export type CreatePosition = Static<typeof CreatePosition>;

export const APPOINTMENT_KINDS = ['primary', 'concurrent', 'acting'] as const;
export const AppointmentKind = Type.Enum(APPOINTMENT_KINDS);

export const Appointment = Type.Object({
  id: Uuid,
  officialId: Uuid,
  positionId: Uuid,
  agencyId: Uuid,
  title: Type.String(),
  kind: AppointmentKind,
  startsOn: IsoDate,
  endsOn: Type.Union([IsoDate, Type.Null()]),
});
export type Appointment = Static<typeof Appointment>;

export const Official = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  lockedUntil: Type.Union([IsoDateTime, Type.Null()], {
    description: 'Set while sign-in is locked after repeated failures',
  }),
  lastSignInAt: Type.Union([IsoDateTime, Type.Null()]),
  appointments: Type.Array(Appointment),
});
export type Official = Static<typeof Official>;

export const OfficialQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), agencyId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export type OfficialQuery = Static<typeof OfficialQuery>;

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Phone = Type.String({
  pattern: '^0[0-9]{9}$',
  description: 'Vietnamese phone number, 10 digits',
});

export const Appoint = Type.Object(
  { positionId: Uuid, kind: AppointmentKind, startsOn: IsoDate, endsOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const CreateOfficial = Type.Object(
  {
    fullName: NonEmpty(LIMITS.nameMax),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    username: Type.String({
      pattern: '^[a-z0-9._-]{3,60}$',
      description: 'Sign-in name: 3–60 of a-z 0-9 . _ -',
    }),
    initialPassword: Type.String({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax }),
    appointment: Type.Optional(Appoint),
  },
  { additionalProperties: false },
);
export type CreateOfficial = Static<typeof CreateOfficial>;
export type Appoint = Static<typeof Appoint>;

export const EndAppointment = Type.Object({ endsOn: IsoDate }, { additionalProperties: false });
export type EndAppointment = Static<typeof EndAppointment>;

export const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });
