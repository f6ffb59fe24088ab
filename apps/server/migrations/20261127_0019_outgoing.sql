-- Outgoing documents from draft to issue (issue 4, item 2 "Outgoing"; vn-norms §2.1, R-DOC-1/2/3/5,
-- R-SIG-1/2): the draft and its versions, the opinions asked of colleagues, the history of review,
-- approval, signature and issue, the recipients, and the authorisations (thừa ủy quyền) a head gives.

create table outgoing_draft (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  type_code text not null references document_type (code),
  summary text not null check (length(summary) between 1 and 500),
  body text not null check (length(body) <= 20000),
  place text not null check (length(place) between 1 and 100),
  unit_abbreviation text check (unit_abbreviation ~ '^[A-ZĐ][A-Za-zĐđ]{0,9}$'),
  urgency text not null check (urgency in ('thuong', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null check (confidentiality in ('thuong', 'mat', 'toi_mat', 'tuyet_mat')),
  is_secret boolean generated always as (confidentiality <> 'thuong') stored,
  reply_to_incoming_id uuid references incoming_document (id),
  status text not null default 'draft'
    check (status in ('draft', 'in_review', 'awaiting_signature', 'approved', 'signed', 'issued')),
  drafter_account_id uuid not null references account (id),
  drafter_official_id uuid not null references official (id),
  signer_official_id uuid not null references official (id),
  reviewer_official_id uuid references official (id),
  current_version integer not null default 1 check (current_version > 0),
  -- Set when the signer signs: the block printed (prefix lines, title, name) at signing time.
  signing_block jsonb,
  signed_at timestamptz,
  -- Set when the clerk seals, numbers and issues (the sổ đăng ký văn bản đi, Phụ lục IV).
  number_id uuid unique references outgoing_number (id),
  issued_at timestamptz,
  issued_by uuid references account (id),
  copies integer check (copies between 1 and 999),
  kept_by text check (length(kept_by) <= 200),
  note text check (length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'issued') = (number_id is not null and issued_at is not null))
);
comment on table outgoing_draft is 'Outgoing documents (văn bản đi) from the first draft to issue; issued rows are the sổ đăng ký văn bản đi';
comment on column outgoing_draft.is_secret is 'Văn bản mật: never sent through electronic exchange';
create index outgoing_draft_agency on outgoing_draft (agency_id, updated_at desc);
create index outgoing_draft_signer on outgoing_draft (signer_official_id) where status in ('awaiting_signature', 'approved');
create index outgoing_draft_reviewer on outgoing_draft (reviewer_official_id) where status = 'in_review';

-- Every edit is a new version, kept; the signed and the issued PDFs are versions too.
create table outgoing_version (
  id uuid primary key default gen_random_uuid(),
  draft_id uuid not null references outgoing_draft (id),
  version integer not null check (version > 0),
  kind text not null check (kind in ('rendered', 'uploaded', 'signed', 'issued')),
  pdf bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- Where the number line and the date line are left blank, for the stamp at issue (rendered only).
  stamp_boxes jsonb,
  file_id uuid references stored_file (id),
  created_by uuid not null references account (id),
  created_at timestamptz not null default now(),
  unique (draft_id, version)
);
comment on table outgoing_version is 'Versions of an outgoing draft: each edit, the signed PDF and the issued (sealed, numbered) PDF';
alter table outgoing_version alter column pdf set storage external;

create table outgoing_opinion (
  id uuid primary key default gen_random_uuid(),
  draft_id uuid not null references outgoing_draft (id),
  official_id uuid not null references official (id),
  question text not null check (length(question) between 1 and 2000),
  asked_by uuid not null references account (id),
  asked_at timestamptz not null default now(),
  answer text check (length(answer) between 1 and 4000),
  answered_at timestamptz,
  check ((answer is null) = (answered_at is null))
);
comment on table outgoing_opinion is 'Góp ý: opinions the drafter asked of colleagues, and their answers';
create index outgoing_opinion_draft on outgoing_opinion (draft_id);
create index outgoing_opinion_waiting on outgoing_opinion (official_id) where answer is null;

-- The history of a draft, in order (each row is also an audit event).
create table outgoing_step (
  id bigint generated always as identity primary key,
  draft_id uuid not null references outgoing_draft (id),
  action text not null check (action ~ '^[a-z_]{2,30}$'),
  actor_account_id uuid not null references account (id),
  actor_name text not null,
  comment text check (length(comment) <= 2000),
  version integer,
  at timestamptz not null default now()
);
comment on table outgoing_step is 'What happened to an outgoing draft: created, edited, opinion asked/answered, submitted, returned, forwarded, approved, signed, issued';
create index outgoing_step_draft on outgoing_step (draft_id, id);

-- Nơi nhận: agencies of this TinhSo, units of the issuing agency, agencies elsewhere by code.
create table outgoing_recipient (
  id uuid primary key default gen_random_uuid(),
  draft_id uuid not null references outgoing_draft (id),
  position integer not null check (position >= 0),
  kind text not null check (kind in ('agency', 'unit', 'external')),
  agency_id uuid references agency (id),
  org_unit_id uuid references org_unit (id),
  agency_code text check (agency_code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-K][0-9]{2}$'),
  name text not null check (length(name) between 1 and 300),
  -- pending until issue; then delivered (a unit of the agency), queued (for the exchange) or not_sent (secret).
  delivery text not null default 'pending' check (delivery in ('pending', 'delivered', 'queued', 'not_sent')),
  unique (draft_id, position),
  check (
    (kind = 'agency' and agency_id is not null and org_unit_id is null)
    or (kind = 'unit' and org_unit_id is not null and agency_id is null)
    or (kind = 'external' and agency_code is not null and agency_id is null and org_unit_id is null)
  )
);
comment on table outgoing_recipient is 'Nơi nhận of an outgoing document and what became of each at issue';
create index outgoing_recipient_draft on outgoing_recipient (draft_id);

-- Thừa ủy quyền (TUQ.): the head authorises an official to sign in their name for a period.
create table signing_authorisation (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  grantor_official_id uuid not null references official (id),
  grantee_official_id uuid not null references official (id),
  starts_on date not null,
  ends_on date,
  note text check (length(note) <= 500),
  created_by uuid not null references account (id),
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on > starts_on),
  check (grantor_official_id <> grantee_official_id)
);
comment on table signing_authorisation is 'Giấy ủy quyền: the head lets an official sign TUQ. on [starts_on, ends_on)';
create index signing_authorisation_grantee on signing_authorisation (grantee_official_id);

-- Who does what: specialists draft (document.handle) and read; leaders sign; clerks issue. The
-- system administrator holds them too, so it may still create such positions (migration 0016).
update role set permissions = permissions || array['document.handle']
  where code in ('staff', 'system_admin') and not ('document.handle' = any(permissions));
update role set permissions = permissions || array['document.read']
  where code = 'staff' and not ('document.read' = any(permissions));
update role set permissions = permissions || array['document.sign']
  where code in ('leader', 'system_admin') and not ('document.sign' = any(permissions));
update role set permissions = permissions || array['document.issue']
  where code in ('clerk', 'system_admin') and not ('document.issue' = any(permissions));
