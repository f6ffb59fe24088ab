/**
 * The content of an edXML package (QCVN 102:2016) as TinhSo holds it, element for element as
 * vn-norms §2.3 lists it [S]. Field names are the element names in camelCase, including the real
 * spelling `Bussiness`. Values are kept as the strings of the package, except:
 * - dates (`PromulgationDate`, `DueDate`) are ISO `YYYY-MM-DD` here; the wire format is the profile's;
 * - timestamps are ISO 8601 with the +07:00 offset;
 * - `BussinessDocType` is a word (`new` …); its wire code is the profile's.
 * Optional fields are absent when the element is absent.
 */

/** From and To: an organisation and its mã định danh (agency code). */
export interface EdxmlOrganisation {
  organId: string;
  organizationInCharge?: string;
  organName: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

/** Số and ký hiệu: `CodeNumber` 12, `CodeNotation` CV-STTTT. */
export interface EdxmlCode {
  codeNumber: string;
  codeNotation: string;
}

export interface EdxmlPromulgationInfo {
  place?: string;
  /** ISO date. */
  promulgationDate: string;
}

/** `Type` is a code whose table is not settled (Công văn is 1 in one codebase, 18 in another). */
export interface EdxmlDocumentType {
  type: string;
  typeDetail?: string;
  typeName: string;
}

export interface EdxmlSignerInfo {
  competence?: string;
  position?: string;
  fullName: string;
}

/** Priority and the rest: codes kept as strings (their tables are configuration, R-EDX-6). */
export interface EdxmlOtherInfo {
  priority?: string;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  promulgationAmount?: string;
  pageAmount?: string;
  direction?: string;
  appendixes?: string[];
}

/** The document this one answers. */
export interface EdxmlResponseFor {
  organId: string;
  code?: string;
  /** ISO date. */
  promulgationDate?: string;
  documentId: string;
}

export interface EdxmlMessageHeader {
  from: EdxmlOrganisation;
  /** At least one. */
  to: EdxmlOrganisation[];
  code: EdxmlCode;
  promulgationInfo: EdxmlPromulgationInfo;
  documentType: EdxmlDocumentType;
  subject: string;
  content?: string;
  signerInfo?: EdxmlSignerInfo;
  /** ISO date. */
  dueDate?: string;
  toPlaces?: string[];
  otherInfo?: EdxmlOtherInfo;
  steeringType?: string;
  /** `{OrganId},{YYYY/MM/DD},{số/ký hiệu}` by convention [S]; not enforced. */
  documentId: string;
  responseFor?: EdxmlResponseFor[];
}

export interface EdxmlStaffInfo {
  department?: string;
  staff?: string;
  mobile?: string;
  email?: string;
}

/** One hop the package went through. */
export interface EdxmlTraceHeader {
  organId: string;
  /** ISO 8601 with +07:00. */
  timestamp: string;
}

export const BUSSINESS_DOC_TYPES = ['new', 'revocation', 'update', 'replacement'] as const;
export type BussinessDocType = (typeof BUSSINESS_DOC_TYPES)[number];

/** A document being replaced and the organisations that received it. */
export interface EdxmlReplacementInfo {
  documentId: string;
  organIds: string[];
}

/** What this message does to the document (new, revoke, update, replace) and why. */
export interface EdxmlBussiness {
  bussinessDocType: BussinessDocType;
  bussinessDocReason?: string;
  /**
   * Child elements of `BussinessDocumentInfo` by name. vn-norms names only `DocumentReceiver`
   * (OpenCPS); the others are not described, so they are kept as they come.
   */
  bussinessDocumentInfo?: Record<string, string>;
  documentId?: string;
  /** Required (at least one) for a replacement. */
  replacementInfoList?: EdxmlReplacementInfo[];
  staffInfo?: EdxmlStaffInfo;
  paper?: string;
}

/** The SOAP-style attributes of `TraceHeaderList`, kept as they come. */
export interface EdxmlTraceHeaderListAttributes {
  id?: string;
  version?: string;
  mustUnderstand?: string;
  actor?: string;
}

export interface EdxmlTraceHeaderList {
  attributes?: EdxmlTraceHeaderListAttributes;
  /** At least one. */
  traceHeaders: EdxmlTraceHeader[];
  bussiness: EdxmlBussiness;
}

/** An attached file. Its `Reference` in the manifest is derived from it. */
export interface EdxmlAttachment {
  /** Without the `cid:` prefix. Unique in the package. */
  contentId: string;
  attachmentName: string;
  contentType: string;
  description?: string;
  /** Base64 without line breaks. */
  contentBase64: string;
}

export interface EdxmlEnvelope {
  messageHeader: EdxmlMessageHeader;
  traceHeaderList: EdxmlTraceHeaderList;
  attachments: EdxmlAttachment[];
}

/** A reason a package or status message was refused, naming the element. */
export interface EdxmlIssue {
  path: string;
  message: string;
}

/** At most this many reasons are returned: enough to fix a package, bounded for a hostile one. */
export const MAX_EDXML_ISSUES = 50;

export type EdxmlParseResult = { ok: true; envelope: EdxmlEnvelope } | { ok: false; errors: EdxmlIssue[] };
