import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, PageQuery, Uuid, LIMITS } from './common.ts';
import { AgencyCode, AgencyKind, AgencyLevel } from './org.ts';

/**
 * The catalogue of administrative procedures (thủ tục hành chính, TTHC). A procedure is a national
 * code; what it requires (components, form, fees, deadline, steps) lives in dated versions, so that
 * a dossier stays pinned to the version in force when it was received.
 */

/** National procedure code in the CSDL quốc gia về TTHC, e.g. 1.001193 or 2.000635. */
export const PROCEDURE_CODE_PATTERN = '^[0-9]{1,2}\\.[0-9]{6}(\\.[0-9A-Za-z]{1,20})?$';
export const ProcedureCode = Type.String({
  pattern: PROCEDURE_CODE_PATTERN,
  description: 'National procedure code, e.g. 1.001193',
  examples: ['1.001193'],
});

export const DEADLINE_UNITS = ['working_day', 'calendar_day', 'hour', 'month'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const BUDGET_UNITS = ['hour', 'half_day', 'working_day'] as const;
export type BudgetUnit = (typeof BUDGET_UNITS)[number];
/** Toàn trình: every step online, the default (NĐ 224/2026 Art 14); một phần needs a justification. */
export const ONLINE_LEVELS = ['toan_trinh', 'mot_phan'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
/** How a component is submitted: bản chính, bản sao chứng thực, bản sao/bản chụp, or only shown (xuất trình). */
export const COMPONENT_KINDS = ['original', 'certified_copy', 'copy', 'shown'] as const;
/** Who acts at a step; the dossier workflow assigns steps by these roles. */
export const STEP_ROLES = [
  'tiep_nhan',
  'chuyen_vien',
  'lanh_dao_phong',
  'lanh_dao',
  'van_thu',
  'tra_ket_qua',
] as const;
export const VERSION_STATUSES = ['draft', 'published'] as const;

const Text = (max: number = LIMITS.nameMax) => NonEmpty(max);
const Vnd = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Amount in VND' });
const Amount = (description: string) =>
  Type.Number({ exclusiveMinimum: 0, maximum: 10_000, multipleOf: 0.5, description });

export const DossierComponent = Type.Object(
  {
    name: Text(1000),
    kind: Type.Enum(COMPONENT_KINDS),
    count: Type.Integer({ minimum: 1, maximum: 20, default: 1 }),
    template: Type.Optional(Type.Union([Type.Null(), Text(500)], { description: 'Form (mẫu) to use' })),
    required: Type.Boolean({ description: 'False when only some applicants must provide it' }),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type DossierComponent = Static<typeof DossierComponent>;

export const Fees = Type.Object(
  {
    fixed: Type.Union([Type.Null(), Vnd], { description: 'One amount for everyone, or null' }),
    byCase: Type.Array(Type.Object({ label: Text(500), amount: Vnd }, { additionalProperties: false }), {
      maxItems: 50,
    }),
    exemptions: Type.Array(Text(500), { maxItems: 50, description: 'Who pays nothing (miễn)' }),
    basis: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type Fees = Static<typeof Fees>;

export const LegalDeadline = Type.Object(
  { value: Amount('How many units'), unit: Type.Enum(DEADLINE_UNITS) },
  { additionalProperties: false },
);
export type LegalDeadline = Static<typeof LegalDeadline>;

export const ProcessStep = Type.Object(
  {
    name: Text(),
    role: Type.Enum(STEP_ROLES),
    unit: Text(200),
    budget: Type.Object(
      { value: Amount('Step budget'), unit: Type.Enum(BUDGET_UNITS) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ProcessStep = Static<typeof ProcessStep>;

const CUT_OFF_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** What a version says. The same shape is submitted, imported and answered. */
export const ProcedureContentFields = {
  name: Text(1000),
  sectorCode: NonEmpty(LIMITS.codeMax, 'Sector (lĩnh vực) code'),
  sectorName: Text(),
  levels: Type.Array(AgencyLevel, { minItems: 1, maxItems: 2, uniqueItems: true }),
  competentAgencyKind: AgencyKind,
  competentAgencyCode: Type.Optional(
    Type.Union([Type.Null(), AgencyCode], {
      description: 'The one agency that decides, when the kind alone does not say (a province-level sở)',
    }),
  ),
  receivingAgencyKinds: Type.Array(AgencyKind, { minItems: 1, maxItems: 5, uniqueItems: true }),
  components: Type.Array(DossierComponent, { maxItems: 60 }),
  form: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The application form as a JSON Schema object (type object with properties)',
  }),
  fees: Fees,
  deadline: LegalDeadline,
  steps: Type.Array(ProcessStep, { minItems: 1, maxItems: 30 }),
  resultTemplate: Text(500),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  motPhanJustification: Type.Optional(
    Type.Union([Type.Null(), Text(2000)], { description: 'Why only một phần; required then' }),
  ),
  cutOffTime: Type.Optional(Type.String({ pattern: CUT_OFF_PATTERN, default: '15:00' })),
  legalBasis: Type.Array(Text(500), { maxItems: 30 }),
  note: Type.Optional(Type.Union([Type.Null(), Text(2000)], { description: 'What is uncertain' })),
};
export const ProcedureContent = Type.Object(ProcedureContentFields, { additionalProperties: false });
export type ProcedureContent = Static<typeof ProcedureContent>;

export const CreateProcedure = Type.Object(
  { code: ProcedureCode, effectiveFrom: IsoDate, ...ProcedureContentFields },
  { additionalProperties: false },
);
export type CreateProcedure = Static<typeof CreateProcedure>;

export const AddProcedureVersion = Type.Object(
  { effectiveFrom: IsoDate, ...ProcedureContentFields },
  { additionalProperties: false },
);
export type AddProcedureVersion = Static<typeof AddProcedureVersion>;

export const ProcedureVersion = Type.Object({
  id: Uuid,
  procedureId: Uuid,
  code: ProcedureCode,
  version: Type.Integer({ minimum: 1 }),
  status: Type.Enum(VERSION_STATUSES),
  effectiveFrom: IsoDate,
  effectiveTo: Type.Union([IsoDate, Type.Null()], { description: 'First day it is no longer in force' }),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  ...ProcedureContentFields,
  cutOffTime: Type.String({ pattern: CUT_OFF_PATTERN }),
});
export type ProcedureVersion = Static<typeof ProcedureVersion>;

/** The fees of a version in one line for lists: free, one amount for everyone, or by case (a range). */
export const FeeSummary = Type.Object(
  {
    kind: Type.Enum(['free', 'fixed', 'by_case'] as const, {
      description: 'free: nothing to pay; fixed: one amount; by_case: depends on the applicant’s case',
    }),
    minVnd: Type.Integer({ minimum: 0, description: 'The amount (fixed) or the lowest of the cases' }),
    maxVnd: Type.Integer({ minimum: 0, description: 'The amount (fixed) or the highest of the cases' }),
  },
  { additionalProperties: false },
);
export type FeeSummary = Static<typeof FeeSummary>;

export const ProcedureSummary = Type.Object({
  code: ProcedureCode,
  name: Type.String(),
  sectorCode: Type.String(),
  sectorName: Type.String(),
  levels: Type.Array(AgencyLevel),
  deadline: LegalDeadline,
  fee: FeeSummary,
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  version: Type.Integer(),
  effectiveFrom: IsoDate,
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Name or code, with or without diacritics' }),
    ),
    sector: Type.Optional(NonEmpty(LIMITS.codeMax)),
    level: Type.Optional(AgencyLevel),
    asOf: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProcedureQuery = Static<typeof ProcedureQuery>;

export const ProcedureCodeParams = Type.Object({ code: ProcedureCode }, { additionalProperties: false });
export const ProcedureVersionParams = Type.Object(
  { code: ProcedureCode, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });

export const ImportProcedures = Type.Array(CreateProcedure, { minItems: 1, maxItems: 500 });
export type ImportProcedures = Static<typeof ImportProcedures>;

export const ImportReport = Type.Object({
  items: Type.Array(
    Type.Object({
      code: ProcedureCode,
      outcome: Type.Enum(['created', 'new_version', 'unchanged']),
      version: Type.Integer(),
    }),
  ),
});
export type ImportReport = Static<typeof ImportReport>;

export const FormCheck = Type.Object(
  {
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'The form as filled in' }),
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type FormCheck = Static<typeof FormCheck>;
