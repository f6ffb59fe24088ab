import type { BussinessDocType } from './types.ts';
import { EDXML_STATUS_CODES, type EdxmlStatusCodeEntry } from './status-codes.ts';

/**
 * What differs between edXML implementations, or what vn-norms marks [S]/[U], kept as settings rather
 * than assumptions (R-EDX-6). The defaults follow vn-norms §2.3; settle them with the VPCP
 * integration specification before going live.
 */
export interface EdxmlProfile {
  /** Namespace of the edXML elements ("namespace seen", [S]). */
  namespace: string;
  /** Prefix written by the builder; the parser accepts any prefix bound to `namespace`. */
  prefix: string;
  /**
   * The element that holds `edXMLEnvelope` and `AttachmentEncoded`, which vn-norms shows as siblings
   * without naming their parent. `edXML` (default namespace) is what public SDK samples use [S].
   */
  rootElement: string;
  /** `PromulgationDate`, `DueDate`: implementations disagree (vn-norms §2.3 discrepancies). */
  dateFormat: 'yyyy/MM/dd' | 'dd/MM/yyyy';
  /** Packages larger than this (UTF-8 bytes) are refused before parsing. */
  maxBytes: number;
  /** Wire codes of `BussinessDocType` (0 new, 1 revoke, 2 update, 3 replace, [S]). */
  bussinessDocTypeCodes: Record<BussinessDocType, string>;
  /** `StatusCode` table. */
  statusCodes: readonly EdxmlStatusCodeEntry[];
}

export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** `edXML:Signature` holds a W3C XML-DSig signature, whose elements are in this namespace. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

export const DEFAULT_EDXML_PROFILE: EdxmlProfile = {
  namespace: 'http://www.mic.gov.vn/TBT/QCVN_102_2016',
  prefix: 'edXML',
  rootElement: 'edXML',
  dateFormat: 'yyyy/MM/dd',
  maxBytes: 50 * 1024 * 1024,
  bussinessDocTypeCodes: { new: '0', revocation: '1', update: '2', replacement: '3' },
  statusCodes: EDXML_STATUS_CODES,
};

export function resolveProfile(overrides: Partial<EdxmlProfile> = {}): EdxmlProfile {
  return { ...DEFAULT_EDXML_PROFILE, ...overrides };
}
