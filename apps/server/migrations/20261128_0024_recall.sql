-- Recall (thu hồi) and replacement (thay thế) of issued documents across the exchange (issue 4 item 3
-- "new, revocation, update and replacement messages"; vn-norms §2.1 "Recall", §2.3 BussinessDocType
-- 1/3 and status codes 13/15/16, R-DOC-11, R-EDX-2, R-EDX-3). Decision: ADR 0023.

-- The issuer freezes a recalled document and its metadata (R-DOC-11): it keeps its number, its
-- versions and its recipients, and no step is allowed any more. A draft may name the issued document
-- of its agency that it replaces; issuing it sends a replacement (BussinessDocType 3).
alter table outgoing_draft drop constraint outgoing_draft_status_check;
alter table outgoing_draft add constraint outgoing_draft_status_check
  check (status in ('draft', 'in_review', 'awaiting_signature', 'approved', 'signed', 'issued', 'recalled'));
alter table outgoing_draft drop constraint outgoing_draft_check;
alter table outgoing_draft add constraint outgoing_draft_numbered
  check ((status in ('issued', 'recalled')) = (number_id is not null and issued_at is not null));
alter table outgoing_draft
  add column recalled_at timestamptz,
  add column recalled_by uuid references account (id),
  add column recall_reason text check (length(recall_reason) between 1 and 2000),
  add column replaces_draft_id uuid references outgoing_draft (id),
  add constraint outgoing_draft_recalled
    check ((status = 'recalled') = (recalled_at is not null and recalled_by is not null and recall_reason is not null)),
  add constraint outgoing_draft_replaces_other check (replaces_draft_id <> id);
comment on column outgoing_draft.recall_reason is 'Why the issuer recalled the issued document (sent as BussinessDocReason)';
comment on column outgoing_draft.replaces_draft_id is 'The issued document of the same agency this one replaces (văn bản thay thế)';

-- The receiver destroys its copy and keeps the recall (R-DOC-11): the register line stays (số đến,
-- dates, issuer, number and symbol, type, trích yếu) with the recall's date and reason; the PDF, its
-- extracted text and the received package are deleted. A replaced document is marked and linked.
alter table incoming_document drop constraint incoming_document_status_check;
alter table incoming_document add constraint incoming_document_status_check
  check (status in ('registered', 'submitted', 'assigned', 'in_progress', 'done', 'closed', 'returned', 'recalled'));
alter table incoming_document
  add column recalled_at timestamptz,
  add column recall_reason text check (length(recall_reason) between 1 and 2000),
  add column replaced_at timestamptz,
  add column replaced_by_reference text check (length(replaced_by_reference) between 1 and 300),
  add column replaced_by_id uuid references incoming_document (id),
  add constraint incoming_document_recalled check ((status = 'recalled') = (recalled_at is not null)),
  add constraint incoming_document_replaced check (replaced_by_reference is null or replaced_at is not null);
comment on column incoming_document.recalled_at is 'When the issuer''s recall (thu hồi) arrived; the copy was destroyed then';
comment on column incoming_document.replaced_by_reference is 'Số/ký hiệu and DocumentId of the document that replaces this one';
comment on column incoming_document.replaced_by_id is 'The replacing document once it is registered here';

alter table incoming_action drop constraint incoming_action_action_check;
alter table incoming_action add constraint incoming_action_action_check check (action in
  ('register', 'submit', 'assign', 'reassign', 'progress', 'opinion', 'read', 'complete', 'close', 'return',
   'recall', 'replace'));

-- Received packages: an entry whose document was recalled loses its package bytes (state recalled);
-- the revocation received is kept as its own row (business_type revocation) with its answer.
alter table exchange_inbound drop constraint exchange_inbound_state_check;
alter table exchange_inbound add constraint exchange_inbound_state_check
  check (state in ('waiting', 'registered', 'returned', 'recalled', 'applied', 'refused'));
alter table exchange_inbound
  add column recalled_at timestamptz,
  add column recall_reason text check (length(recall_reason) between 1 and 2000);
comment on column exchange_inbound.state is
  'waiting → registered | returned; any of them → recalled (bytes deleted); a revocation row: applied (15 sent) or refused (16 sent)';
