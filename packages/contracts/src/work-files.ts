import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, NonEmpty, PageQuery, Uuid } from './common.ts';

/**
 * Work files (hồ sơ công việc, NĐ 30/2020 ch. IV; Phụ lục VI part II): the documents of one matter
 * grouped under a file code, closed when the work ends and handed to the agency archive within a
 * year (Art 30). Rules: vn-norms R-DOC-9, R-ARC-1, R-ARC-2.
 */

/** Chế độ sử dụng (Rights): who may consult the file once archived. */
export const WORK_FILE_RIGHTS = ['public', 'restricted', 'confidential'] as const;
export const WORK_FILE_STATES = ['open', 'closed', 'archived'] as const;
export type WorkFileState = (typeof WORK_FILE_STATES)[number];
/** XDCB (basic construction) files go to the archive 3 months after settlement, others 1 year after closing. */
export const WORK_FILE_KINDS = ['general', 'construction'] as const;

/** Ký hiệu hồ sơ in the agency's danh mục hồ sơ (FileNotation, String 20), e.g. `01.TCHC`. */
export const FILE_NOTATION_PATTERN = '^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.-]{0,19}$';

const Retention = Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Literal('permanent')], {
  description: 'Thời hạn bảo quản: years, or "permanent" (vĩnh viễn)',
});

export const CreateWorkFileBody = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    fileCatalog: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2199,
        description: 'Năm of the danh mục hồ sơ; this year by default',
      }),
    ),
    fileNotation: Type.String({ pattern: FILE_NOTATION_PATTERN, description: 'Ký hiệu hồ sơ, e.g. 01.TCHC' }),
    title: NonEmpty(500, 'Tiêu đề hồ sơ'),
    description: Type.Optional(NonEmpty(500)),
    retention: Type.Optional(Retention),
    rights: Type.Optional(Type.Enum(WORK_FILE_RIGHTS)),
    kind: Type.Optional(Type.Enum(WORK_FILE_KINDS)),
  },
  { additionalProperties: false },
);
export type CreateWorkFileBody = Static<typeof CreateWorkFileBody>;

export const AddToWorkFileBody = Type.Object(
  {
    incomingDocumentId: Type.Optional(Uuid),
    outgoingNumberId: Type.Optional(Uuid),
  },
  { additionalProperties: false, description: 'Exactly one of the two' },
);
export type AddToWorkFileBody = Static<typeof AddToWorkFileBody>;

export const CloseWorkFileBody = Type.Object(
  { endDate: Type.Optional(IsoDate) },
  { additionalProperties: false, description: 'The day the work ended; today by default' },
);
export type CloseWorkFileBody = Static<typeof CloseWorkFileBody>;

export const WorkFileDocument = Type.Object({
  docOrdinal: Type.Integer({ description: 'Số thứ tự văn bản trong hồ sơ (DocOrdinal)' }),
  kind: Type.Enum(['incoming', 'outgoing'] as const),
  id: Uuid,
  numberSymbol: Type.String(),
  issuedOn: Type.Union([IsoDate, Type.Null()]),
  typeCode: Type.String(),
  typeName: Type.String(),
  subject: Type.String(),
  organName: Type.String({ description: 'Tác giả: the issuing body' }),
  hasPdf: Type.Boolean(),
  retention: Type.Union([Type.Integer(), Type.Literal('permanent')]),
  addedAt: IsoDateTime,
});
export type WorkFileDocument = Static<typeof WorkFileDocument>;

export const WorkFile = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  fileCode: Type.String({ description: 'OrganId.FileCatalog.FileNotation, e.g. 000.00.12.H55.2026.01.TCHC' }),
  organId: Type.String(),
  fileCatalog: Type.Integer(),
  fileNotation: Type.String(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  retention: Type.Union([Type.Integer(), Type.Literal('permanent')]),
  retentionFrom: Type.Enum(['explicit', 'documents'] as const, {
    description: 'explicit: set on the file; documents: the longest of its documents’ types (R-ARC-2)',
  }),
  rights: Type.Enum(WORK_FILE_RIGHTS),
  kind: Type.Enum(WORK_FILE_KINDS),
  language: Type.String(),
  state: Type.Enum(WORK_FILE_STATES),
  startDate: IsoDate,
  endDate: Type.Union([IsoDate, Type.Null()]),
  archiveDueOn: Type.Union([IsoDate, Type.Null()], { description: 'Hạn nộp lưu (Art 30)' }),
  archivedAt: Type.Union([IsoDateTime, Type.Null()]),
  docTotal: Type.Integer(),
  createdAt: IsoDateTime,
});
export type WorkFile = Static<typeof WorkFile>;

export const WorkFileWithDocuments = Type.Intersect([
  WorkFile,
  Type.Object({ documents: Type.Array(WorkFileDocument) }),
]);
export type WorkFileWithDocuments = Static<typeof WorkFileWithDocuments>;

export const WorkFileQuery = Type.Object(
  {
    ...PageQuery,
    fileCatalog: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2199 })),
    state: Type.Optional(Type.Enum(WORK_FILE_STATES)),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    archiveDueWithinDays: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3660,
        description: 'Closed files whose hand-over is due within n days (or late)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type WorkFileQuery = Static<typeof WorkFileQuery>;

export const WorkFileList = Type.Object({ items: Type.Array(WorkFile), total: Type.Integer() });
export type WorkFileList = Static<typeof WorkFileList>;

export const WorkFileDocumentParams = Type.Object({ id: Uuid, docOrdinal: Type.Integer({ minimum: 1 }) });

export const RetentionRule = Type.Object({
  typeCode: Type.String(),
  typeName: Type.String(),
  retention: Type.Union([Type.Integer(), Type.Literal('permanent')]),
  effectiveFrom: IsoDate,
  source: Type.String(),
});
export const RetentionList = Type.Object({ items: Type.Array(RetentionRule) });
export type RetentionList = Static<typeof RetentionList>;
