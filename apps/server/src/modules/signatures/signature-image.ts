import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import type { Db } from '../../platform/db.ts';
import { invalid } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import './audit-events.ts';
import './tables.ts';

/** A signature image is a small PNG: a few hundred pixels across. */
export const MAX_SIGNATURE_IMAGE_BYTES = 512 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks an official's signature image: a PNG that pdf-lib can draw, with a transparent background
 * (an alpha channel or a tRNS chunk, NĐ 30/2020 Phụ lục I), at most 2000 pixels across.
 */
export async function readSignatureImage(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const png = Buffer.from(bytes);
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC))
    throw invalid('file', 'file.type', { allowed: 'PNG' });
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25]!;
  const hasAlpha = colourType === 4 || colourType === 6 || png.includes(Buffer.from('tRNS', 'latin1'));
  if (!hasAlpha) throw invalid('file', 'signatureImage.notTransparent');
  if (width > 2000 || height > 2000) throw invalid('file', 'signatureImage.tooBig', { limit: 2000 });
  try {
    await (await PDFDocument.create()).embedPng(png);
  } catch {
    throw invalid('file', 'pdf.malformed');
  }
  return { width, height };
}

/** Stores (or replaces) the official's signature image, with its audit record. */
export async function storeSignatureImage(
  tx: Transaction<DB>,
  options: { officialId: string; png: Uint8Array; width: number; height: number; actor: Actor },
): Promise<void> {
  const { officialId, png, width, height, actor } = options;
  await tx
    .insertInto('official_signature_image')
    .values({ official_id: officialId, png, width, height, uploaded_by: actor.accountId })
    .onConflict((oc) =>
      oc
        .column('official_id')
        .doUpdateSet({ png, width, height, uploaded_by: actor.accountId, uploaded_at: new Date() }),
    )
    .execute();
  await recordEvent(tx, actor, {
    type: 'signature_image.uploaded',
    entityType: 'official',
    entityId: officialId,
    data: { width, height, sha256: createHash('sha256').update(png).digest('hex') },
  });
}

/** The official's signature image (PNG) for a visible signature, or null: the name is drawn instead. */
export async function findSignatureImage(
  db: Db | Transaction<DB>,
  officialId: string,
): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('official_signature_image')
    .select('png')
    .where('official_id', '=', officialId)
    .executeTakeFirst();
  return row ? new Uint8Array(row.png) : null;
}
