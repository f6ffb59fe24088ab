import { resolveProfile, XLINK_NAMESPACE, type EdxmlProfile } from './profile.ts';
import type {
  EdxmlAttachment,
  EdxmlBussiness,
  EdxmlEnvelope,
  EdxmlIssue,
  EdxmlMessageHeader,
  EdxmlOrganisation,
  EdxmlResponseFor,
  EdxmlStaffInfo,
  EdxmlTraceHeaderList,
} from './types.ts';
import { validateEnvelope } from './validate-envelope.ts';
import { formatWireDate } from './values.ts';
import { prefixed, writeXml, type XmlTree } from './xml-writer.ts';

/** Thrown by the builders when the content could not make a package we would accept ourselves. */
export class EdxmlInvalidError extends Error {
  readonly errors: EdxmlIssue[];
  constructor(errors: EdxmlIssue[]) {
    super(`invalid edXML content: ${errors.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.errors = errors;
  }
}

export interface BuildEdxmlOptions {
  profile?: Partial<EdxmlProfile>;
}

/**
 * The edXML package of an envelope (QCVN 102:2016, element tree of vn-norms §2.3): UTF-8 XML, the same
 * bytes for the same envelope. The manifest's `Reference`s are derived from the attachments. The
 * XML-DSig `Signature` is added afterwards (../xml-dsig/package-signature.ts). Throws EdxmlInvalidError on bad content.
 */
export function buildEdxml(envelope: EdxmlEnvelope, options: BuildEdxmlOptions = {}): string {
  const profile = resolveProfile(options.profile);
  const issues = validateEnvelope(envelope);
  if (issues.length > 0) throw new EdxmlInvalidError(issues);
  const edxml = (tree: XmlTree) => prefixed(profile.prefix, tree);
  const { attachments } = envelope;
  return writeXml({
    [profile.rootElement]: {
      '@_xmlns': profile.namespace,
      [`@_xmlns:${profile.prefix}`]: profile.namespace,
      '@_xmlns:xlink': XLINK_NAMESPACE,
      ...edxml({
        edXMLEnvelope: {
          edXMLHeader: {
            MessageHeader: messageHeaderTree(envelope.messageHeader, profile),
            TraceHeaderList: traceHeaderListTree(envelope.traceHeaderList, profile),
          },
          edXMLBody: {
            edXMLManifest: { '@_version': '1.0', Reference: attachments.map(referenceTree) },
          },
        },
        AttachmentEncoded:
          attachments.length === 0 ? undefined : { Attachment: attachments.map(attachmentTree) },
      }),
    },
  });
}

export function organisationTree(organisation: EdxmlOrganisation): XmlTree {
  return {
    OrganId: organisation.organId,
    OrganizationInCharge: organisation.organizationInCharge,
    OrganName: organisation.organName,
    OrganAdd: organisation.organAdd,
    Email: organisation.email,
    Telephone: organisation.telephone,
    Fax: organisation.fax,
    Website: organisation.website,
  };
}

export function staffInfoTree(staff: EdxmlStaffInfo | undefined): XmlTree | undefined {
  if (staff === undefined) return undefined;
  return { Department: staff.department, Staff: staff.staff, Mobile: staff.mobile, Email: staff.email };
}

export function responseForTree(item: EdxmlResponseFor, profile: EdxmlProfile): XmlTree {
  return {
    OrganId: item.organId,
    Code: item.code,
    PromulgationDate: wireDate(item.promulgationDate, profile),
    DocumentId: item.documentId,
  };
}

function wireDate(isoDate: string | undefined, profile: EdxmlProfile): string | undefined {
  return isoDate === undefined ? undefined : formatWireDate(isoDate, profile.dateFormat);
}

function messageHeaderTree(header: EdxmlMessageHeader, profile: EdxmlProfile): XmlTree {
  const { otherInfo, signerInfo } = header;
  return {
    From: organisationTree(header.from),
    To: header.to.map(organisationTree),
    Code: { CodeNumber: header.code.codeNumber, CodeNotation: header.code.codeNotation },
    PromulgationInfo: {
      Place: header.promulgationInfo.place,
      PromulgationDate: wireDate(header.promulgationInfo.promulgationDate, profile),
    },
    DocumentType: {
      Type: header.documentType.type,
      TypeDetail: header.documentType.typeDetail,
      TypeName: header.documentType.typeName,
    },
    Subject: header.subject,
    Content: header.content,
    SignerInfo:
      signerInfo === undefined
        ? undefined
        : { Competence: signerInfo.competence, Position: signerInfo.position, FullName: signerInfo.fullName },
    DueDate: wireDate(header.dueDate, profile),
    ToPlaces: header.toPlaces === undefined ? undefined : { Place: header.toPlaces },
    OtherInfo:
      otherInfo === undefined
        ? undefined
        : {
            Priority: otherInfo.priority,
            SphereOfPromulgation: otherInfo.sphereOfPromulgation,
            TyperNotation: otherInfo.typerNotation,
            PromulgationAmount: otherInfo.promulgationAmount,
            PageAmount: otherInfo.pageAmount,
            Direction: otherInfo.direction,
            Appendixes: otherInfo.appendixes === undefined ? undefined : { Appendix: otherInfo.appendixes },
          },
    SteeringType: header.steeringType,
    DocumentId: header.documentId,
    ResponseFor: header.responseFor?.map((item) => responseForTree(item, profile)),
  };
}

function traceHeaderListTree(list: EdxmlTraceHeaderList, profile: EdxmlProfile): XmlTree {
  const attributes = list.attributes ?? {};
  return {
    '@_id': attributes.id,
    '@_version': attributes.version,
    '@_mustUnderstand': attributes.mustUnderstand,
    '@_actor': attributes.actor,
    TraceHeader: list.traceHeaders.map((hop) => ({ OrganId: hop.organId, Timestamp: hop.timestamp })),
    Bussiness: bussinessTree(list.bussiness, profile),
  };
}

function bussinessTree(bussiness: EdxmlBussiness, profile: EdxmlProfile): XmlTree {
  const info = bussiness.bussinessDocumentInfo;
  return {
    BussinessDocType: profile.bussinessDocTypeCodes[bussiness.bussinessDocType],
    BussinessDocReason: bussiness.bussinessDocReason,
    BussinessDocumentInfo: info === undefined ? undefined : Object.fromEntries(Object.entries(info).sort()),
    DocumentId: bussiness.documentId,
    ReplacementInfoList:
      bussiness.replacementInfoList === undefined
        ? undefined
        : {
            ReplacementInfo: bussiness.replacementInfoList.map((item) => ({
              DocumentId: item.documentId,
              OrganIdList: { OrganId: item.organIds },
            })),
          },
    StaffInfo: staffInfoTree(bussiness.staffInfo),
    Paper: bussiness.paper,
  };
}

function referenceTree(attachment: EdxmlAttachment): XmlTree {
  return {
    '@_xlink:href': `cid:${attachment.contentId}`,
    ContentId: `cid:${attachment.contentId}`,
    ContentType: attachment.contentType,
    AttachmentName: attachment.attachmentName,
    Description: attachment.description,
  };
}

function attachmentTree(attachment: EdxmlAttachment): XmlTree {
  return {
    ContentId: attachment.contentId,
    AttachmentName: attachment.attachmentName,
    ContentType: attachment.contentType,
    Description: attachment.description,
    ContentTransferEncoded: attachment.contentBase64,
  };
}
