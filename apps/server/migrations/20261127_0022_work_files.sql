-- Work files (hồ sơ công việc) and retention (issue 4, item 2 "Work files"): documents of one
-- matter grouped under a file code (FileCode = OrganId + FileCatalog + FileNotation, NĐ 30/2020
-- Phụ lục VI part II), numbered inside the file (DocOrdinal), closed when the work ends and handed
-- to the agency archive within a year (Art 30; 3 months after settlement for XDCB files).
-- Rules: vn-norms R-DOC-9, R-ARC-1, R-ARC-2.

-- Retention (thời hạn bảo quản) of each document type, as data with an effective date: the schedule
-- of TT 10/2022/TT-BNV was not read (vn-norms §2.5, [U]), so these defaults are to be confirmed by
-- the agency's archivist; a later row with a later effective_from replaces a value without losing it.
create table document_retention (
  type_code text not null references document_type (code),
  effective_from date not null,
  retention_years integer check (retention_years between 1 and 100),
  source text not null check (length(source) between 1 and 300),
  primary key (type_code, effective_from)
);
comment on table document_retention is 'Thời hạn bảo quản per document type (R-ARC-2); retention_years null = vĩnh viễn (permanent)';

insert into document_retention (type_code, effective_from, retention_years, source)
select code, date '2020-03-05',
  case
    when code in ('nghi_quyet', 'quyet_dinh', 'chi_thi', 'quy_che', 'quy_dinh', 'de_an') then null
    when code in ('ke_hoach', 'chuong_trinh', 'bao_cao', 'bien_ban', 'to_trinh', 'hop_dong', 'huong_dan',
                  'phuong_an', 'du_an', 'ban_ghi_nho', 'ban_thoa_thuan') then 20
    when code in ('giay_moi', 'giay_gioi_thieu', 'giay_nghi_phep', 'phieu_gui', 'phieu_chuyen', 'phieu_bao') then 5
    else 10
  end,
  'Mặc định [U]: chưa đối chiếu TT 10/2022/TT-BNV; lưu trữ cơ quan xác nhận'
from document_type;

create table work_file (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  file_catalog integer not null check (file_catalog between 2000 and 2199),
  file_notation text not null check (file_notation ~ '^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.-]{0,19}$'),
  title text not null check (length(title) between 1 and 500),
  description text check (length(description) between 1 and 500),
  -- Set on the file (explicit), or the longest retention of its documents' types, frozen at closing.
  retention_from text not null check (retention_from in ('explicit', 'documents')),
  retention_years integer check (retention_years between 1 and 100),
  retention_permanent boolean not null default false,
  rights text not null default 'restricted' check (rights in ('public', 'restricted', 'confidential')),
  kind text not null default 'general' check (kind in ('general', 'construction')),
  language text not null default 'Tiếng Việt',
  state text not null default 'open' check (state in ('open', 'closed', 'archived')),
  start_date date not null,
  end_date date,
  archive_due_on date,
  archived_at timestamptz,
  created_by uuid not null references account (id),
  created_at timestamptz not null default now(),
  constraint work_file_code_once unique (agency_id, file_catalog, file_notation),
  check ((state = 'open') = (end_date is null)),
  check ((state = 'archived') = (archived_at is not null)),
  check (not (retention_permanent and retention_years is not null))
);
comment on table work_file is 'Hồ sơ công việc (NĐ 30/2020 ch. IV, Phụ lục VI part II)';
create index work_file_archive_due on work_file (agency_id, archive_due_on) where state = 'closed';

-- A document belongs to many files without being copied (Phụ lục VI): a row points to it.
create table work_file_document (
  work_file_id uuid not null references work_file (id),
  doc_ordinal integer not null check (doc_ordinal between 1 and 999),
  incoming_document_id uuid references incoming_document (id),
  outgoing_number_id uuid references outgoing_number (id),
  added_by uuid not null references account (id),
  added_at timestamptz not null default now(),
  -- Deferred, so that taking a document out can move the later ones up in one statement.
  primary key (work_file_id, doc_ordinal) deferrable initially deferred,
  constraint work_file_incoming_once unique (work_file_id, incoming_document_id),
  constraint work_file_outgoing_once unique (work_file_id, outgoing_number_id),
  check (num_nonnulls(incoming_document_id, outgoing_number_id) = 1)
);
create index work_file_document_incoming on work_file_document (incoming_document_id);
create index work_file_document_outgoing on work_file_document (outgoing_number_id);

-- The văn thư keeps files too; staff already receive document.handle with the incoming and outgoing
-- work (migrations 0018, 0019), granted here as well so that this migration stands alone.
update role set permissions = permissions || array['document.handle']
  where code in ('staff', 'clerk', 'system_admin') and not ('document.handle' = any (permissions));
