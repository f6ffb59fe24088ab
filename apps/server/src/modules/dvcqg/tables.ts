import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type InboundStatus = 'imported' | 'refused';

/** The DVCQG adapter's tables (migration 0010), added to the platform's DB type by interface merging. */
export interface DvcqgSyncTable {
  id: Generated<number>;
  dossier_id: string;
  event_id: number;
  outbox_id: number | null;
  attempt: number;
  dossier_status: string;
  status_code: number;
  sent_at: CreatedAt;
  acknowledged_at: Date | null;
  response: Json;
  error: string | null;
}

export interface DvcqgInboundTable {
  id: Generated<number>;
  code: string | null;
  received_at: CreatedAt;
  status: InboundStatus;
  dossier_id: string | null;
  created: ColumnType<boolean, boolean | undefined, boolean>;
  reason: string | null;
  document: Json;
}

export interface DvcqgPullRunTable {
  id: Generated<number>;
  started_at: CreatedAt;
  since: Date;
  finished_at: Date | null;
  received: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  refused: ColumnType<number, number | undefined, number>;
  error: string | null;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    dvcqg_sync: DvcqgSyncTable;
    dvcqg_inbound: DvcqgInboundTable;
    dvcqg_pull_run: DvcqgPullRunTable;
  }
}
