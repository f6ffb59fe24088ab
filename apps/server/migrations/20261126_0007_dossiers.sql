-- The one-stop dossiers (hồ sơ): what was filed, where it is, and every hand-over with its timeliness.

create table dossier (
  id uuid primary key default gen_random_uuid(),
  code text unique,
  procedure_id uuid not null references procedure (id),
  procedure_version_id uuid not null references procedure_version (id),
  channel text not null check (channel in ('counter', 'online', 'post')),
  status text not null check (status in ('draft', 'submitted', 'received', 'in_process', 'supplement_requested',
    'not_received', 'withdrawn', 'stopped', 'resolved', 'returned')),
  payment_status text not null default 'none' check (payment_status in ('none', 'due', 'paid')),
  delivery_status text not null default 'not_ready' check (delivery_status in ('not_ready', 'ready', 'delivered')),
  sync_status text not null default 'pending' check (sync_status in ('pending', 'synced', 'failed')),
  applicant_account_id uuid references account (id),
  applicant jsonb not null,
  applicant_name text not null,
  form_data jsonb not null,
  fee_case integer,
  exemption integer,
  fee_amount integer not null default 0 check (fee_amount >= 0),
  invoice_id uuid,
  delivery_method text not null check (delivery_method in ('counter', 'post', 'online')),
  delivery_address text,
  support_agency_id uuid references agency (id),
  receiving_agency_id uuid not null references agency (id),
  competent_agency_id uuid not null references agency (id),
  current_agency_id uuid not null references agency (id),
  current_step integer,
  step_started_at timestamptz,
  step_due_at timestamptz,
  assignee_account_id uuid references account (id),
  submitted_at timestamptz,
  received_at timestamptz,
  due_at timestamptz,
  original_due_at timestamptz,
  rescheduled boolean not null default false,
  resolved_at timestamptz,
  returned_at timestamptz,
  ended_at timestamptz,
  outcome text check (outcome in ('approved', 'refused')),
  result_file_id uuid,
  created_by uuid references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((code is null) = (status = 'draft'))
);
comment on table dossier is 'A dossier of one procedure version: business, payment, delivery and sync statuses kept apart (R-DOS-3); the receiving, competent and current agencies stored separately (phi địa giới, R-DOS-17)';
comment on column dossier.due_at is 'When the legal deadline runs out (NgayHenTra); moved by an apology, restarted after an appraisal supplement';
comment on column dossier.original_due_at is 'The due instant before the one rescheduling an apology allows';
create index dossier_applicant on dossier (applicant_account_id, created_at desc);
create index dossier_current on dossier (current_agency_id, status, due_at);
create index dossier_receiving on dossier (receiving_agency_id, received_at);
create index dossier_competent on dossier (competent_agency_id, received_at);
create index dossier_assignee on dossier (assignee_account_id, due_at) where assignee_account_id is not null;
create index dossier_name_trgm on dossier using gin (f_unaccent(applicant_name) gin_trgm_ops);

-- The daily sequence behind dossier codes: one row per receiving agency and day in Vietnam, bumped under its row lock.
create table dossier_sequence (
  agency_id uuid not null references agency (id),
  day date not null,
  last integer not null,
  primary key (agency_id, day)
);

create table dossier_event (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossier (id),
  at timestamptz not null default now(),
  action text not null,
  from_status text,
  to_status text not null,
  actor_account_id uuid references account (id),
  actor_label text,
  agency_id uuid references agency (id),
  step_index integer,
  step_name text,
  note text,
  timeliness text check (timeliness in ('early', 'on_time', 'late')),
  data jsonb not null default '{}'
);
comment on table dossier_event is 'The action log of a dossier: every transition and hand-over, the source of the control slip (Phiếu kiểm soát)';
create index dossier_event_dossier on dossier_event (dossier_id, id);

create table dossier_file (
  dossier_id uuid not null references dossier (id),
  file_id uuid not null unique,
  purpose text not null check (purpose in ('component', 'result')),
  component_index integer,
  digitised boolean not null default false,
  attached_at timestamptz not null default now(),
  primary key (dossier_id, file_id)
);
comment on column dossier_file.digitised is 'DuocSoHoa: a paper component scanned at the counter (R-DOS-13)';

create table dossier_supplement (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  stage text not null check (stage in ('reception', 'appraisal')),
  items jsonb not null,
  justification text,
  requested_at timestamptz not null,
  completed_at timestamptz
);
create index dossier_supplement_dossier on dossier_supplement (dossier_id, requested_at);

create table dossier_consultation (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  agency_id uuid not null references agency (id),
  question text not null,
  due_date date not null,
  asked_at timestamptz not null,
  asked_by uuid references account (id),
  answer text,
  answered_at timestamptz,
  answered_by uuid references account (id)
);
create index dossier_consultation_agency on dossier_consultation (agency_id, answered_at);

create table dossier_rating (
  dossier_id uuid primary key references dossier (id),
  account_id uuid references account (id),
  satisfaction text not null check (satisfaction in ('satisfied', 'neutral', 'dissatisfied')),
  contacts_to_complete integer,
  agencies_contacted integer,
  staff_attitude text check (staff_attitude in ('good', 'ordinary', 'bad')),
  comment text,
  rated_at timestamptz not null default now()
);

update role set permissions = permissions || array['dossier.read', 'dossier.receive']
  where code = 'counter_officer';
update role set permissions = permissions || array['dossier.read', 'dossier.process']
  where code = 'staff';
update role set permissions = permissions || array['dossier.read', 'dossier.process', 'dossier.approve', 'dossier.stats']
  where code = 'leader';
update role set permissions = permissions || array['dossier.read', 'dossier.stats']
  where code = 'auditor';
update role set permissions = permissions || array['dossier.read', 'dossier.receive', 'dossier.process', 'dossier.approve', 'dossier.stats', 'payment.reconcile', 'integration.manage']
  where code = 'system_admin';
