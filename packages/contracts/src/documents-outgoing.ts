import { Type, type Static } from 'typebox';
import { IsoDateTime, NonEmpty, PageQuery, Uuid } from './common.ts';
import { DOCUMENT_CONFIDENTIALITIES, DOCUMENT_URGENCIES, UNIT_ABBREVIATION_PATTERN } from './documents.ts';
import { OutgoingRecall } from './documents-recall.ts';
import { AGENCY_CODE_PATTERN } from './org.ts';

/** Where an outgoing document stands, from the first draft to issue. */
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'awaiting_signature',
  'approved',
  'signed',
  'issued',
  'recalled',
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** What may be done to a draft (the history's actions and the buttons of the draft page). */
export const OUTGOING_ACTIONS = [
  'edit',
  'ask_opinion',
  'submit',
  'return',
  'forward',
  'approve',
  'sign',
  'issue',
  'recall',
  'update',
] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const OutgoingRecipientInput = Type.Union([
  Type.Object(
    { kind: Type.Literal('agency'), agencyId: { ...Uuid, description: 'An agency of this province' } },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('unit'), orgUnitId: { ...Uuid, description: 'A unit of the issuing agency' } },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('external'),
      agencyCode: Type.String({
        pattern: AGENCY_CODE_PATTERN,
        description: 'Mã định danh, e.g. 000.00.00.H20',
      }),
      name: NonEmpty(300, 'The agency’s name as printed in Nơi nhận'),
    },
    { additionalProperties: false },
  ),
]);
export type OutgoingRecipientInput = Static<typeof OutgoingRecipientInput>;

const draftFields = {
  typeCode: NonEmpty(40, 'The document type, a code of GET /api/documents/types'),
  summary: NonEmpty(500, 'Trích yếu nội dung'),
  body: Type.String({ maxLength: 20000, description: 'Nội dung; paragraphs separated by blank lines' }),
  place: NonEmpty(100, 'Địa danh of the date line, e.g. "Đồng Tháp"'),
  unitAbbreviation: Type.Optional(
    Type.String({
      pattern: UNIT_ABBREVIATION_PATTERN,
      description: 'Viết tắt of the drafting unit: required for Công văn, optional otherwise',
    }),
  ),
  recipients: Type.Array(OutgoingRecipientInput, { minItems: 1, maxItems: 50 }),
  signerId: { ...Uuid, description: 'The official proposed to sign' },
  urgency: Type.Enum(DOCUMENT_URGENCIES),
  confidentiality: Type.Enum(DOCUMENT_CONFIDENTIALITIES),
  replyToIncomingId: Type.Optional({ ...Uuid, description: 'The incoming document this answers' }),
  contentFileId: Type.Optional({
    ...Uuid,
    description: 'A PDF of POST /api/files to use as the content instead of rendering the body',
  }),
  replacesDraftId: Type.Optional({
    ...Uuid,
    description: 'An issued document of the agency that this one replaces (văn bản thay thế)',
  }),
};

export const CreateOutgoingBody = Type.Object(
  {
    ...draftFields,
    agencyId: Type.Optional({ ...Uuid, description: 'Needed only when the drafter serves several' }),
  },
  { additionalProperties: false },
);
export type CreateOutgoingBody = Static<typeof CreateOutgoingBody>;

export const EditOutgoingBody = Type.Object(draftFields, { additionalProperties: false });
export type EditOutgoingBody = Static<typeof EditOutgoingBody>;

export const AskOpinionBody = Type.Object(
  {
    officialIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    question: NonEmpty(2000, 'What the drafter asks'),
  },
  { additionalProperties: false },
);
export type AskOpinionBody = Static<typeof AskOpinionBody>;

export const AnswerOpinionBody = Type.Object(
  { answer: NonEmpty(4000, 'The opinion (góp ý)') },
  { additionalProperties: false },
);
export type AnswerOpinionBody = Static<typeof AnswerOpinionBody>;

export const OpinionParams = Type.Object({ id: Uuid, opinionId: Uuid }, { additionalProperties: false });
export type OpinionParams = Static<typeof OpinionParams>;

export const VersionParams = Type.Object(
  { id: Uuid, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type VersionParams = Static<typeof VersionParams>;

export const SubmitOutgoingBody = Type.Object(
  {
    reviewerId: Type.Optional({
      ...Uuid,
      description: 'Who reviews first; without one it goes to the signer',
    }),
    comment: Type.Optional(NonEmpty(2000)),
  },
  { additionalProperties: false },
);
export type SubmitOutgoingBody = Static<typeof SubmitOutgoingBody>;

export const CommentBody = Type.Object(
  { comment: Type.Optional(NonEmpty(2000)) },
  { additionalProperties: false },
);
export type CommentBody = Static<typeof CommentBody>;

export const ReturnOutgoingBody = Type.Object(
  { comment: NonEmpty(2000, 'Why it goes back to the drafter') },
  { additionalProperties: false },
);
export type ReturnOutgoingBody = Static<typeof ReturnOutgoingBody>;

export const IssueOutgoingBody = Type.Object(
  {
    copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'Số lượng bản' })),
    keptBy: Type.Optional(NonEmpty(200, 'Đơn vị, người nhận bản lưu')),
    note: Type.Optional(NonEmpty(500, 'Ghi chú')),
  },
  { additionalProperties: false },
);
export type IssueOutgoingBody = Static<typeof IssueOutgoingBody>;

/** How the signer signs (the prefix printed): as head, Q., KT., TL., TUQ. (TM. is added for collective bodies). */
export const SIGNING_AUTHORITIES = ['head', 'acting', 'deputy', 'by_order', 'authorised'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];
export const VERSION_KINDS = ['rendered', 'uploaded', 'signed', 'issued'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];
/** What became of a recipient at issue: a unit of the agency has it, the exchange has it queued, or a secret document was not sent. */
export const DELIVERY_STATES = ['pending', 'delivered', 'queued', 'not_sent'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const Person = Type.Object({ officialId: Uuid, name: Type.String() });
export const SigningBlock = Type.Object(
  {
    lines: Type.Array(Type.String(), {
      description: 'What is printed above the signature, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]',
    }),
    name: Type.String(),
    authority: Type.Enum(SIGNING_AUTHORITIES),
  },
  { additionalProperties: false },
);
export type SigningBlock = Static<typeof SigningBlock>;

export const OutgoingVersion = Type.Object({
  version: Type.Integer(),
  kind: Type.Enum(VERSION_KINDS),
  sha256: Type.String(),
  size: Type.Integer(),
  createdAt: IsoDateTime,
  createdBy: Type.String({ description: 'Display name' }),
});
export type OutgoingVersion = Static<typeof OutgoingVersion>;

export const OutgoingOpinion = Type.Object({
  id: Uuid,
  official: Person,
  question: Type.String(),
  askedAt: IsoDateTime,
  answer: Nullable(Type.String()),
  answeredAt: Nullable(IsoDateTime),
  isMine: Type.Boolean({ description: 'Asked of the caller' }),
});
export type OutgoingOpinion = Static<typeof OutgoingOpinion>;

export const OutgoingStep = Type.Object({
  action: Type.String(),
  actorName: Type.String(),
  comment: Nullable(Type.String()),
  version: Type.Union([Type.Integer(), Type.Null()]),
  at: IsoDateTime,
});
export type OutgoingStep = Static<typeof OutgoingStep>;

export const OutgoingRecipient = Type.Object({
  kind: Type.Union([Type.Literal('agency'), Type.Literal('unit'), Type.Literal('external')]),
  agencyId: Nullable(Uuid),
  orgUnitId: Nullable(Uuid),
  agencyCode: Nullable(Type.String()),
  name: Type.String(),
  delivery: Type.Enum(DELIVERY_STATES),
  exchangeStatus: Type.Union(
    [
      Type.Object({
        code: Type.String({ description: 'The receiver’s latest status code (01–06, 13, 15, 16)' }),
        description: Nullable(Type.String()),
        at: Nullable(IsoDateTime),
      }),
      Type.Null(),
    ],
    { description: 'What the receiver last reported through the exchange, if anything' },
  ),
});
export type OutgoingRecipient = Static<typeof OutgoingRecipient>;

export const OutgoingDraft = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  summary: Type.String(),
  body: Type.String(),
  place: Type.String(),
  unitAbbreviation: Nullable(Type.String()),
  urgency: Type.Enum(DOCUMENT_URGENCIES),
  confidentiality: Type.Enum(DOCUMENT_CONFIDENTIALITIES),
  isSecret: Type.Boolean(),
  replyToIncomingId: Nullable(Uuid),
  status: Type.Enum(OUTGOING_STATUSES),
  drafter: Person,
  signer: Person,
  reviewer: Type.Union([Person, Type.Null()]),
  currentVersion: Type.Integer(),
  signingBlock: Type.Union([SigningBlock, Type.Null()]),
  signedAt: Nullable(IsoDateTime),
  numberSymbol: Nullable(Type.String({ description: 'Số, ký hiệu once issued, e.g. 05/QĐ-STP' })),
  issuedAt: Nullable(IsoDateTime),
  copies: Type.Union([Type.Integer(), Type.Null()]),
  keptBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recall: Type.Union([OutgoingRecall, Type.Null()], {
    description: 'Set once the issued document is recalled',
  }),
  replacesDraftId: Nullable(Uuid),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  recipients: Type.Array(OutgoingRecipient),
  versions: Type.Array(OutgoingVersion),
  opinions: Type.Array(OutgoingOpinion),
  history: Type.Array(OutgoingStep),
  allowedActions: Type.Array(Type.Enum(OUTGOING_ACTIONS), {
    description: 'What the caller may do now (answering an opinion is per opinion)',
  }),
});
export type OutgoingDraft = Static<typeof OutgoingDraft>;

export const OutgoingSummary = Type.Object({
  id: Uuid,
  typeName: Type.String(),
  summary: Type.String(),
  status: Type.Enum(OUTGOING_STATUSES),
  urgency: Type.Enum(DOCUMENT_URGENCIES),
  confidentiality: Type.Enum(DOCUMENT_CONFIDENTIALITIES),
  drafterName: Type.String(),
  signerName: Type.String(),
  numberSymbol: Nullable(Type.String()),
  updatedAt: IsoDateTime,
});
export type OutgoingSummary = Static<typeof OutgoingSummary>;

export const OutgoingListQuery = Type.Object(
  { status: Type.Optional(Type.Enum(OUTGOING_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);
export type OutgoingListQuery = Static<typeof OutgoingListQuery>;

export const OutgoingList = Type.Object({ items: Type.Array(OutgoingSummary), total: Type.Integer() });
export type OutgoingList = Static<typeof OutgoingList>;

export const AWAITING_REASONS = ['opinion', 'review', 'signature', 'seal'] as const;
export type AwaitingReason = (typeof AWAITING_REASONS)[number];

export const OutgoingAwaitingList = Type.Object({
  items: Type.Array(Type.Object({ ...OutgoingSummary.properties, reason: Type.Enum(AWAITING_REASONS) })),
});
export type OutgoingAwaitingList = Static<typeof OutgoingAwaitingList>;

export const OutgoingSignatureCheck = Type.Object({
  signerName: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  signingTime: Nullable(Type.String()),
  integrity: Type.Boolean(),
  trust: Type.String({ description: 'trusted, untrusted or expired' }),
  revocation: Type.String({ description: 'good, revoked or unknown' }),
  valid: Type.Boolean(),
  problems: Type.Array(Type.String()),
});
export type OutgoingSignatureCheck = Static<typeof OutgoingSignatureCheck>;

export const OutgoingSignatureList = Type.Object({
  version: Type.Integer(),
  signatures: Type.Array(OutgoingSignatureCheck),
});
export type OutgoingSignatureList = Static<typeof OutgoingSignatureList>;

export const SigningAuthorisationBody = Type.Object(
  {
    granteeId: { ...Uuid, description: 'The official who may sign TUQ.' },
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.Optional(Type.String({ format: 'date' })),
    note: Type.Optional(NonEmpty(500)),
  },
  { additionalProperties: false },
);
export type SigningAuthorisationBody = Static<typeof SigningAuthorisationBody>;

export const SigningAuthorisation = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  grantorId: Uuid,
  granteeId: Uuid,
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
});
export type SigningAuthorisation = Static<typeof SigningAuthorisation>;

export const SigningAuthorisationList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...SigningAuthorisation.properties,
      granteeName: Type.String(),
      current: Type.Boolean({ description: 'Whether it lets its holder sign TUQ. today' }),
    }),
  ),
  officials: Type.Array(Type.Object({ officialId: Uuid, name: Type.String(), title: Type.String() }), {
    description: 'Officials holding a post in the agency today: whom the head may authorise',
  }),
});
export type SigningAuthorisationList = Static<typeof SigningAuthorisationList>;

export const OutgoingColleagueList = Type.Object({
  items: Type.Array(
    Type.Object({
      officialId: Uuid,
      name: Type.String(),
      title: Type.String({ description: 'The title of the post held in the agency' }),
      signingLines: Type.Union([Type.Array(Type.String()), Type.Null()], {
        description: 'The signing block the official would print today; null when they may not sign',
      }),
    }),
  ),
});
export type OutgoingColleagueList = Static<typeof OutgoingColleagueList>;
