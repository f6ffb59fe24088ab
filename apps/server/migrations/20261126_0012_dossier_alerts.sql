-- Alerts and reminders to officials (R-DOS-10, R-DOS-11, step reminders) and the channels a citizen chose.

create table dossier_alert (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  kind text not null check (kind in ('handover_late', 'consultation_overdue', 'transfer_overdue', 'step_reminder')),
  -- What the alert is about within the dossier: 'receipt', 'consultation:<id>' or 'step:<index>:<entered, epoch ms>'.
  subject text not null,
  step_index integer,
  step_started_at timestamptz,
  consultation_id uuid references dossier_consultation (id),
  -- The instant that was missed (an alert) or that the reminder fired for.
  due_at timestamptz not null,
  recipients integer not null check (recipients >= 0),
  created_at timestamptz not null default now(),
  unique (dossier_id, kind, subject)
);
comment on table dossier_alert is 'Each alert or reminder sent about a dossier, once per dossier, subject (receipt, consultation, step) and kind; written in the transaction that notifies the officials';
create index dossier_alert_step on dossier_alert (dossier_id, kind, step_index, step_started_at);

create table notification_preference (
  account_id uuid primary key references account (id),
  channels text[] not null check (channels <@ array['email', 'sms', 'zalo']::text[]),
  zalo_phone text check (zalo_phone ~ '^(0|84)[0-9]{9}$'),
  updated_at timestamptz not null default now()
);
comment on table notification_preference is 'The channels beyond the portal inbox a citizen wants dossier notices on; without a row: e-mail and SMS';
comment on column notification_preference.zalo_phone is 'The phone number the person uses on Zalo, when it is not the one on their dossiers';
