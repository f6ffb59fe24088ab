-- Uploaded files: what citizens attach to the components of their dossiers and what officers attach
-- as scans and results. The bytes live here (bytea), so that a file and the dossier that takes it
-- commit together; every stored file passed a virus scan (there is no 'pending' state: an upload
-- that could not be scanned is refused, not stored).

create table stored_file (
  id uuid primary key default gen_random_uuid(),
  owner_account_id uuid not null references account (id),
  name text not null check (length(name) between 1 and 255),
  media_type text not null check (
    media_type in (
      'application/pdf',
      'image/jpeg',
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
  ),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  scan_status text not null check (scan_status = 'clean'),
  scanner text not null check (scanner in ('clamd', 'builtin')),
  created_at timestamptz not null default now(),
  attached_kind text check (attached_kind ~ '^[a-z][a-z_]{0,39}$'),
  attached_id uuid,
  attached_at timestamptz,
  constraint stored_file_size_matches check (octet_length(content) = size_bytes),
  constraint stored_file_attachment_whole check (
    (attached_kind is null and attached_id is null and attached_at is null)
    or (attached_kind is not null and attached_id is not null and attached_at is not null)
  )
);
comment on table stored_file is 'Uploaded files (PDF, JPEG, PNG, DOCX, XLSX), virus-scanned before storing; unattached until a dossier (attached_kind, attached_id) takes them';
comment on column stored_file.name is 'The original file name, cleaned for display (no path, control or direction characters)';
comment on column stored_file.media_type is 'The type found in the bytes (magic numbers), not the one the client declared';
comment on column stored_file.scanner is 'Which scanner passed the file: clamd, or the built-in matcher of the project signature file (demo only)';

-- PDF, JPEG, PNG and OOXML are compressed already: do not spend CPU on pglz, store out of line.
alter table stored_file alter column content set storage external;

create index stored_file_attached_idx on stored_file (attached_kind, attached_id) where attached_kind is not null;
create index stored_file_owner_unattached_idx on stored_file (owner_account_id, created_at) where attached_kind is null;

insert into setting (key, effective_from, value, note) values
  ('files.maxBytes', '2026-01-01', '10485760', 'Largest accepted upload: 10 MiB per file (scans of a few pages at 300 dpi fit)');
