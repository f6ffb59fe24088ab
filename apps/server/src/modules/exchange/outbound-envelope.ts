import type { DocumentUrgency } from '@tinhso/contracts';
import { toVietnamTimestamp } from './edxml/values.ts';
import type { EdxmlEnvelope, EdxmlOrganisation } from './edxml/types.ts';
import type { OutboundDocument, OutboundFile } from './outbound-types.ts';

/** `Priority` codes (R-EDX-6: configuration; 0 thường … 3 hỏa tốc as one codebase uses them). */
export const PRIORITY_CODES: Record<DocumentUrgency, string> = {
  thuong: '0',
  khan: '1',
  thuong_khan: '2',
  hoa_toc: '3',
};

/** The edXML DocumentId by convention (vn-norms §2.3): `{OrganId},{YYYY/MM/DD},{số/ký hiệu}`. */
export function formatDocumentId(
  senderCode: string,
  document: Pick<OutboundDocument, 'promulgationDate' | 'codeNumber' | 'codeNotation'>,
): string {
  return `${senderCode},${document.promulgationDate.replaceAll('-', '/')},${document.codeNumber}/${document.codeNotation}`;
}

/**
 * The envelope of a package: the header from the stored metadata, one trace hop (the sender, now),
 * the files as attachments with content ids `1`, `2` … in order. `DocumentType/Type` is the type's
 * order in NĐ 30/2020 Art 7 (Công văn = 18), one of the two codings seen (vn-norms §2.3, R-EDX-6).
 */
export function outboundEnvelope(options: {
  document: OutboundDocument;
  documentId: string;
  from: EdxmlOrganisation;
  to: EdxmlOrganisation[];
  type: { order: number; name: string };
  files: OutboundFile[];
  at: Date;
}): EdxmlEnvelope {
  const { document, files } = options;
  const business = document.business ?? { type: 'new' as const };
  return {
    messageHeader: {
      from: options.from,
      to: options.to,
      code: { codeNumber: document.codeNumber, codeNotation: document.codeNotation },
      promulgationInfo: {
        ...(document.promulgationPlace ? { place: document.promulgationPlace } : {}),
        promulgationDate: document.promulgationDate,
      },
      documentType: { type: String(options.type.order), typeName: options.type.name },
      subject: document.subject,
      ...(document.signer
        ? {
            signerInfo: {
              fullName: document.signer.fullName,
              ...(document.signer.position ? { position: document.signer.position } : {}),
              ...(document.signer.competence ? { competence: document.signer.competence } : {}),
            },
          }
        : {}),
      ...(document.dueDate ? { dueDate: document.dueDate } : {}),
      ...(document.toPlaces && document.toPlaces.length > 0 ? { toPlaces: document.toPlaces } : {}),
      otherInfo: {
        priority: PRIORITY_CODES[document.urgency],
        ...(document.pageAmount ? { pageAmount: String(document.pageAmount) } : {}),
      },
      documentId: options.documentId,
      ...(document.responseFor && document.responseFor.length > 0
        ? { responseFor: document.responseFor }
        : {}),
    },
    traceHeaderList: {
      traceHeaders: [{ organId: options.from.organId, timestamp: toVietnamTimestamp(options.at) }],
      bussiness: {
        bussinessDocType: business.type,
        ...(business.reason ? { bussinessDocReason: business.reason } : {}),
        ...(business.info ? { bussinessDocumentInfo: business.info } : {}),
        ...(business.replaces && business.replaces.length > 0
          ? { replacementInfoList: business.replaces }
          : {}),
      },
    },
    attachments: files.map((file, index) => ({
      contentId: String(index + 1),
      attachmentName: file.name,
      contentType: file.mediaType,
      contentBase64: Buffer.from(file.bytes).toString('base64'),
    })),
  };
}
