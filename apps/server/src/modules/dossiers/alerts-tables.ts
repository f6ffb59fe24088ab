import type { ColumnType, Generated } from 'kysely';
import type { AlertKind } from './alerts-rules.ts';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** The alerts and reminders already sent (migration 0012), added to the platform's DB type by interface merging. */
export interface DossierAlertTable {
  id: Generated<string>;
  dossier_id: string;
  kind: AlertKind;
  subject: string;
  step_index: number | null;
  step_started_at: NullableTimestamp;
  consultation_id: string | null;
  due_at: ColumnType<Date, Date | string, Date | string>;
  recipients: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    dossier_alert: DossierAlertTable;
  }
}
