import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every depth, so that the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  occurredAt: string;
  type: string;
  actorAccountId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  agencyId: string | null;
  data: unknown;
  correlationId: string | null;
  prevHash: string;
}

/** The hash of one audit record: SHA-256 over its canonical JSON, which includes the previous hash. */
export function hashRecord(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
