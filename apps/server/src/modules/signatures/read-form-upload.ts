import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../platform/errors.ts';
import { tooLarge } from '../files/upload-file.ts';

const missingFile = () => new AppError('validation', { issues: [{ field: 'file', key: 'file.missing' }] });

/**
 * A multipart form of one file (field `file`) and a few text fields, read into memory: the enrolment
 * of a PKCS#12 file with its password and owner, the upload of a signature image. A field not in
 * `fields` is refused, naming it.
 */
export async function readFormUpload<F extends string>(
  request: FastifyRequest,
  options: { maxBytes: number; fields: readonly F[] },
): Promise<{ bytes: Buffer; fields: Partial<Record<F, string>> }> {
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > options.maxBytes + 64 * 1024) throw tooLarge(options.maxBytes);
  if (!request.isMultipart()) throw missingFile();
  const fields: Partial<Record<F, string>> = {};
  let bytes: Buffer | undefined;
  try {
    const parts = request.parts({
      limits: {
        fileSize: options.maxBytes,
        files: 1,
        fields: options.fields.length,
        parts: options.fields.length + 1,
        fieldSize: 4096,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid(part.fieldname, 'unknown_field');
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        if (part.file.truncated) throw tooLarge(options.maxBytes);
        bytes = Buffer.concat(chunks);
      } else {
        if (!options.fields.includes(part.fieldname as F)) throw invalid(part.fieldname, 'unknown_field');
        fields[part.fieldname as F] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(options.maxBytes);
    if (code === 'FST_FILES_LIMIT') throw missingFile();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('validation', { issues: [{ field: 'form', key: 'unknown_field' }] });
    throw error;
  }
  if (!bytes || bytes.length === 0) throw missingFile();
  return { bytes, fields };
}
