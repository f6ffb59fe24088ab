import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPdf, type SignatureReport } from './pades-verify.ts';
import { MAX_INFLATED_STRUCTURE_BYTES } from './pdf-bounds.ts';
import { PdfSignatureError } from './pdf-errors.ts';
import { readTrustSettings } from './repository.ts';

/** The largest PDF the public verification page takes. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/**
 * Verifies the signatures of an uploaded PDF against the trust list. Reads only: nothing is stored
 * and nothing is audited (anyone may ask, and the file is not kept). A file that is not a signed PDF
 * is refused naming the field `file`.
 */
export async function verifyUploadedPdf(db: Db, bytes: Uint8Array): Promise<SignatureReport[]> {
  const trust = await readTrustSettings(db, new Date());
  try {
    return await verifyPdf(bytes, trust);
  } catch (error) {
    if (!(error instanceof PdfSignatureError)) throw error;
    switch (error.code) {
      case 'not_pdf':
        throw new AppError('unsupported_type', {
          detail: error.message,
          issues: [{ field: 'file', key: 'file.type', params: { allowed: 'PDF' } }],
        });
      case 'no_signature':
        throw new AppError('unprocessable', {
          detail: error.message,
          issues: [{ field: 'file', key: 'pdf.noSignature' }],
        });
      case 'decompression_bomb':
        throw new AppError('too_large', {
          detail: error.message,
          issues: [
            {
              field: 'file',
              key: 'pdf.decompressionBomb',
              params: { limitMiB: MAX_INFLATED_STRUCTURE_BYTES / 1024 / 1024 },
            },
          ],
        });
      case 'malformed_pdf':
      case 'signature_too_large':
        throw new AppError('validation', {
          detail: error.message,
          issues: [{ field: 'file', key: 'pdf.malformed' }],
        });
    }
  }
}
