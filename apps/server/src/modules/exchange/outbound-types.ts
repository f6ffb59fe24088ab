import type { DocumentConfidentiality, DocumentUrgency } from '@tinhso/contracts';
import type { BussinessDocType, EdxmlReplacementInfo, EdxmlResponseFor } from './edxml/types.ts';

/** The document as the edXML header needs it (vn-norms §2.3). */
export interface OutboundDocument {
  /** Số, e.g. "12" (the leading 0 below 10 is kept as written). */
  codeNumber: string;
  /** Ký hiệu, e.g. "QĐ-STP". */
  codeNotation: string;
  /** A TinhSo document type (GET /api/documents/types), e.g. "quyet_dinh". */
  typeCode: string;
  /** Trích yếu. */
  subject: string;
  /** ISO date of the document. */
  promulgationDate: string;
  /** Địa danh, e.g. "Đồng Tháp". */
  promulgationPlace?: string;
  signer?: { fullName: string; position?: string; competence?: string };
  urgency: DocumentUrgency;
  /** Anything but 'thuong' is refused: secret documents never go to electronic exchange. */
  confidentiality: DocumentConfidentiality;
  /** ISO date by which the recipient should answer. */
  dueDate?: string;
  /** Nơi nhận as printed. */
  toPlaces?: string[];
  pageAmount?: number;
  /** The documents this one answers. */
  responseFor?: EdxmlResponseFor[];
  /**
   * New by default; a revocation, update or replacement names why, a replacement what it replaces,
   * an update what it changes (BussinessDocumentInfo, e.g. `{ DocumentInfo: '1', DocumentReceiver: '0' }`).
   */
  business?: {
    type: BussinessDocType;
    reason?: string;
    replaces?: EdxmlReplacementInfo[];
    info?: Record<string, string>;
  };
}

export interface OutboundFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}
