import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. Dates (SQL `date`) travel as 'YYYY-MM-DD' strings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface SettingTable {
  key: string;
  effective_from: string;
  value: Json;
  note: string | null;
}

export interface AdminUnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parent_id: string | null;
  effective_from: string;
  effective_to: string | null;
  created_at: CreatedAt;
}

export interface AdminUnitSuccessionTable {
  predecessor_id: string;
  successor_id: string;
  effective_date: string;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: 'ubnd_tinh' | 'so' | 'ubnd_xa' | 'trung_tam_phvhcc' | 'khac';
  level: 'province' | 'commune';
  parent_id: string | null;
  admin_unit_id: string | null;
  effective_from: ColumnType<string, string | undefined, string>;
  effective_to: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrgUnitTable {
  id: Generated<string>;
  agency_id: string;
  parent_id: string | null;
  name: string;
  created_at: CreatedAt;
}

export interface RoleTable {
  code: string;
  name_vi: string;
  name_en: string;
  scope: 'agency' | 'subtree' | 'province';
  permissions: string[];
}

export interface PositionTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  role_codes: string[];
}

export interface PositionTable {
  id: Generated<string>;
  agency_id: string;
  org_unit_id: string | null;
  position_type: string;
  title: string;
  created_at: CreatedAt;
}

export interface AccountTable {
  id: Generated<string>;
  kind: 'official' | 'citizen';
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  personal_id: string | null;
  password_hash: string;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  last_login_at: Date | null;
  disabled_at: Date | null;
  created_at: CreatedAt;
}

export interface OfficialTable {
  id: Generated<string>;
  account_id: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
}

export interface AppointmentTable {
  id: Generated<string>;
  official_id: string;
  position_id: string;
  kind: 'primary' | 'concurrent' | 'acting';
  starts_on: string;
  ends_on: string | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  account_id: string;
  csrf_token: string;
  mfa_verified: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username_key: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface IdempotencyKeyTable {
  key: string;
  account_id: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: CreatedAt;
}

export interface AuditEventTable {
  seq: number;
  occurred_at: Date;
  type: string;
  actor_account_id: string | null;
  actor_label: string;
  entity_type: string;
  entity_id: string;
  agency_id: string | null;
  data: Json;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json;
  created_at: CreatedAt;
  available_at: Timestamp;
  processed_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface DB {
  setting: SettingTable;
  admin_unit: AdminUnitTable;
  admin_unit_succession: AdminUnitSuccessionTable;
  agency: AgencyTable;
  org_unit: OrgUnitTable;
  role: RoleTable;
  position_type: PositionTypeTable;
  position: PositionTable;
  account: AccountTable;
  official: OfficialTable;
  appointment: AppointmentTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  idempotency_key: IdempotencyKeyTable;
  audit_event: AuditEventTable;
  outbox: OutboxTable;
  schema_migration: SchemaMigrationTable;
}
