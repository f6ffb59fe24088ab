/** Why a PDF could not be signed or checked at all (a signature that does not verify is a report, not an error). */
export type PdfSignatureErrorCode =
  'not_pdf' | 'malformed_pdf' | 'decompression_bomb' | 'no_signature' | 'signature_too_large';

export class PdfSignatureError extends Error {
  readonly code: PdfSignatureErrorCode;
  constructor(code: PdfSignatureErrorCode, message: string) {
    super(message);
    this.name = 'PdfSignatureError';
    this.code = code;
  }
}

/** A PDF starts with "%PDF-" within its first 1024 bytes (ISO 32000-1 §7.5.2, as readers accept). */
export function assertLooksLikePdf(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-'))
    throw new PdfSignatureError('not_pdf', 'the file is not a PDF (no %PDF- header)');
}
