import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { tooLarge, type Upload } from './upload-file.ts';

/** Room for the multipart framing around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;
/** The parser's answers to a form with more than the one file part. */
const EXTRA_PART_ERRORS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

const missingFile = () => new AppError('validation', { issues: [{ field: 'file', key: 'file.missing' }] });

/**
 * Reads the one part of a multipart request, a file in the field `file`, into memory, at most
 * `maxBytes` of it: a request that announces more is refused before its body is read, and the parser
 * stops keeping bytes at the limit of one sent in chunks. Anything else in the form is refused.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  if (!request.isMultipart()) throw missingFile();
  let upload: Upload | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, fieldSize: 1024, headerPairs: 20 },
    });
    for await (const part of parts) {
      if (part.type !== 'file' || part.fieldname !== 'file') throw missingFile();
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated) throw tooLarge(maxBytes);
      upload = { bytes: Buffer.concat(chunks), fileName: part.filename, declaredType: part.mimetype };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (typeof code === 'string' && EXTRA_PART_ERRORS.has(code)) throw missingFile();
    throw error;
  }
  if (!upload) throw missingFile();
  return upload;
}
