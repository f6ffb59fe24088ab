import { organisationTree, responseForTree, staffInfoTree, EdxmlInvalidError } from './build-edxml.ts';
import { resolveProfile, type EdxmlProfile } from './profile.ts';
import { readOrganisation, readResponseFor, readStaffInfo, type HeaderContext } from './read-header.ts';
import { findStatusCode } from './status-codes.ts';
import { compact, TreeReader } from './tree-reader.ts';
import {
  MAX_EDXML_ISSUES,
  type EdxmlIssue,
  type EdxmlOrganisation,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
} from './types.ts';
import { findNonXmlCharacters } from './validate-envelope.ts';
import { isIsoDate, isVietnamTimestamp } from './values.ts';
import { readXmlDocument } from './xml-document.ts';
import { prefixed, writeXml } from './xml-writer.ts';

/**
 * The status message (`edXML:Status`) a receiver sends back about a document (vn-norms §2.3 [S]): which
 * document (`ResponseFor`), who (`From`, `StaffInfo`), what (`StatusCode`, from the profile's table;
 * `Description`, required for a refusal), when (`Timestamp`, ISO 8601 with +07:00). vn-norms gives
 * these fields only; whether the axis wraps them in an `edXMLEnvelope` is not known, so `Status` is the
 * root element here.
 */
export interface EdxmlStatus {
  responseFor: EdxmlResponseFor;
  from: EdxmlOrganisation;
  /** `01` … `16`; see EDXML_STATUS_CODES. */
  statusCode: string;
  description?: string;
  /** ISO 8601 with +07:00. */
  timestamp: string;
  staffInfo?: EdxmlStaffInfo;
}

export type EdxmlStatusParseResult = { ok: true; status: EdxmlStatus } | { ok: false; errors: EdxmlIssue[] };

export interface StatusOptions {
  profile?: Partial<EdxmlProfile>;
}

export function validateStatus(status: EdxmlStatus, profile: EdxmlProfile): EdxmlIssue[] {
  const issues: EdxmlIssue[] = [];
  const need = (value: string | undefined, path: string, name: string) => {
    if (value === undefined || value.trim() === '') issues.push({ path, message: `${name} is required` });
  };
  need(status.responseFor.organId, 'Status/ResponseFor/OrganId', 'OrganId');
  need(status.responseFor.documentId, 'Status/ResponseFor/DocumentId', 'DocumentId');
  const date = status.responseFor.promulgationDate;
  if (date !== undefined && !isIsoDate(date)) {
    issues.push({
      path: 'Status/ResponseFor/PromulgationDate',
      message: `"${date}" is not a date (YYYY-MM-DD)`,
    });
  }
  need(status.from.organId, 'Status/From/OrganId', 'OrganId');
  need(status.from.organName, 'Status/From/OrganName', 'OrganName');
  const code = findStatusCode(status.statusCode, profile.statusCodes);
  if (code === undefined) {
    const known = profile.statusCodes.map((entry) => entry.code).join(', ');
    issues.push({
      path: 'Status/StatusCode',
      message: `"${status.statusCode}" is not a status code (${known})`,
    });
  } else if (code.needsDescription && (status.description ?? '').trim() === '') {
    issues.push({
      path: 'Status/Description',
      message: `status ${code.code} (${code.labelVi}) must give a reason`,
    });
  }
  if (!isVietnamTimestamp(status.timestamp)) {
    issues.push({
      path: 'Status/Timestamp',
      message: `"${status.timestamp}" is not an ISO 8601 time with +07:00`,
    });
  }
  findNonXmlCharacters(status, 'Status', issues);
  return issues;
}

/** The XML of a status message; same input, same bytes. Throws EdxmlInvalidError on bad content. */
export function buildEdxmlStatus(status: EdxmlStatus, options: StatusOptions = {}): string {
  const profile = resolveProfile(options.profile);
  const issues = validateStatus(status, profile);
  if (issues.length > 0) throw new EdxmlInvalidError(issues);
  return writeXml({
    [`${profile.prefix}:Status`]: {
      [`@_xmlns:${profile.prefix}`]: profile.namespace,
      ...prefixed(profile.prefix, {
        ResponseFor: responseForTree(status.responseFor, profile),
        From: organisationTree(status.from),
        StatusCode: status.statusCode,
        Description: status.description,
        Timestamp: status.timestamp,
        StaffInfo: staffInfoTree(status.staffInfo),
      }),
    },
  });
}

/** Reads and checks a status message; never throws. Errors name the element, as for packages. */
export function parseEdxmlStatus(
  xml: string | Uint8Array,
  options: StatusOptions = {},
): EdxmlStatusParseResult {
  const result = readStatus(xml, resolveProfile(options.profile));
  return result.ok ? result : { ok: false, errors: result.errors.slice(0, MAX_EDXML_ISSUES) };
}

function readStatus(xml: string | Uint8Array, profile: EdxmlProfile): EdxmlStatusParseResult {
  const document = readXmlDocument(xml, { maxBytes: profile.maxBytes });
  if (!document.ok) return document;
  const reader = new TreeReader(profile.namespace);
  const ctx: HeaderContext = { reader, profile };
  const { root } = document;
  if (!reader.isEdxml(root, 'Status')) {
    reader.fail(
      root.localName,
      `the root element is ${root.localName}; expected Status in ${profile.namespace}`,
    );
    return { ok: false, errors: reader.errors };
  }
  const responseFor = reader.required(root, 'ResponseFor', 'Status');
  const from = reader.required(root, 'From', 'Status');
  const status: EdxmlStatus = compact({
    responseFor: responseFor
      ? readResponseFor(ctx, responseFor, 'Status/ResponseFor')
      : { organId: '', documentId: '' },
    from: from ? readOrganisation(ctx, from, 'Status/From') : { organId: '', organName: '' },
    statusCode: reader.requiredText(root, 'StatusCode', 'Status'),
    description: reader.optionalText(root, 'Description'),
    timestamp: reader.requiredText(root, 'Timestamp', 'Status'),
    staffInfo: readStaffInfo(ctx, root),
  });
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const issues = validateStatus(status, profile);
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, status };
}
