import type { ColumnType, Generated } from 'kysely';
import type { Applicant, Channel, DeliveryMethod, DossierStatus } from '@tinhso/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>;

/** The one-stop module's tables (migration 0007), added to the platform's DB type by interface merging. */
export interface DossierTable {
  id: Generated<string>;
  code: string | null;
  procedure_id: string;
  procedure_version_id: string;
  channel: Channel;
  status: DossierStatus;
  payment_status: Defaulted<'none' | 'due' | 'paid'>;
  delivery_status: Defaulted<'not_ready' | 'ready' | 'delivered'>;
  sync_status: Defaulted<'pending' | 'synced' | 'failed'>;
  applicant_account_id: string | null;
  applicant: Json<Applicant>;
  applicant_name: string;
  form_data: Json<Record<string, unknown>>;
  fee_case: number | null;
  exemption: number | null;
  fee_amount: Defaulted<number>;
  invoice_id: string | null;
  delivery_method: DeliveryMethod;
  delivery_address: string | null;
  support_agency_id: string | null;
  receiving_agency_id: string;
  competent_agency_id: string;
  current_agency_id: string;
  current_step: number | null;
  step_started_at: NullableTimestamp;
  step_due_at: NullableTimestamp;
  assignee_account_id: string | null;
  submitted_at: NullableTimestamp;
  received_at: NullableTimestamp;
  due_at: NullableTimestamp;
  original_due_at: NullableTimestamp;
  /** The due instant given at receipt (form 01), never moved (migration 0013). */
  first_due_at: NullableTimestamp;
  /** When the desk handed the paper file to the deciding unit (R-DOS-10, migration 0015). */
  paper_handed_over_at: NullableTimestamp;
  rescheduled: Defaulted<boolean>;
  resolved_at: NullableTimestamp;
  returned_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  outcome: 'approved' | 'refused' | null;
  result_file_id: string | null;
  created_by: string | null;
  created_at: Defaulted<Date>;
  updated_at: Defaulted<Date>;
}

export interface DossierSequenceTable {
  agency_id: string;
  day: string;
  last: number;
}

export interface DossierEventTable {
  id: Generated<number>;
  dossier_id: string;
  at: Defaulted<Date>;
  action: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  actor_account_id: string | null;
  actor_label: string | null;
  agency_id: string | null;
  step_index: number | null;
  step_name: string | null;
  note: string | null;
  timeliness: 'early' | 'on_time' | 'late' | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface DossierFileTable {
  dossier_id: string;
  file_id: string;
  purpose: 'component' | 'result';
  component_index: number | null;
  digitised: Defaulted<boolean>;
  attached_at: Defaulted<Date>;
}

export interface DossierSupplementTable {
  id: Generated<string>;
  dossier_id: string;
  stage: 'reception' | 'appraisal';
  items: Json<{ name: string; reason: string }[]>;
  justification: string | null;
  requested_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface DossierConsultationTable {
  id: Generated<string>;
  dossier_id: string;
  agency_id: string;
  question: string;
  due_date: string;
  asked_at: Timestamp;
  asked_by: string | null;
  answer: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
}

export interface DossierRatingTable {
  dossier_id: string;
  account_id: string | null;
  satisfaction: 'satisfied' | 'neutral' | 'dissatisfied';
  contacts_to_complete: number | null;
  agencies_contacted: number | null;
  staff_attitude: 'good' | 'ordinary' | 'bad' | null;
  comment: string | null;
  rated_at: Defaulted<Date>;
}

declare module '../../platform/db-types.ts' {
  interface DB {
    dossier: DossierTable;
    dossier_sequence: DossierSequenceTable;
    dossier_event: DossierEventTable;
    dossier_file: DossierFileTable;
    dossier_supplement: DossierSupplementTable;
    dossier_consultation: DossierConsultationTable;
    dossier_rating: DossierRatingTable;
  }
}
