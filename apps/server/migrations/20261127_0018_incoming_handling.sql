-- Handling of incoming documents after registration (issue 4, item 2 "Incoming"): submission to a
-- leader, the leader's instruction (bút phê), assignment to one lead with co-operating and informed
-- units or officials and a handling deadline, progress, completion and closing; reminders; the
-- extracted text of the scan for search. Rules: vn-norms §2.1 (handling rules, Phụ lục IV "Phiếu giải
-- quyết văn bản đến", "Sổ theo dõi giải quyết văn bản đến"), R-DOC-4, R-DOC-12. Decision: ADR 0018.

-- Where a document stands. The action log below is the record; the status is kept on the row so the
-- worklists ("my documents", overdue) read one table.
alter table incoming_document
  add column status text not null default 'registered'
    check (status in ('registered', 'submitted', 'assigned', 'in_progress', 'done', 'closed', 'returned')),
  add column deadline_on date,
  add column submitted_to uuid references account (id),
  add column instruction text check (length(instruction) between 1 and 2000),
  add column due_on date,
  add column result_note text check (length(result_note) between 1 and 2000),
  add column reply_reference text check (length(reply_reference) between 1 and 100),
  add column body_text text,
  add column updated_at timestamptz not null default now();
comment on column incoming_document.status is 'registered → submitted → assigned → in_progress → done → closed; returned (to the sender) from registered or submitted';
comment on column incoming_document.deadline_on is 'The deadline the document itself sets (hạn trả lời ghi trên văn bản), if any';
comment on column incoming_document.submitted_to is 'The leader the clerk submitted it to (trình lãnh đạo)';
comment on column incoming_document.instruction is 'Ý kiến chỉ đạo, bút phê of the leader';
comment on column incoming_document.due_on is 'Thời hạn giải quyết: the lead''s deadline (a date, Vietnam time; end of that day)';
comment on column incoming_document.reply_reference is 'Số, ký hiệu or id of the reply document (văn bản trả lời), free text until outgoing documents link it';
comment on column incoming_document.body_text is 'Text extracted from the PDF scan (pdftotext); null for an image-only scan or without poppler';

-- One expression for the search over metadata and the extracted text, with or without diacritics:
-- one trigram index serves it instead of one per column ORed together. The query in
-- incoming-search.ts repeats this expression exactly, or the planner will not use the index.
create index incoming_document_search_trgm on incoming_document using gin (
  f_unaccent(summary || ' ' || issuer_name || ' ' || number_symbol || ' ' || coalesce(body_text, '')) gin_trgm_ops
);
create index incoming_document_open_due on incoming_document (agency_id, due_on)
  where status in ('assigned', 'in_progress');

-- Who handles it (Phiếu giải quyết văn bản đến): one lead (đơn vị / người chủ trì), co-operators
-- (phối hợp) and those informed (để biết), each a unit of the agency or an official, with a deadline.
-- A lead unit's head may later name the official within the unit (account_id set, unit kept).
create table incoming_assignment (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references incoming_document (id),
  role text not null check (role in ('lead', 'cooperate', 'inform')),
  org_unit_id uuid references org_unit (id),
  account_id uuid references account (id),
  due_on date,
  assigned_at timestamptz not null,
  assigned_by uuid not null references account (id),
  read_at timestamptz,
  opinion text check (length(opinion) between 1 and 2000),
  opinion_at timestamptz,
  check (org_unit_id is not null or account_id is not null),
  check (role <> 'lead' or due_on is not null)
);
comment on table incoming_assignment is 'Assignment of an incoming document: one lead, co-operators and informed units or officials, each with its deadline';
create unique index incoming_assignment_one_lead on incoming_assignment (document_id) where role = 'lead';
create index incoming_assignment_document on incoming_assignment (document_id);
create index incoming_assignment_account on incoming_assignment (account_id) where account_id is not null;
create index incoming_assignment_unit on incoming_assignment (org_unit_id) where org_unit_id is not null;

-- The document's history (append-only): every step of its handling, with who and when.
create table incoming_action (
  id bigint generated always as identity primary key,
  document_id uuid not null references incoming_document (id),
  at timestamptz not null,
  action text not null check (action in
    ('register', 'submit', 'assign', 'reassign', 'progress', 'opinion', 'read', 'complete', 'close', 'return')),
  from_status text,
  to_status text not null,
  actor_account_id uuid references account (id),
  actor_label text not null,
  note text check (length(note) <= 2000),
  data jsonb not null default '{}'
);
comment on table incoming_action is 'Action log of an incoming document (its history): append-only';
create index incoming_action_document on incoming_action (document_id, id);

insert into incoming_action (document_id, at, action, from_status, to_status, actor_account_id, actor_label)
  select d.id, d.received_at, 'register', null, 'registered', d.registered_by, a.display_name
  from incoming_document d join account a on a.id = d.registered_by;

-- Reminders sent, once per assignment, kind and deadline (a new deadline is reminded again).
create table incoming_reminder (
  assignment_id uuid not null references incoming_assignment (id),
  kind text not null check (kind in ('due_soon', 'overdue')),
  due_on date not null,
  recipients integer not null,
  sent_at timestamptz not null default now(),
  primary key (assignment_id, kind, due_on)
);
comment on table incoming_reminder is 'Reminders before and after the handling deadline of an incoming document, each sent once';

-- Leaders instruct and assign; staff handle what they are given and read their agency's register to
-- do so; the clerk keeps register and issue and closes. The system administrator holds every
-- permission a position can carry (see 20261127_0016_documents_grants.sql).
update role set permissions = permissions || array['document.instruct']
  where code in ('leader', 'system_admin') and not ('document.instruct' = any(permissions));
update role set permissions = permissions || array['document.handle']
  where code in ('staff', 'system_admin') and not ('document.handle' = any(permissions));
update role set permissions = permissions || array['document.read']
  where code = 'staff' and not ('document.read' = any(permissions));
