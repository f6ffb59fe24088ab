import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { checkFileType } from './file-types.ts';
import { sanitiseFileName } from './file-name.ts';
import { toSummary, SUMMARY_COLUMNS, type FileSummary } from './repository.ts';
import type { Scanner } from './scanner.ts';
import './tables.ts';

export interface Upload {
  bytes: Uint8Array;
  /** The name the client sent, unclean. */
  fileName: string;
  /** The Content-Type the client declared for the part. */
  declaredType: string;
}

export const tooLarge = (maxBytes: number) =>
  new AppError('too_large', {
    issues: [
      {
        field: 'file',
        key: 'file.tooLarge',
        params: { limit: maxBytes, limitMiB: Math.round((maxBytes / 1_048_576) * 10) / 10 },
      },
    ],
  });

/**
 * Stores an upload once it passed every check, cheapest first: size, type (magic bytes agreeing with
 * the name and the declared type), then the virus scan. An infected file is not stored: the refusal
 * is recorded as a security event and answered 422. A scanner that cannot answer throws 'unavailable'
 * (503) and nothing is stored.
 */
export async function uploadFile(
  db: Db,
  options: { upload: Upload; ownerAccountId: string; actor: Actor; scanner: Scanner; maxBytes: number },
): Promise<FileSummary> {
  const { upload, scanner } = options;
  const size = upload.bytes.byteLength;
  if (size === 0) throw new AppError('validation', { issues: [{ field: 'file', key: 'file.empty' }] });
  if (size > options.maxBytes) throw tooLarge(options.maxBytes);
  const name = sanitiseFileName(upload.fileName);
  const mediaType = checkFileType({ bytes: upload.bytes, fileName: name, declaredType: upload.declaredType });
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const verdict = await scanner.scan(upload.bytes);
  if (!verdict.clean) {
    await db.transaction().execute((tx) =>
      recordEvent(tx, options.actor, {
        type: 'file.infected_upload_refused',
        entityType: 'file_upload',
        entityId: sha256,
        data: {
          fileName: name,
          sizeBytes: size,
          sha256,
          signature: verdict.signature,
          scanner: scanner.kind,
        },
      }),
    );
    throw new AppError('unprocessable', {
      detail: `infected upload refused: ${verdict.signature}`,
      issues: [{ field: 'file', key: 'file.infected', params: { signature: verdict.signature } }],
    });
  }
  const row = await db
    .insertInto('stored_file')
    .values({
      owner_account_id: options.ownerAccountId,
      name,
      media_type: mediaType,
      size_bytes: size,
      sha256,
      content: upload.bytes,
      scan_status: 'clean',
      scanner: scanner.kind,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
  return toSummary(row);
}
