import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, Uuid } from './common.ts';
import { ProcedureCode, STEP_ROLES } from './procedures.ts';

/**
 * Dossiers (hồ sơ) of the one-stop system: from a citizen's draft or a counter intake to the returned
 * result. Business, payment, delivery and synchronisation statuses are separate fields (vn-norms
 * R-DOS-3); the business status maps to the national portal's TrangThaiHoSo codes 1–10.
 */

export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'received',
  'in_process',
  'supplement_requested',
  'not_received',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** TrangThaiHoSo of Cổng DVCQG (vn-norms §1.5); a draft is not known to the portal. */
export const DVCQG_STATUS_CODES: Record<DossierStatus, number | null> = {
  draft: null,
  submitted: 1,
  received: 2,
  not_received: 3,
  in_process: 4,
  supplement_requested: 5,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
};

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
export const CHANNELS = ['counter', 'online', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_CODES: Record<Channel, 1 | 2 | 3> = { counter: 1, online: 2, post: 3 };

export const DELIVERY_METHODS = ['counter', 'post', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const PAYMENT_STATUSES = ['none', 'due', 'paid'] as const;
export const DELIVERY_STATUSES = ['not_ready', 'ready', 'delivered'] as const;
export const SYNC_STATUSES = ['pending', 'synced', 'failed'] as const;

/** Everything that can happen to a dossier; `allowedActions` on a dossier lists those open to the caller. */
export const DOSSIER_ACTIONS = [
  'edit',
  'submit',
  'discard',
  'receive',
  'request_supplement',
  'refuse',
  'supplement',
  'forward',
  'send_back',
  'consult',
  'transfer',
  'apologise',
  'resolve',
  'return',
  'stop',
  'withdraw',
  'rate',
  'hand_over',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** One-stop forms of TT 03/2025/TT-VPCP Phụ lục I that a dossier can print. */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

export const DOSSIER_CODE_PATTERN = '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-K][0-9]{2}-[0-9]{6}-[0-9]{4}$';
/** What other systems produce; accepted on lookup and import (vn-norms R-DOS-1). */
export const LENIENT_DOSSIER_CODE_PATTERN = '^[0-9A-Z.]{3,20}-[0-9]{6,8}-[0-9]{4,7}$';
export const DossierCode = Type.String({
  pattern: LENIENT_DOSSIER_CODE_PATTERN,
  maxLength: 40,
  description: 'Dossier code {agencyCode}-{YYMMDD}-{NNNN}, e.g. 000.00.14.H20-261126-0001',
});

const Text = (max = 2000) => NonEmpty(max);

export const Applicant = Type.Object(
  {
    fullName: Text(200),
    personalId: Type.Optional(
      Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân' })]),
    ),
    address: Text(500),
    phone: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^0[0-9]{9}$' })])),
    email: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'email', maxLength: 200 })])),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export const AttachedFile = Type.Object(
  {
    componentIndex: Type.Integer({
      minimum: 0,
      maximum: 59,
      description: 'Index in the version’s components',
    }),
    fileId: Uuid,
  },
  { additionalProperties: false },
);
export type AttachedFile = Static<typeof AttachedFile>;

export const DossierFormData = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The filled-in application form, checked against the procedure’s JSON Schema',
});

export const FEE_CHOICE = Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 49 })], {
  description: 'Index of the fee case (fees.byCase) that applies, or null for the fixed fee',
});

const DossierFields = {
  receivingAgencyId: Uuid,
  competentAgencyId: Type.Optional(
    Type.Union([Type.Null(), Uuid], {
      description: 'Required when the procedure does not name one agency (e.g. the commune that decides)',
    }),
  ),
  applicant: Applicant,
  formData: DossierFormData,
  feeCase: Type.Optional(FEE_CHOICE),
  exemption: Type.Optional(
    Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 49 })], {
      description: 'Index of the exemption (fees.exemptions) claimed',
    }),
  ),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  deliveryAddress: Type.Optional(Type.Union([Type.Null(), Text(500)])),
  files: Type.Array(AttachedFile, { maxItems: 100 }),
};

export const CreateDraft = Type.Object(
  { procedureCode: ProcedureCode, ...DossierFields },
  { additionalProperties: false },
);
export type CreateDraft = Static<typeof CreateDraft>;

export const UpdateDraft = Type.Object(DossierFields, { additionalProperties: false });
export type UpdateDraft = Static<typeof UpdateDraft>;

/** A paper dossier entered at the counter, with the outcome of the completeness check in the same step. */
export const CounterIntake = Type.Object(
  {
    procedureCode: ProcedureCode,
    channel: Type.Enum(['counter', 'post'] as const),
    ...DossierFields,
    outcome: Type.Union([
      Type.Object(
        { kind: Type.Literal('receive'), note: Type.Optional(Text()) },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('request_supplement'),
          items: Type.Array(
            Type.Object({ name: Text(1000), reason: Text() }, { additionalProperties: false }),
            { minItems: 1, maxItems: 60 },
          ),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        { kind: Type.Literal('refuse'), reasons: Type.Array(Text(), { minItems: 1, maxItems: 20 }) },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);
export type CounterIntake = Static<typeof CounterIntake>;

export const SupplementItem = Type.Object(
  { name: Text(1000), reason: Text() },
  { additionalProperties: false },
);
export type SupplementItem = Static<typeof SupplementItem>;

export const RatingBody = Type.Object(
  {
    satisfaction: Type.Enum(['satisfied', 'neutral', 'dissatisfied'] as const),
    contactsToComplete: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 20,
        description: 'Times the applicant had to come back (index 3)',
      }),
    ),
    agenciesContacted: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 20, description: 'Bodies contacted to complete it (index 4)' }),
    ),
    staffAttitude: Type.Optional(Type.Enum(['good', 'ordinary', 'bad'] as const)),
    comment: Type.Optional(Text()),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

const AgencyRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() });
const PersonRef = Type.Object({ id: Uuid, name: Type.String() });

export const DossierEvent = Type.Object({
  at: IsoDateTime,
  action: Type.String(),
  fromStatus: Type.Union([Type.Enum(DOSSIER_STATUSES), Type.Null()]),
  toStatus: Type.Enum(DOSSIER_STATUSES),
  actor: Type.Union([Type.String(), Type.Null()], { description: 'Who acted; omitted on the public lookup' }),
  agency: Type.Union([Type.String(), Type.Null()]),
  stepName: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  /** For a hand-over: how the step ended against its budget (Phiếu kiểm soát). */
  timeliness: Type.Union([Type.Enum(['early', 'on_time', 'late'] as const), Type.Null()]),
});
export type DossierEvent = Static<typeof DossierEvent>;

export const DossierFile = Type.Object({
  id: Uuid,
  purpose: Type.Enum(['component', 'result'] as const),
  componentIndex: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
});

export const SupplementRequest = Type.Object({
  stage: Type.Enum(['reception', 'appraisal'] as const),
  requestedAt: IsoDateTime,
  completedAt: Type.Union([IsoDateTime, Type.Null()]),
  items: Type.Array(SupplementItem),
  justification: Type.Union([Type.String(), Type.Null()]),
});

export const Consultation = Type.Object({
  id: Uuid,
  agency: AgencyRef,
  question: Type.String(),
  dueDate: IsoDate,
  askedAt: IsoDateTime,
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
});

export const CurrentStep = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  name: Type.String(),
  role: Type.Enum(STEP_ROLES),
  unit: Type.String(),
  startedAt: IsoDateTime,
  dueAt: IsoDateTime,
});

export const DossierSummary = Type.Object({
  id: Uuid,
  code: Type.Union([DossierCode, Type.Null()]),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  channel: Type.Enum(CHANNELS),
  status: Type.Enum(DOSSIER_STATUSES),
  receivingAgency: AgencyRef,
  currentAgency: AgencyRef,
  currentStepName: Type.Union([Type.String(), Type.Null()]),
  assignee: Type.Union([PersonRef, Type.Null()]),
  submittedAt: Type.Union([IsoDateTime, Type.Null()]),
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  /** overdue: past the due instant and not resolved; due_soon: due within the setting dossier.dueSoonHours. */
  urgency: Type.Enum(['none', 'due_soon', 'overdue'] as const),
  /** A consultation (lấy ý kiến) of this dossier is unanswered past its due day (R-DOS-11). */
  overdueConsultation: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type DossierSummary = Static<typeof DossierSummary>;

export const Dossier = Type.Object({
  ...DossierSummary.properties,
  procedureVersion: Type.Integer({ minimum: 1 }),
  dvcqgStatus: Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()]),
  channelCode: Type.Integer({ minimum: 1, maximum: 3 }),
  paymentStatus: Type.Enum(PAYMENT_STATUSES),
  deliveryStatus: Type.Enum(DELIVERY_STATUSES),
  syncStatus: Type.Enum(SYNC_STATUSES),
  competentAgency: AgencyRef,
  applicant: Applicant,
  formData: DossierFormData,
  feeCase: Type.Union([Type.Integer(), Type.Null()]),
  exemption: Type.Union([Type.Integer(), Type.Null()]),
  feeAmount: Type.Integer({ minimum: 0, description: 'VND due for this dossier' }),
  invoiceId: Type.Union([Uuid, Type.Null()]),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  deliveryAddress: Type.Union([Type.String(), Type.Null()]),
  currentStep: Type.Union([CurrentStep, Type.Null()]),
  originalDueAt: Type.Union([IsoDateTime, Type.Null()], { description: 'The due instant before an apology' }),
  rescheduled: Type.Boolean(),
  resolvedAt: Type.Union([IsoDateTime, Type.Null()]),
  returnedAt: Type.Union([IsoDateTime, Type.Null()]),
  paperHandedOverAt: Type.Union([IsoDateTime, Type.Null()], {
    description:
      'When the desk handed the paper file to the deciding unit (R-DOS-10); null if not yet or online',
  }),
  outcome: Type.Union([Type.Enum(['approved', 'refused'] as const), Type.Null()]),
  files: Type.Array(DossierFile),
  supplements: Type.Array(SupplementRequest),
  consultations: Type.Array(Consultation),
  events: Type.Array(DossierEvent),
  forms: Type.Array(Type.Enum(DOSSIER_FORMS), { description: 'Forms that can be printed now' }),
  rating: Type.Union([RatingBody, Type.Null()]),
  allowedActions: Type.Array(Type.Enum(DOSSIER_ACTIONS)),
});
export type Dossier = Static<typeof Dossier>;

/** What anyone holding the code may see: no personal data, no officials' names (TT 01/2018 Art 16). */
export const PublicDossier = Type.Object({
  code: DossierCode,
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantInitials: Type.String({ description: 'e.g. N. T. A. Tuyết' }),
  status: Type.Enum(DOSSIER_STATUSES),
  dvcqgStatus: Type.Union([Type.Integer(), Type.Null()]),
  receivingAgency: Type.String(),
  currentAgency: Type.String(),
  currentStepName: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([IsoDateTime, Type.Null()]),
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  resolvedAt: Type.Union([IsoDateTime, Type.Null()]),
  returnedAt: Type.Union([IsoDateTime, Type.Null()]),
  events: Type.Array(DossierEvent),
});
export type PublicDossier = Static<typeof PublicDossier>;
