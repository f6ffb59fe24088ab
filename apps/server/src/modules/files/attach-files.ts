import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { UUID } from './read-file.ts';
import './tables.ts';

/**
 * Attaches uploaded files to a record of another module (a dossier, a component of one), inside that
 * module's transaction. Each id must exist, belong to `ownerAccountId` (null: any account, for an
 * officer attaching scans and results) and be unattached or already attached to this very record.
 * Refuses with one issue per bad id, named `${field}.${index}`; an id that is missing and one owned by
 * somebody else get the same answer. The rows are locked until the caller commits.
 */
export async function attachFiles(
  tx: Transaction<DB>,
  options: {
    fileIds: readonly string[];
    ownerAccountId: string | null;
    kind: string;
    id: string;
    field?: string;
  },
): Promise<void> {
  const field = options.field ?? 'fileIds';
  const wanted = [...new Set(options.fileIds.filter((id) => UUID.test(id)))];
  const rows =
    wanted.length === 0
      ? []
      : await tx
          .selectFrom('stored_file')
          .select(['id', 'owner_account_id', 'attached_kind', 'attached_id'])
          .where('id', 'in', wanted)
          .forUpdate()
          .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  options.fileIds.forEach((fileId, index) => {
    const row = byId.get(fileId);
    if (!row || (options.ownerAccountId !== null && row.owner_account_id !== options.ownerAccountId)) {
      issues.push({ field: `${field}.${index}`, key: 'no_such_record' });
    } else if (
      row.attached_kind !== null &&
      (row.attached_kind !== options.kind || row.attached_id !== options.id)
    ) {
      issues.push({ field: `${field}.${index}`, key: 'file.alreadyAttached' });
    }
  });
  if (issues.length > 0) throw new AppError('validation', { issues });
  if (wanted.length === 0) return;
  await tx
    .updateTable('stored_file')
    .set({ attached_kind: options.kind, attached_id: options.id, attached_at: new Date() })
    .where('id', 'in', wanted)
    .where('attached_kind', 'is', null)
    .execute();
}
