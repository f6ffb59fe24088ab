import { resolveProfile, type EdxmlProfile } from './profile.ts';
import { readMessageHeader, readTraceHeaderList, type HeaderContext } from './read-header.ts';
import { compact, join, TreeReader } from './tree-reader.ts';
import {
  MAX_EDXML_ISSUES,
  type EdxmlAttachment,
  type EdxmlEnvelope,
  type EdxmlParseResult,
} from './types.ts';
import { validateEnvelope } from './validate-envelope.ts';
import { normaliseBase64 } from './values.ts';
import { readXmlDocument, type XmlElement } from './xml-document.ts';

export interface ParseEdxmlOptions {
  profile?: Partial<EdxmlProfile>;
}

/**
 * Reads and checks a received edXML package. Refused, with reasons that name the element: input that
 * is not UTF-8 XML, larger than the profile's limit, or carries a DOCTYPE or entity declaration; a
 * missing required element (including `Bussiness` spelled `Business`); an unknown business document
 * type; a date that is not a real date in the profile's format; broken base64; a manifest that does
 * not match the attachments. Never throws. The `Signature` element is not checked here.
 */
export function parseEdxml(xml: string | Uint8Array, options: ParseEdxmlOptions = {}): EdxmlParseResult {
  const result = readPackage(xml, resolveProfile(options.profile));
  return result.ok ? result : { ok: false, errors: result.errors.slice(0, MAX_EDXML_ISSUES) };
}

function readPackage(xml: string | Uint8Array, profile: EdxmlProfile): EdxmlParseResult {
  const document = readXmlDocument(xml, { maxBytes: profile.maxBytes });
  if (!document.ok) return document;
  const reader = new TreeReader(profile.namespace);
  const ctx: HeaderContext = { reader, profile };
  const { root } = document;
  const isBareEnvelope = reader.isEdxml(root, 'edXMLEnvelope');
  if (!isBareEnvelope && !(root.localName === profile.rootElement && root.namespace === profile.namespace)) {
    const expected = `${profile.rootElement} or edXMLEnvelope in the namespace ${profile.namespace}`;
    reader.fail(
      root.localName,
      `the root element is ${root.localName} in ${root.namespace ?? 'no namespace'}; expected ${expected}`,
    );
    return { ok: false, errors: reader.errors };
  }
  const envelopeElement = isBareEnvelope ? root : reader.required(root, 'edXMLEnvelope', '');
  const header = envelopeElement && reader.required(envelopeElement, 'edXMLHeader', 'edXMLEnvelope');
  const messageHeader = header && reader.required(header, 'MessageHeader', 'edXMLEnvelope/edXMLHeader');
  const traceHeaderList = header && reader.required(header, 'TraceHeaderList', 'edXMLEnvelope/edXMLHeader');
  if (messageHeader === undefined || traceHeaderList === undefined || envelopeElement === undefined) {
    return { ok: false, errors: reader.errors };
  }
  const envelope: EdxmlEnvelope = {
    messageHeader: readMessageHeader(ctx, messageHeader, 'MessageHeader'),
    traceHeaderList: readTraceHeaderList(ctx, traceHeaderList, 'TraceHeaderList'),
    attachments: isBareEnvelope ? [] : readAttachments(reader, root),
  };
  checkManifest(reader, envelopeElement, envelope.attachments);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const issues = validateEnvelope(envelope);
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, envelope };
}

function withoutCid(contentId: string): string {
  return contentId.startsWith('cid:') ? contentId.slice(4) : contentId;
}

function readAttachments(reader: TreeReader, root: XmlElement): EdxmlAttachment[] {
  const encoded = reader.optional(root, 'AttachmentEncoded');
  if (encoded === undefined) return [];
  return reader.all(encoded, 'Attachment').map((attachment, index) => {
    const path = `AttachmentEncoded/Attachment[${index + 1}]`;
    const raw = reader.requiredText(attachment, 'ContentTransferEncoded', path);
    const contentBase64 = normaliseBase64(raw);
    if (contentBase64 === null)
      reader.fail(join(path, 'ContentTransferEncoded'), 'the content is not valid base64');
    return compact({
      contentId: withoutCid(reader.requiredText(attachment, 'ContentId', path)),
      attachmentName: reader.requiredText(attachment, 'AttachmentName', path),
      contentType: reader.requiredText(attachment, 'ContentType', path),
      description: reader.optionalText(attachment, 'Description'),
      contentBase64: contentBase64 ?? '',
    });
  });
}

/** Every manifest Reference points to an attachment and every attachment is in the manifest. */
function checkManifest(reader: TreeReader, envelope: XmlElement, attachments: EdxmlAttachment[]): void {
  const body = reader.optional(envelope, 'edXMLBody');
  const manifest = body && reader.optional(body, 'edXMLManifest');
  const references = manifest === undefined ? [] : reader.all(manifest, 'Reference');
  const referenced = new Set<string>();
  references.forEach((reference, index) => {
    const path = `edXMLBody/edXMLManifest/Reference[${index + 1}]`;
    // The href is read under the prefix `xlink` only; ContentId, when present, wins.
    const href = reference.attributes['xlink:href'];
    const contentId = withoutCid(reader.optionalText(reference, 'ContentId') ?? href ?? '');
    if (contentId === '') {
      reader.fail(path, 'the Reference has neither a ContentId nor an xlink:href');
      return;
    }
    referenced.add(contentId);
    if (!attachments.some((attachment) => attachment.contentId === contentId)) {
      reader.fail(path, `the Reference points to cid:${contentId}, which is not among the attachments`);
    }
  });
  attachments.forEach((attachment, index) => {
    if (!referenced.has(attachment.contentId)) {
      reader.fail(
        `AttachmentEncoded/Attachment[${index + 1}]/ContentId`,
        `attachment ${attachment.contentId} is not listed in the manifest (edXMLManifest/Reference)`,
      );
    }
  });
}
