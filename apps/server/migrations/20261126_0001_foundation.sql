-- Foundation: administrative units, agencies, people, accounts, sessions, settings and the audit trail.
-- Written for PostgreSQL 15 (Debian) and runs unchanged on PGlite (PostgreSQL 18).

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is STABLE; an IMMUTABLE wrapper lets indexes use it. 'đ' is not a combining mark, so
-- translate it by hand before unaccent.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$;

-- Rule pack: legal and security parameters as data with an effective date (vn-norms R-GEN-1).
create table setting (
  key text not null,
  effective_from date not null,
  value jsonb not null,
  note text,
  primary key (key, effective_from)
);
comment on table setting is 'Versioned configuration: the value in force on a date is the row with the latest effective_from not after it';

create table admin_unit (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name text not null,
  level text not null check (level in ('province', 'district', 'commune')),
  parent_id uuid references admin_unit (id),
  effective_from date not null,
  effective_to date,
  created_at timestamptz not null default now(),
  check (effective_to is null or effective_to > effective_from),
  unique (code, effective_from)
);
comment on table admin_unit is 'Provinces, communes and (as history) districts; a unit exists on [effective_from, effective_to)';
create index admin_unit_name_trgm on admin_unit using gin (f_unaccent(name) gin_trgm_ops);

create table admin_unit_succession (
  predecessor_id uuid not null references admin_unit (id),
  successor_id uuid not null references admin_unit (id),
  effective_date date not null,
  primary key (predecessor_id, successor_id)
);
comment on table admin_unit_succession is 'Merger and split history: predecessor ceased and successor took over on effective_date';

create table agency (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null check (kind in ('ubnd_tinh', 'so', 'ubnd_xa', 'trung_tam_phvhcc', 'khac')),
  level text not null check (level in ('province', 'commune')),
  parent_id uuid references agency (id),
  admin_unit_id uuid references admin_unit (id),
  effective_from date not null default current_date,
  effective_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table agency is 'State agencies with their electronic agency code (mã định danh, QĐ 20/2020/QĐ-TTg)';
create index agency_parent on agency (parent_id);
create index agency_name_trgm on agency using gin (f_unaccent(name) gin_trgm_ops);

create table org_unit (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  parent_id uuid references org_unit (id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (agency_id, name)
);
comment on table org_unit is 'Internal units of an agency (phòng, ban, bộ phận)';

create table role (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  scope text not null check (scope in ('agency', 'subtree', 'province')),
  permissions text[] not null
);
comment on table role is 'Role templates: a set of permissions and how far they reach from the granting agency';

create table position_type (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  role_codes text[] not null
);
comment on table position_type is 'Kinds of position (Giám đốc, Chuyên viên …) and the role templates each one grants';

create table position (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  org_unit_id uuid references org_unit (id),
  position_type text not null references position_type (code),
  title text not null,
  created_at timestamptz not null default now()
);
create index position_agency on position (agency_id);

create table account (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('official', 'citizen')),
  username text not null,
  display_name text not null,
  email text,
  phone text,
  personal_id text check (personal_id ~ '^[0-9]{12}$'),
  password_hash text not null,
  mfa_secret text,
  mfa_enabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  last_login_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table account is 'Sign-in accounts of officials and citizens';
create unique index account_username on account (lower(username));
create unique index account_personal_id on account (personal_id) where personal_id is not null;
create unique index account_email on account (lower(email)) where email is not null;
create unique index account_phone on account (phone) where phone is not null;

create table official (
  id uuid primary key default gen_random_uuid(),
  account_id uuid unique references account (id),
  full_name text not null,
  email text,
  phone text,
  created_at timestamptz not null default now()
);
create index official_name_trgm on official using gin (f_unaccent(full_name) gin_trgm_ops);

create table appointment (
  id uuid primary key default gen_random_uuid(),
  official_id uuid not null references official (id),
  position_id uuid not null references position (id),
  kind text not null check (kind in ('primary', 'concurrent', 'acting')),
  starts_on date not null,
  ends_on date,
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on > starts_on)
);
comment on table appointment is 'An official holding a position on [starts_on, ends_on): primary, concurrent (kiêm nhiệm) or acting (quyền)';
create index appointment_official on appointment (official_id);
create index appointment_position on appointment (position_id);

create table session (
  id text primary key,
  account_id uuid not null references account (id),
  csrf_token text not null,
  mfa_verified boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
comment on table session is 'Server-side sessions; id is the SHA-256 of the cookie token, never the token itself';
create index session_account on session (account_id);

create table login_attempt (
  id bigint generated always as identity primary key,
  username_key text not null,
  ip text,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_key_at on login_attempt (username_key, at);
create index login_attempt_ip_at on login_attempt (ip, at);

create table idempotency_key (
  key text not null,
  account_id uuid not null references account (id),
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);
comment on table idempotency_key is 'The answer to a command, kept so that a retry with the same Idempotency-Key gets the same answer and acts once';

create table audit_event (
  seq bigint primary key,
  occurred_at timestamptz not null,
  type text not null,
  actor_account_id uuid,
  actor_label text not null,
  entity_type text not null,
  entity_id text not null,
  agency_id uuid,
  data jsonb not null,
  correlation_id text,
  prev_hash text not null,
  hash text not null unique
);
comment on table audit_event is 'Append-only audit trail; each row carries the SHA-256 of the previous row (hash chain)';
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor_account_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only (% refused)', tg_op;
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();

create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
comment on table outbox is 'Background work written in the same transaction as the change that causes it';
create index outbox_pending on outbox (available_at) where processed_at is null;
