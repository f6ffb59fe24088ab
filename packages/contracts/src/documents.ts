import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, PageQuery, Uuid } from './common.ts';
import { AGENCY_CODE_PATTERN } from './org.ts';

/** Mức độ khẩn (NĐ 30/2020 Art 8, Phụ lục I): thường, khẩn, thượng khẩn, hỏa tốc. */
export const DOCUMENT_URGENCIES = ['thuong', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type DocumentUrgency = (typeof DOCUMENT_URGENCIES)[number];

/** Độ mật: thường, mật, tối mật, tuyệt mật. Anything but thường never goes to electronic exchange. */
export const DOCUMENT_CONFIDENTIALITIES = ['thuong', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type DocumentConfidentiality = (typeof DOCUMENT_CONFIDENTIALITIES)[number];

/** How a type's ký hiệu is built (vn-norms R-DOC-1). */
export const SYMBOL_RULES = ['type_agency', 'agency_unit', 'none'] as const;

/** Viết tắt of an agency's unit or field in a ký hiệu, e.g. VP, KT: letters only. */
export const UNIT_ABBREVIATION_PATTERN = '^[A-ZĐ][A-Za-zĐđ]{0,9}$';

export const DocumentType = Type.Object({
  code: Type.String({ description: 'Stable code, e.g. quyet_dinh' }),
  nameVi: Type.String({ description: 'Tên loại văn bản, e.g. "Quyết định (cá biệt)"' }),
  abbreviation: Type.Union([Type.String(), Type.Null()], {
    description: 'Chữ viết tắt of Phụ lục III, e.g. QĐ; null for Công văn and Thư công',
  }),
  symbolRule: Type.Enum(SYMBOL_RULES, {
    description:
      'type_agency: {abbr}-{agency}[-{unit}]; agency_unit: {agency}-{unit} (Công văn); none: not numbered',
  }),
});
export type DocumentType = Static<typeof DocumentType>;

export const DocumentTypeList = Type.Object({ items: Type.Array(DocumentType) });
export type DocumentTypeList = Static<typeof DocumentTypeList>;

export const IssueNumberBody = Type.Object(
  {
    typeCode: NonEmpty(40, 'The document type, a code of GET /api/documents/types'),
    summary: NonEmpty(500, 'Trích yếu nội dung'),
    unitAbbreviation: Type.Optional(
      Type.String({
        pattern: UNIT_ABBREVIATION_PATTERN,
        description: 'Viết tắt of the drafting unit or field: required for Công văn, optional otherwise',
      }),
    ),
    agencyId: Type.Optional({
      ...Uuid,
      description: 'The issuing agency; needed only when the clerk serves several',
    }),
  },
  { additionalProperties: false },
);
export type IssueNumberBody = Static<typeof IssueNumberBody>;

export const OutgoingNumber = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  year: Type.Integer({ description: 'Calendar year of the series, Vietnam time' }),
  number: Type.Integer({ minimum: 1 }),
  typeCode: Type.String(),
  symbol: Type.String({ description: 'Ký hiệu, e.g. QĐ-UBND or UBND-VP' }),
  numberSymbol: Type.String({ description: 'Số, ký hiệu as printed after "Số:", e.g. 05/QĐ-UBND' }),
  summary: Type.String(),
  issuedAt: IsoDateTime,
  issuedBy: Uuid,
});
export type OutgoingNumber = Static<typeof OutgoingNumber>;

export const OutgoingNumberQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2199 })),
    agencyId: Type.Optional({ ...Uuid, description: 'Needed only when the reader reaches several agencies' }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OutgoingNumberQuery = Static<typeof OutgoingNumberQuery>;

export const OutgoingNumberList = Type.Object({ items: Type.Array(OutgoingNumber), total: Type.Integer() });
export type OutgoingNumberList = Static<typeof OutgoingNumberList>;

export const RegisterIncomingBody = Type.Object(
  {
    issuerName: NonEmpty(200, 'Tác giả: the issuing body as printed (OrganName)'),
    issuerCode: Type.Optional(
      Type.String({ pattern: AGENCY_CODE_PATTERN, description: 'Its electronic agency code, when known' }),
    ),
    numberSymbol: NonEmpty(42, 'Số, ký hiệu as printed, e.g. 123/UBND-VP'),
    issuedOn: { ...IsoDate, description: 'Ngày tháng văn bản' },
    typeCode: NonEmpty(40, 'The document type, a code of GET /api/documents/types'),
    summary: NonEmpty(500, 'Trích yếu nội dung'),
    urgency: Type.Enum(DOCUMENT_URGENCIES, { description: 'Mức độ khẩn' }),
    confidentiality: Type.Enum(DOCUMENT_CONFIDENTIALITIES, { description: 'Độ mật' }),
    receivedAt: Type.Optional({
      ...IsoDateTime,
      description: 'Ngày đến; now when left out. Not in the future, not before the date of the document',
    }),
    pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999, description: 'Số trang' })),
    deadlineOn: Type.Optional({
      ...IsoDate,
      description:
        'The deadline the document itself sets (hạn trả lời), if any: the default handling deadline',
    }),
    scanFileId: Type.Optional({
      ...Uuid,
      description: 'A PDF scan uploaded by the caller through POST /api/files',
    }),
    agencyId: Type.Optional({
      ...Uuid,
      description: 'The receiving agency; needed only when the clerk serves several',
    }),
  },
  { additionalProperties: false },
);
export type RegisterIncomingBody = Static<typeof RegisterIncomingBody>;

export const IncomingDocument = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  year: Type.Integer(),
  arrivalNumber: Type.Integer({ description: 'Số đến, in the agency’s yearly series' }),
  receivedAt: IsoDateTime,
  issuerName: Type.String(),
  issuerCode: Type.Union([Type.String(), Type.Null()]),
  numberSymbol: Type.String(),
  issuedOn: IsoDate,
  typeCode: Type.String(),
  typeName: Type.String(),
  summary: Type.String(),
  urgency: Type.Enum(DOCUMENT_URGENCIES),
  confidentiality: Type.Enum(DOCUMENT_CONFIDENTIALITIES),
  isSecret: Type.Boolean({ description: 'Mật or above: kept out of electronic exchange' }),
  pages: Type.Union([Type.Integer(), Type.Null()]),
  scanFileId: Type.Union([Uuid, Type.Null()]),
  registeredBy: Uuid,
  createdAt: IsoDateTime,
  status: Type.Enum(
    ['registered', 'submitted', 'assigned', 'in_progress', 'done', 'closed', 'returned', 'recalled'] as const,
    { description: 'Where its handling stands (GET /api/documents/incoming/:id/handling)' },
  ),
  dueOn: Type.Union([IsoDate, Type.Null()], { description: 'Thời hạn giải quyết, once assigned' }),
});
export type IncomingDocument = Static<typeof IncomingDocument>;

/** What registering answers: the record, and the entries that look like the same document (R-DOC-8). */
export const RegisteredIncoming = Type.Object({
  ...IncomingDocument.properties,
  possibleDuplicates: Type.Array(
    Type.Object({ id: Uuid, year: Type.Integer(), arrivalNumber: Type.Integer() }),
    {
      description:
        'Earlier entries of this register with the same number and symbol from the same issuer: a warning to the clerk, not a refusal',
    },
  ),
});
export type RegisteredIncoming = Static<typeof RegisteredIncoming>;

export const IncomingQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2199 })),
    typeCode: Type.Optional(Type.String({ maxLength: 40 })),
    from: Type.Optional({ ...IsoDate, description: 'Received on or after this day (Vietnam time)' }),
    to: Type.Optional({ ...IsoDate, description: 'Received on or before this day (Vietnam time)' }),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Words of the summary, issuer, number or the text of the scan, with or without diacritics',
      }),
    ),
    status: Type.Optional(
      Type.Enum([
        'registered',
        'submitted',
        'assigned',
        'in_progress',
        'done',
        'closed',
        'returned',
      ] as const),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type IncomingQuery = Static<typeof IncomingQuery>;

export const IncomingList = Type.Object({
  items: Type.Array(IncomingDocument),
  total: Type.Integer({ description: 'Documents matching; a search counts up to 1,000 (then totalCapped)' }),
  totalCapped: Type.Optional(
    Type.Literal(true, { description: 'More documents match the search than `total` says' }),
  ),
});
export type IncomingList = Static<typeof IncomingList>;
