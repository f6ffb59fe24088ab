import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, Uuid } from './common.ts';
import { DOCUMENT_URGENCIES } from './documents.ts';

/** Exchange of documents between agencies (issue 4 item 3): the box, outbound statuses, quarantine, directory. */
const Text = Type.Union([Type.String(), Type.Null()]);
const Transport = Type.Union([Type.Literal('local'), Type.Literal('peer'), Type.Literal('axis')]);
const BusinessType = Type.Union([
  Type.Literal('new'),
  Type.Literal('revocation'),
  Type.Literal('update'),
  Type.Literal('replacement'),
]);

/**
 * A box entry: waiting, registered, returned or recalled (bytes deleted); a revocation row: applied
 * or refused; an update row: applied, pending (its document not arrived yet) or refused (recalled).
 */
const InboundState = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('registered'),
  Type.Literal('returned'),
  Type.Literal('recalled'),
  Type.Literal('applied'),
  Type.Literal('refused'),
  Type.Literal('pending'),
]);

export const ExchangeInboundItem = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    senderCode: Type.String({ description: 'Mã định danh of the sender' }),
    senderName: Type.String(),
    documentId: Type.String({ description: 'edXML DocumentId' }),
    businessType: BusinessType,
    numberSymbol: Type.String({ description: 'Số/ký hiệu as sent' }),
    subject: Type.String({ description: 'Trích yếu' }),
    promulgationDate: IsoDate,
    transport: Transport,
    state: InboundState,
    signer: Text,
    attachments: Type.Array(
      Type.Object({ name: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() }),
    ),
    incomingDocumentId: Type.Union([Uuid, Type.Null()]),
    returnReason: Text,
    recallReason: Type.Union([Type.String(), Type.Null()], {
      description:
        'Why the sender recalled it (recalled entries) or what the revocation asked (revocation rows)',
    }),
    receivedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type ExchangeInboundItem = Static<typeof ExchangeInboundItem>;

export const ExchangeInboundList = Type.Object({ items: Type.Array(ExchangeInboundItem) });

export const ExchangeInboundQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Union([Type.Literal('waiting'), Type.Literal('registered'), Type.Literal('returned')]),
    ),
  },
  { additionalProperties: false },
);

export const ExchangeRegisterInboundBody = Type.Object(
  {
    typeCode: Type.Optional(NonEmpty(40, 'The document type when the sender’s code is not one of ours')),
    urgency: Type.Optional(
      Type.Enum(DOCUMENT_URGENCIES, { description: 'Mức độ khẩn, from Priority by default' }),
    ),
    deadlineOn: Type.Optional({ ...IsoDate, description: 'Hạn xử lý, from DueDate by default' }),
  },
  { additionalProperties: false },
);
export type ExchangeRegisterInboundBody = Static<typeof ExchangeRegisterInboundBody>;

export const ExchangeReturnInboundBody = Type.Object(
  { reason: NonEmpty(1000, 'Why the document is returned (sent to the sender with status 02)') },
  { additionalProperties: false },
);

export const ExchangeOutboundRecipient = Type.Object(
  {
    id: Uuid,
    recipientCode: Type.String(),
    recipientName: Type.String(),
    transport: Type.Union([Transport, Type.Null()]),
    sentAt: Type.Union([IsoDateTime, Type.Null()]),
    statusCode: Text,
    statusDescription: Text,
    statusAt: Type.Union([IsoDateTime, Type.Null()]),
    history: Type.Array(
      Type.Object({ code: Type.String(), description: Text, staff: Text, reportedAt: IsoDateTime }),
    ),
  },
  { additionalProperties: false },
);

export const ExchangeOutboundPackage = Type.Object(
  {
    id: Uuid,
    documentId: Type.String(),
    businessType: BusinessType,
    sourceKind: Type.String(),
    sourceId: Uuid,
    subject: Type.String(),
    createdAt: IsoDateTime,
    recipients: Type.Array(ExchangeOutboundRecipient),
  },
  { additionalProperties: false },
);
export type ExchangeOutboundPackage = Static<typeof ExchangeOutboundPackage>;

export const ExchangeOutboundList = Type.Object({ items: Type.Array(ExchangeOutboundPackage) });
export const ExchangeOutboundQuery = Type.Object(
  { sourceId: Type.Optional({ ...Uuid, description: 'The outgoing document whose packages to show' }) },
  { additionalProperties: false },
);

export const ExchangeQuarantineItem = Type.Object(
  {
    id: Uuid,
    agencyId: Type.Union([Uuid, Type.Null()]),
    senderCode: Text,
    documentId: Text,
    transport: Transport,
    reasons: Type.Array(Type.String()),
    sha256: Type.String(),
    sizeBytes: Type.Integer(),
    receivedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export const ExchangeQuarantineList = Type.Object({ items: Type.Array(ExchangeQuarantineItem) });

export const ExchangeDirectoryEntry = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
      description: 'Mã định danh',
    }),
    name: NonEmpty(300),
    transport: Type.Union([Type.Literal('peer'), Type.Literal('axis')]),
    peer: Type.Optional(
      Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'For transport peer' }),
    ),
  },
  { additionalProperties: false },
);
export type ExchangeDirectoryEntry = Static<typeof ExchangeDirectoryEntry>;

export const ExchangeDirectoryImportBody = Type.Object(
  { entries: Type.Array(ExchangeDirectoryEntry, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);

export const ExchangeDirectoryRow = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    transport: Transport,
    peer: Text,
    source: Type.Union([Type.Literal('local'), Type.Literal('import'), Type.Literal('axis')]),
  },
  { additionalProperties: false },
);
export const ExchangeDirectoryList = Type.Object({ items: Type.Array(ExchangeDirectoryRow) });

export const ExchangeInboundAnswer = Type.Object(
  {
    outcome: Type.String({ description: 'accepted, duplicate, quarantined, status or bad_status' }),
    reasons: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
