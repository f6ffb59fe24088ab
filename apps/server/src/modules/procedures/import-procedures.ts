import type { Transaction } from 'kysely';
import type { CreateProcedure, ImportReport } from '@tinhso/contracts';
import type { Actor } from '../../platform/access.ts';
import type { DB } from '../../platform/db-types.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { addProcedureVersion } from './add-procedure-version.ts';
import { contentOf } from './check-content.ts';
import { createProcedure } from './create-procedure.ts';
import { publishProcedureVersion } from './publish-procedure-version.ts';
import { findProcedureByCode, listVersions } from './repository.ts';

type Item = ImportReport['items'][number];
/** Told after each item: for a progress bar in the CLI. */
export type ImportProgress = (step: string, done: number, total: number) => void;

/** JSON with its keys sorted, so that stored jsonb and submitted JSON compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

async function importOne(tx: Transaction<DB>, input: CreateProcedure, actor: Actor): Promise<Item> {
  const existing = await findProcedureByCode(tx, input.code);
  if (!existing) {
    await createProcedure(tx, input, actor);
    await publishProcedureVersion(tx, input.code, 1, actor);
    return { code: input.code, outcome: 'created', version: 1 };
  }
  const published = (await listVersions(tx, existing.id)).filter((v) => v.status === 'published').at(-1);
  if (
    published &&
    published.effectiveFrom === input.effectiveFrom &&
    canonical(contentOf(published)) === canonical(contentOf(input))
  )
    return { code: input.code, outcome: 'unchanged', version: published.version };
  const { code, ...version } = input;
  const added = await addProcedureVersion(tx, code, version, actor);
  await publishProcedureVersion(tx, code, added.version, actor);
  return { code, outcome: 'new_version', version: added.version };
}

/**
 * Imports a list of procedures, all or nothing: a new code is created and published; a known code
 * gets a new published version unless its content is unchanged. Every failing item is reported
 * (fields prefixed with the item's index) and then nothing is kept.
 */
export async function importProcedures(
  tx: Transaction<DB>,
  items: CreateProcedure[],
  actor: Actor,
  onProgress: ImportProgress = () => {},
): Promise<ImportReport> {
  const issues: FieldIssue[] = [];
  const report: Item[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.code)) {
      issues.push({ field: `${index}.code`, key: 'uniqueItems' });
      continue;
    }
    seen.add(item.code);
    try {
      report.push(await importOne(tx, item, actor));
    } catch (error) {
      if (!(error instanceof AppError) || error.issues.length === 0) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, field: `${index}.${issue.field}` })));
    }
    onProgress('procedures', index + 1, items.length);
  }
  if (issues.length > 0) throw new AppError('validation', { issues });
  const codesWith = (outcome: Item['outcome']) =>
    report.filter((item) => item.outcome === outcome).map((item) => item.code);
  await recordEvent(tx, actor, {
    type: 'procedure.imported',
    entityType: 'system',
    entityId: 'procedure-catalogue',
    data: {
      created: codesWith('created'),
      newVersions: codesWith('new_version'),
      unchanged: codesWith('unchanged'),
    },
  });
  return { items: report };
}
