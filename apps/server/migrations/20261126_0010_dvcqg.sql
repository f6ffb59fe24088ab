-- The exchange with the national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG): every
-- attempt to send a dossier's state (đồng bộ hồ sơ), every dossier received from the portal, and each
-- pull run. The dossier module owns the dossier; these tables name it by id for the reconciliation.

create table dvcqg_sync (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossier (id),
  -- The dossier_event whose outbox message caused this attempt; the state sent is the latest, not this event's.
  event_id bigint not null,
  outbox_id bigint,
  attempt integer not null check (attempt >= 1),
  dossier_status text not null,
  -- TrangThaiHoSo sent (1-10).
  status_code smallint not null check (status_code between 1 and 10),
  sent_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  -- The portal's answer as received (error code and message), or null when none came.
  response jsonb,
  error text,
  check (acknowledged_at is null or error is null)
);
comment on table dvcqg_sync is 'One attempt to send a dossier''s current state to Cổng DVCQG: acknowledged, or failed with the reason (R-DOS-16)';
create index dvcqg_sync_dossier on dvcqg_sync (dossier_id, id);
create index dvcqg_sync_sent on dvcqg_sync (sent_at);

create table dvcqg_inbound (
  id bigint generated always as identity primary key,
  -- MaHoSo as the portal gave it; null when the document had none.
  code text,
  received_at timestamptz not null default now(),
  status text not null check (status in ('imported', 'refused')),
  dossier_id uuid references dossier (id),
  -- False when the code was already in the back office (a replay): nothing was created.
  created boolean not null default false,
  reason text,
  -- The portal's document, kept for a refused one so that an official can see what was wrong.
  document jsonb,
  check ((status = 'imported') = (dossier_id is not null))
);
comment on table dvcqg_inbound is 'A dossier filed on Cổng DVCQG for one of our agencies: imported into the back office or refused with the reason';
create index dvcqg_inbound_code on dvcqg_inbound (code);
create index dvcqg_inbound_received on dvcqg_inbound (received_at);

create table dvcqg_pull_run (
  id bigint generated always as identity primary key,
  started_at timestamptz not null default now(),
  -- What was asked of the portal: dossiers filed since this instant.
  since timestamptz not null,
  finished_at timestamptz,
  received integer not null default 0,
  imported integer not null default 0,
  refused integer not null default 0,
  error text
);
comment on table dvcqg_pull_run is 'One pull of dossiers from Cổng DVCQG; the next pull asks from the start of the last one that finished without error';
