-- The procedure catalogue: a procedure is its national code; what it requires lives in dated versions.

create table procedure (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  sector_code text not null,
  name text not null,
  created_at timestamptz not null default now()
);
comment on table procedure is 'Administrative procedures (TTHC) by national code (CSDL quốc gia về TTHC); name and sector are those of the latest published version';

create table procedure_version (
  id uuid primary key default gen_random_uuid(),
  procedure_id uuid not null references procedure (id),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'published')),
  effective_from date not null,
  effective_to date check (effective_to is null or effective_to > effective_from),
  name text not null,
  sector_code text not null,
  levels text[] not null,
  online_level text not null check (online_level in ('toan_trinh', 'mot_phan')),
  content jsonb not null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  unique (procedure_id, version),
  check ((status = 'published') = (published_at is not null))
);
comment on table procedure_version is 'What a procedure requires from effective_from until the day before effective_to (components, form, fees, deadline, steps, online level); a dossier is pinned to one row';
comment on column procedure_version.content is 'The version as the API answers it (ProcedureContent in packages/contracts/src/procedures.ts)';
create index procedure_version_in_force on procedure_version (procedure_id, effective_from) where status = 'published';
create index procedure_version_name_trgm on procedure_version using gin (f_unaccent(name) gin_trgm_ops);

update role set permissions = array_append(permissions, 'procedure.manage')
  where code = 'system_admin' and not ('procedure.manage' = any(permissions));
