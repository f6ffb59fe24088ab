import { BUSSINESS_DOC_TYPES, type EdxmlEnvelope, type EdxmlIssue, type EdxmlOrganisation } from './types.ts';
import { hasNonXmlCharacter, isIsoDate, isVietnamTimestamp, normaliseBase64 } from './values.ts';

/**
 * The rules an envelope must meet before it is built and after it is parsed: required values present,
 * real dates, timestamps with the +07:00 offset, a known business document type, a replacement that
 * says what it replaces, attachments with a unique content id and intact base64, no character XML
 * cannot carry. Paths name the XML element.
 */
export function validateEnvelope(envelope: EdxmlEnvelope): EdxmlIssue[] {
  const issues: EdxmlIssue[] = [];
  const need = (value: string | undefined, path: string) => {
    if (value === undefined || value.trim() === '')
      issues.push({ path, message: `${lastName(path)} is required` });
  };
  const date = (value: string | undefined, path: string, isRequired: boolean) => {
    if (value === undefined) {
      if (isRequired) need(value, path);
    } else if (!isIsoDate(value)) issues.push({ path, message: `"${value}" is not a date (YYYY-MM-DD)` });
  };
  const header = envelope.messageHeader;
  const organisation = (value: EdxmlOrganisation, path: string) => {
    need(value.organId, `${path}/OrganId`);
    need(value.organName, `${path}/OrganName`);
  };
  organisation(header.from, 'MessageHeader/From');
  if (header.to.length === 0)
    issues.push({ path: 'MessageHeader/To', message: 'at least one recipient (To) is required' });
  header.to.forEach((recipient, index) => organisation(recipient, `MessageHeader/To[${index + 1}]`));
  need(header.code.codeNumber, 'MessageHeader/Code/CodeNumber');
  need(header.code.codeNotation, 'MessageHeader/Code/CodeNotation');
  date(header.promulgationInfo.promulgationDate, 'MessageHeader/PromulgationInfo/PromulgationDate', true);
  need(header.documentType.type, 'MessageHeader/DocumentType/Type');
  need(header.documentType.typeName, 'MessageHeader/DocumentType/TypeName');
  need(header.subject, 'MessageHeader/Subject');
  if (header.signerInfo !== undefined) need(header.signerInfo.fullName, 'MessageHeader/SignerInfo/FullName');
  date(header.dueDate, 'MessageHeader/DueDate', false);
  need(header.documentId, 'MessageHeader/DocumentId');
  header.responseFor?.forEach((item, index) => {
    const path = `MessageHeader/ResponseFor[${index + 1}]`;
    need(item.organId, `${path}/OrganId`);
    need(item.documentId, `${path}/DocumentId`);
    date(item.promulgationDate, `${path}/PromulgationDate`, false);
  });

  const trace = envelope.traceHeaderList;
  if (trace.traceHeaders.length === 0) {
    issues.push({ path: 'TraceHeaderList/TraceHeader', message: 'at least one TraceHeader is required' });
  }
  trace.traceHeaders.forEach((hop, index) => {
    const path = `TraceHeaderList/TraceHeader[${index + 1}]`;
    need(hop.organId, `${path}/OrganId`);
    if (!isVietnamTimestamp(hop.timestamp)) {
      issues.push({
        path: `${path}/Timestamp`,
        message: `"${hop.timestamp}" is not an ISO 8601 time with +07:00`,
      });
    }
  });
  const bussiness = trace.bussiness;
  if (!BUSSINESS_DOC_TYPES.includes(bussiness.bussinessDocType)) {
    issues.push({
      path: 'TraceHeaderList/Bussiness/BussinessDocType',
      message: `"${String(bussiness.bussinessDocType)}" is not one of ${BUSSINESS_DOC_TYPES.join(', ')}`,
    });
  }
  if (bussiness.bussinessDocType === 'replacement' && (bussiness.replacementInfoList ?? []).length === 0) {
    issues.push({
      path: 'TraceHeaderList/Bussiness/ReplacementInfoList',
      message: 'a replacement (BussinessDocType 3) must list the documents it replaces',
    });
  }
  for (const name of Object.keys(bussiness.bussinessDocumentInfo ?? {})) {
    if (!XML_NAME.test(name)) {
      issues.push({
        path: `TraceHeaderList/Bussiness/BussinessDocumentInfo/${name}`,
        message: 'not an XML element name',
      });
    }
  }
  bussiness.replacementInfoList?.forEach((item, index) =>
    need(
      item.documentId,
      `TraceHeaderList/Bussiness/ReplacementInfoList/ReplacementInfo[${index + 1}]/DocumentId`,
    ),
  );

  const seen = new Set<string>();
  envelope.attachments.forEach((attachment, index) => {
    const path = `AttachmentEncoded/Attachment[${index + 1}]`;
    need(attachment.contentId, `${path}/ContentId`);
    if (seen.has(attachment.contentId)) {
      issues.push({
        path: `${path}/ContentId`,
        message: `content id "${attachment.contentId}" is used twice`,
      });
    }
    seen.add(attachment.contentId);
    need(attachment.attachmentName, `${path}/AttachmentName`);
    need(attachment.contentType, `${path}/ContentType`);
    if (normaliseBase64(attachment.contentBase64) !== attachment.contentBase64) {
      issues.push({ path: `${path}/ContentTransferEncoded`, message: 'the content is not valid base64' });
    }
  });

  findNonXmlCharacters(envelope, '', issues);
  return issues;
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function lastName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Walks every string: a control character would make the built package not XML. */
export function findNonXmlCharacters(value: unknown, path: string, issues: EdxmlIssue[]): void {
  if (typeof value === 'string') {
    if (hasNonXmlCharacter(value))
      issues.push({ path, message: 'contains a character XML 1.0 cannot carry' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findNonXmlCharacters(item, `${path}[${index + 1}]`, issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value))
      findNonXmlCharacters(field, path === '' ? key : `${path}.${key}`, issues);
  }
}
