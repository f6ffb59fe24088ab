import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, PageQuery, Uuid } from './common.ts';
import { DOCUMENT_URGENCIES, IncomingDocument } from './documents.ts';
import { IncomingRecall, IncomingReplacement } from './documents-recall.ts';

/** Where an incoming document stands in its handling (ADR 0018). */
export const INCOMING_STATUSES = [
  'registered',
  'submitted',
  'assigned',
  'in_progress',
  'done',
  'closed',
  'returned',
  'recalled',
] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

/** The steps of its handling; each is a command and a line of its history. */
export const INCOMING_ACTIONS = [
  'register',
  'submit',
  'assign',
  'reassign',
  'progress',
  'opinion',
  'read',
  'complete',
  'close',
  'return',
  'recall',
  'replace',
  'update',
] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

/** Chủ trì, phối hợp, để biết (Phụ lục IV, Phiếu giải quyết văn bản đến). */
export const ASSIGNMENT_ROLES = ['lead', 'cooperate', 'inform'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

const Note = (description: string) => NonEmpty(2000, description);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SubmitIncomingBody = Type.Object(
  {
    leaderAccountId: { ...Uuid, description: 'The leader of the agency it is submitted to (trình)' },
    note: Type.Optional(Note('What the clerk adds for the leader')),
  },
  { additionalProperties: false },
);
export type SubmitIncomingBody = Static<typeof SubmitIncomingBody>;

/** A unit of the agency or an official: exactly one of the two. */
export const Assignee = Type.Object(
  {
    orgUnitId: Type.Optional({ ...Uuid, description: 'A unit (phòng, ban) of the receiving agency' }),
    accountId: Type.Optional({ ...Uuid, description: 'An official with a post at the receiving agency' }),
    dueOn: Type.Optional({ ...IsoDate, description: 'This assignee’s deadline; the document’s by default' }),
  },
  { additionalProperties: false },
);
export type Assignee = Static<typeof Assignee>;

export const AssignIncomingBody = Type.Object(
  {
    instruction: Note('Ý kiến chỉ đạo (bút phê)'),
    lead: Assignee,
    cooperate: Type.Optional(Type.Array(Assignee, { maxItems: 30 })),
    inform: Type.Optional(Type.Array(Assignee, { maxItems: 30 })),
    dueOn: Type.Optional({
      ...IsoDate,
      description:
        'Thời hạn giải quyết; by default the document’s own deadline, else the setting document.handlingWorkingDays working days from today',
    }),
  },
  { additionalProperties: false },
);
export type AssignIncomingBody = Static<typeof AssignIncomingBody>;

export const ReassignIncomingBody = Type.Object(
  {
    accountId: { ...Uuid, description: 'The official of the lead unit who handles it' },
    note: Type.Optional(Note('The unit head’s instruction')),
  },
  { additionalProperties: false },
);
export type ReassignIncomingBody = Static<typeof ReassignIncomingBody>;

export const IncomingNoteBody = Type.Object(
  { note: Note('Progress, opinion, proposal or reason') },
  { additionalProperties: false },
);
export type IncomingNoteBody = Static<typeof IncomingNoteBody>;

export const OptionalNoteBody = Type.Object(
  { note: Type.Optional(Note('A note')) },
  { additionalProperties: false },
);
export type OptionalNoteBody = Static<typeof OptionalNoteBody>;

export const CompleteIncomingBody = Type.Object(
  {
    resultNote: Note('Kết quả giải quyết'),
    replyReference: Type.Optional(NonEmpty(100, 'Số, ký hiệu or id of the reply document')),
  },
  { additionalProperties: false },
);
export type CompleteIncomingBody = Static<typeof CompleteIncomingBody>;

export const IncomingAssignment = Type.Object({
  id: Uuid,
  role: Type.Enum(ASSIGNMENT_ROLES),
  orgUnitId: Nullable(Uuid),
  orgUnitName: Nullable(Type.String()),
  accountId: Nullable(Uuid),
  accountName: Nullable(Type.String()),
  dueOn: Nullable(IsoDate),
  readAt: Nullable(IsoDateTime),
  opinion: Nullable(Type.String()),
  opinionAt: Nullable(IsoDateTime),
});
export type IncomingAssignment = Static<typeof IncomingAssignment>;

export const IncomingHistoryEntry = Type.Object({
  at: IsoDateTime,
  action: Type.Enum(INCOMING_ACTIONS),
  fromStatus: Nullable(Type.Enum(INCOMING_STATUSES)),
  toStatus: Type.Enum(INCOMING_STATUSES),
  actorLabel: Type.String(),
  note: Nullable(Type.String()),
});
export type IncomingHistoryEntry = Static<typeof IncomingHistoryEntry>;

/** Overdue: the deadline's day has passed; due soon: it ends within document.dueSoonDays days. */
export const DueState = Type.Enum(['none', 'on_track', 'due_soon', 'overdue'] as const);
export type DueState = Static<typeof DueState>;

export const IncomingHandling = Type.Object({
  document: IncomingDocument,
  status: Type.Enum(INCOMING_STATUSES),
  deadlineOn: Nullable(IsoDate),
  submittedTo: Nullable(Type.Object({ accountId: Uuid, name: Type.String() })),
  instruction: Nullable(Type.String()),
  dueOn: Nullable(IsoDate),
  dueState: DueState,
  resultNote: Nullable(Type.String()),
  replyReference: Nullable(Type.String()),
  hasText: Type.Boolean({ description: 'Text was extracted from the scan (searchable)' }),
  recall: Type.Union([IncomingRecall, Type.Null()], {
    description: 'The issuer recalled it: the copy was destroyed, no step is allowed',
  }),
  replacement: Type.Union([IncomingReplacement, Type.Null()], { description: 'The issuer replaced it' }),
  assignments: Type.Array(IncomingAssignment),
  history: Type.Array(IncomingHistoryEntry),
  allowedActions: Type.Array(Type.Enum(INCOMING_ACTIONS), {
    description: 'What the caller may do now',
  }),
});
export type IncomingHandling = Static<typeof IncomingHandling>;

export const MyIncomingItem = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  arrivalNumber: Type.Integer(),
  numberSymbol: Type.String(),
  issuerName: Type.String(),
  summary: Type.String(),
  urgency: Type.Enum(DOCUMENT_URGENCIES),
  status: Type.Enum(INCOMING_STATUSES),
  role: Nullable(Type.Enum(ASSIGNMENT_ROLES)),
  dueOn: Nullable(IsoDate),
  dueState: DueState,
  isOverdue: Type.Boolean(),
  isDueSoon: Type.Boolean(),
});
export type MyIncomingItem = Static<typeof MyIncomingItem>;

export const MyIncomingList = Type.Object({ items: Type.Array(MyIncomingItem), total: Type.Integer() });
export type MyIncomingList = Static<typeof MyIncomingList>;

export const IncomingWorklistQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type IncomingWorklistQuery = Static<typeof IncomingWorklistQuery>;

/** One row of the Sổ theo dõi giải quyết văn bản đến (NĐ 30/2020 Phụ lục IV, 7 columns). */
export const FollowUpRow = Type.Object({
  id: Uuid,
  arrivalNumber: Type.Integer({ description: 'Số đến' }),
  document: Type.String({ description: 'Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành' }),
  handledBy: Type.String({ description: 'Đơn vị hoặc người nhận' }),
  dueOn: Nullable(IsoDate),
  progress: Type.String({ description: 'Tiến độ giải quyết' }),
  replyReference: Nullable(Type.String({ description: 'Số, ký hiệu văn bản trả lời' })),
  remarks: Type.String({ description: 'Ghi chú' }),
});
export type FollowUpRow = Static<typeof FollowUpRow>;

export const FollowUpQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2199 }),
    agencyId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FollowUpQuery = Static<typeof FollowUpQuery>;

export const FollowUpBook = Type.Object({ items: Type.Array(FollowUpRow), total: Type.Integer() });
export type FollowUpBook = Static<typeof FollowUpBook>;

/** People and units a leader may assign to, or a clerk may submit to. */
export const AssigneeOptions = Type.Object({
  leaders: Type.Array(Type.Object({ accountId: Uuid, name: Type.String(), title: Type.String() })),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  officials: Type.Array(
    Type.Object({
      accountId: Uuid,
      name: Type.String(),
      title: Type.String(),
      orgUnitId: Nullable(Uuid),
    }),
  ),
});
export type AssigneeOptions = Static<typeof AssigneeOptions>;
