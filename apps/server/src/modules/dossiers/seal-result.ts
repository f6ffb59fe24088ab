import { createHash } from 'node:crypto';
import { assertBoundedStructure } from '../signatures/pdf-bounds.ts';
import { sealIssuedPdf } from '../signatures/seal-issued-pdf.ts';
import '../files/tables.ts';
import { loadForCommand, type Command } from './command.ts';
import { capacitiesOf } from './access.ts';
import { assertAllowed } from './transition.ts';

/**
 * Seals the result of a decision once, with the competent agency's seal (ký số cơ quan), before the
 * decision's transaction: signing waits for the key store and, when timestamps are configured, for
 * the timestamp authority, neither of which may run inside a transaction on the embedded database.
 * Only a caller who may decide this dossier gets a sealed copy, and only of a PDF they uploaded and
 * have not attached yet. The sealed copy is stored as a new file owned by the caller; the decision
 * attaches it as the result and keeps the upload beside it. Answers null when there is nothing to
 * seal (no seal key, not a PDF, not the caller's file): the decision then goes on with the upload, and
 * its own checks answer a bad id. A copy whose decision fails stays unattached and is purged.
 */
export async function sealResultUpload(
  command: Command,
  dossierId: string,
  fileId: string,
): Promise<string | null> {
  const { db, caller } = command;
  const dossier = await db.transaction().execute(async (tx) => {
    const loaded = await loadForCommand(tx, caller, dossierId);
    await assertAllowed(tx, 'resolve', loaded, capacitiesOf(caller, loaded.row));
    return loaded.row;
  });
  const upload = await db
    .selectFrom('stored_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('owner_account_id', '=', caller.principal.accountId)
    .where('attached_kind', 'is', null)
    .where('media_type', '=', 'application/pdf')
    .executeTakeFirst();
  if (!upload) return null;
  try {
    assertBoundedStructure(upload.content);
  } catch {
    return null; // a decompression bomb is not loaded to be sealed; the upload stays as it is
  }
  const { pdf, sealed } = await sealIssuedPdf(db, {
    pdf: new Uint8Array(upload.content),
    agencyId: dossier.competent_agency_id,
    label: `Kết quả hồ sơ ${dossier.code ?? ''}`.trim(),
    reason: 'Trả kết quả giải quyết thủ tục hành chính',
  });
  if (!sealed) return null;
  const stored = await db
    .insertInto('stored_file')
    .values({
      owner_account_id: upload.owner_account_id,
      name: upload.name,
      media_type: upload.media_type,
      size_bytes: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
      scan_status: upload.scan_status,
      scanner: upload.scanner,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return stored.id;
}
