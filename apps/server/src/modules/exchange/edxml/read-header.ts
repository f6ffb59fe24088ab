import type { EdxmlProfile } from './profile.ts';
import { compact, join, type TreeReader } from './tree-reader.ts';
import type {
  BussinessDocType,
  EdxmlBussiness,
  EdxmlMessageHeader,
  EdxmlOrganisation,
  EdxmlOtherInfo,
  EdxmlReplacementInfo,
  EdxmlResponseFor,
  EdxmlStaffInfo,
  EdxmlTraceHeaderList,
} from './types.ts';
import { parseWireDate } from './values.ts';
import type { XmlElement } from './xml-document.ts';

/** `edXMLHeader` → `MessageHeader` and `TraceHeaderList`, element names as in vn-norms §2.3. */
export interface HeaderContext {
  reader: TreeReader;
  profile: EdxmlProfile;
}

export function readOrganisation(ctx: HeaderContext, element: XmlElement, path: string): EdxmlOrganisation {
  const { reader } = ctx;
  return compact({
    organId: reader.requiredText(element, 'OrganId', path),
    organizationInCharge: reader.optionalText(element, 'OrganizationInCharge'),
    organName: reader.requiredText(element, 'OrganName', path),
    organAdd: reader.optionalText(element, 'OrganAdd'),
    email: reader.optionalText(element, 'Email'),
    telephone: reader.optionalText(element, 'Telephone'),
    fax: reader.optionalText(element, 'Fax'),
    website: reader.optionalText(element, 'Website'),
  });
}

/** A date in the profile's format, as ISO; an error naming the element when it is not a real date. */
export function readDate(ctx: HeaderContext, text: string | undefined, path: string): string | undefined {
  if (text === undefined || text === '') return text;
  const iso = parseWireDate(text, ctx.profile.dateFormat);
  if (iso === null)
    ctx.reader.fail(path, `"${text}" is not a valid date in the format ${ctx.profile.dateFormat}`);
  return iso ?? text;
}

export function readStaffInfo(ctx: HeaderContext, parent: XmlElement): EdxmlStaffInfo | undefined {
  const { reader } = ctx;
  const element = reader.optional(parent, 'StaffInfo');
  if (element === undefined) return undefined;
  return compact({
    department: reader.optionalText(element, 'Department'),
    staff: reader.optionalText(element, 'Staff'),
    mobile: reader.optionalText(element, 'Mobile'),
    email: reader.optionalText(element, 'Email'),
  });
}

export function readResponseFor(ctx: HeaderContext, element: XmlElement, path: string): EdxmlResponseFor {
  const { reader } = ctx;
  return compact({
    organId: reader.requiredText(element, 'OrganId', path),
    code: reader.optionalText(element, 'Code'),
    promulgationDate: readDate(
      ctx,
      reader.optionalText(element, 'PromulgationDate'),
      join(path, 'PromulgationDate'),
    ),
    documentId: reader.requiredText(element, 'DocumentId', path),
  });
}

export function readMessageHeader(ctx: HeaderContext, element: XmlElement, path: string): EdxmlMessageHeader {
  const { reader } = ctx;
  const from = reader.required(element, 'From', path);
  const to = reader.all(element, 'To');
  if (to.length === 0)
    reader.fail(join(path, 'To'), 'required element To is missing (at least one recipient)');
  const code = reader.required(element, 'Code', path);
  const promulgation = reader.required(element, 'PromulgationInfo', path);
  const documentType = reader.required(element, 'DocumentType', path);
  const signer = reader.optional(element, 'SignerInfo');
  const responseFor = reader.all(element, 'ResponseFor');
  return compact({
    from: from === undefined ? emptyOrganisation() : readOrganisation(ctx, from, join(path, 'From')),
    to: to.map((recipient, index) => readOrganisation(ctx, recipient, join(path, `To[${index + 1}]`))),
    code: {
      codeNumber: code === undefined ? '' : reader.requiredText(code, 'CodeNumber', join(path, 'Code')),
      codeNotation: code === undefined ? '' : reader.requiredText(code, 'CodeNotation', join(path, 'Code')),
    },
    promulgationInfo: compact({
      place: promulgation === undefined ? undefined : reader.optionalText(promulgation, 'Place'),
      promulgationDate:
        promulgation === undefined
          ? ''
          : (readDate(
              ctx,
              reader.requiredText(promulgation, 'PromulgationDate', join(path, 'PromulgationInfo')),
              join(path, 'PromulgationInfo/PromulgationDate'),
            ) ?? ''),
    }),
    documentType: compact({
      type:
        documentType === undefined
          ? ''
          : reader.requiredText(documentType, 'Type', join(path, 'DocumentType')),
      typeDetail: documentType === undefined ? undefined : reader.optionalText(documentType, 'TypeDetail'),
      typeName:
        documentType === undefined
          ? ''
          : reader.requiredText(documentType, 'TypeName', join(path, 'DocumentType')),
    }),
    subject: reader.requiredText(element, 'Subject', path),
    content: reader.optionalText(element, 'Content'),
    signerInfo:
      signer === undefined
        ? undefined
        : compact({
            competence: reader.optionalText(signer, 'Competence'),
            position: reader.optionalText(signer, 'Position'),
            fullName: reader.requiredText(signer, 'FullName', join(path, 'SignerInfo')),
          }),
    dueDate: readDate(ctx, reader.optionalText(element, 'DueDate'), join(path, 'DueDate')),
    toPlaces: reader.textList(element, 'ToPlaces', 'Place'),
    otherInfo: readOtherInfo(ctx, element),
    steeringType: reader.optionalText(element, 'SteeringType'),
    documentId: reader.requiredText(element, 'DocumentId', path),
    responseFor:
      responseFor.length === 0
        ? undefined
        : responseFor.map((item, index) =>
            readResponseFor(ctx, item, join(path, `ResponseFor[${index + 1}]`)),
          ),
  });
}

function readOtherInfo(ctx: HeaderContext, parent: XmlElement): EdxmlOtherInfo | undefined {
  const { reader } = ctx;
  const element = reader.optional(parent, 'OtherInfo');
  if (element === undefined) return undefined;
  return compact({
    priority: reader.optionalText(element, 'Priority'),
    sphereOfPromulgation: reader.optionalText(element, 'SphereOfPromulgation'),
    typerNotation: reader.optionalText(element, 'TyperNotation'),
    promulgationAmount: reader.optionalText(element, 'PromulgationAmount'),
    pageAmount: reader.optionalText(element, 'PageAmount'),
    direction: reader.optionalText(element, 'Direction'),
    appendixes: reader.textList(element, 'Appendixes', 'Appendix'),
  });
}

export function readTraceHeaderList(
  ctx: HeaderContext,
  element: XmlElement,
  path: string,
): EdxmlTraceHeaderList {
  const { reader } = ctx;
  const traceHeaders = reader.all(element, 'TraceHeader');
  if (traceHeaders.length === 0)
    reader.fail(join(path, 'TraceHeader'), 'required element TraceHeader is missing');
  const { id, version, mustUnderstand, actor } = element.attributes;
  const attributes = compact({ id, version, mustUnderstand, actor });
  return compact({
    attributes: Object.keys(attributes).length === 0 ? undefined : attributes,
    traceHeaders: traceHeaders.map((trace, index) => {
      const tracePath = join(path, `TraceHeader[${index + 1}]`);
      return {
        organId: reader.requiredText(trace, 'OrganId', tracePath),
        timestamp: reader.requiredText(trace, 'Timestamp', tracePath),
      };
    }),
    bussiness: readBussiness(ctx, element, path),
  });
}

function readBussiness(ctx: HeaderContext, parent: XmlElement, parentPath: string): EdxmlBussiness {
  const { reader } = ctx;
  const path = join(parentPath, 'Bussiness');
  const element = reader.optional(parent, 'Bussiness');
  if (element === undefined) {
    const misspelt = reader.optional(parent, 'Business') !== undefined;
    reader.fail(
      path,
      misspelt
        ? 'required element Bussiness is missing; found Business, but QCVN 102:2016 spells it Bussiness'
        : 'required element Bussiness is missing',
    );
    return { bussinessDocType: 'new' };
  }
  const info = reader.optional(element, 'BussinessDocumentInfo');
  const replacements = reader.optional(element, 'ReplacementInfoList');
  return compact({
    bussinessDocType: readDocType(ctx, reader.requiredText(element, 'BussinessDocType', path), path),
    bussinessDocReason: reader.optionalText(element, 'BussinessDocReason'),
    bussinessDocumentInfo:
      info === undefined
        ? undefined
        : Object.fromEntries(info.children.map((child) => [child.localName, child.text])),
    documentId: reader.optionalText(element, 'DocumentId'),
    replacementInfoList:
      replacements === undefined
        ? undefined
        : readReplacements(ctx, replacements, join(path, 'ReplacementInfoList')),
    staffInfo: readStaffInfo(ctx, element),
    paper: reader.optionalText(element, 'Paper'),
  });
}

function readDocType(ctx: HeaderContext, code: string, path: string): BussinessDocType {
  const codes = ctx.profile.bussinessDocTypeCodes;
  const found = (Object.keys(codes) as BussinessDocType[]).find((type) => codes[type] === code);
  if (found === undefined && code !== '') {
    const allowed = Object.entries(codes).map(([type, wire]) => `${wire} (${type})`);
    ctx.reader.fail(
      join(path, 'BussinessDocType'),
      `"${code}" is not a business document type: ${allowed.join(', ')}`,
    );
  }
  return found ?? 'new';
}

function readReplacements(ctx: HeaderContext, list: XmlElement, path: string): EdxmlReplacementInfo[] {
  const { reader } = ctx;
  return reader.all(list, 'ReplacementInfo').map((item, index) => {
    const itemPath = join(path, `ReplacementInfo[${index + 1}]`);
    return {
      documentId: reader.requiredText(item, 'DocumentId', itemPath),
      organIds: reader.textList(item, 'OrganIdList', 'OrganId') ?? [],
    };
  });
}

function emptyOrganisation(): EdxmlOrganisation {
  return { organId: '', organName: '' };
}
