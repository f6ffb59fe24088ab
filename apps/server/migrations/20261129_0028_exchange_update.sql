-- Update messages (BussinessDocType 2, cập nhật) across the exchange (issue 4, ADR 0027): the issuer
-- corrects the metadata of a document it sent (trích yếu, độ khẩn, hạn trả lời) with a reason, and
-- every recipient's copy takes the correction, with a line of its history.
--
-- A document may be updated more than once: packages and received entries of type update carry a
-- revision, and uniqueness covers it. The sender numbers its updates 1, 2 …; the receiver keys an
-- update by the SHA-256 of the package bytes (a retry delivers the same signed bytes, so it is still
-- a duplicate). Every other business type keeps revision 0 / '' and its one-row-per-document rule.
alter table exchange_package add column revision integer not null default 0 check (revision >= 0);
alter table exchange_package drop constraint exchange_package_once;
alter table exchange_package
  add constraint exchange_package_once unique (agency_id, document_id, business_type, revision),
  add constraint exchange_package_revision check ((business_type = 'update') = (revision > 0));
comment on column exchange_package.revision is 'Update messages: 1, 2 … per document; 0 for every other business type';

alter table exchange_inbound add column revision text not null default '' check (length(revision) <= 64);
alter table exchange_inbound drop constraint exchange_inbound_once;
alter table exchange_inbound
  add constraint exchange_inbound_once unique (agency_id, sender_code, document_id, business_type, revision);
comment on column exchange_inbound.revision is
  'Update messages: the SHA-256 of the package (each update is its own row); empty for every other business type';

-- An update that arrives before its document waits (pending) and is applied when the document comes.
alter table exchange_inbound drop constraint exchange_inbound_state_check;
alter table exchange_inbound add constraint exchange_inbound_state_check
  check (state in ('waiting', 'registered', 'returned', 'recalled', 'applied', 'refused', 'pending'));
comment on column exchange_inbound.state is
  'waiting → registered | returned; any of them → recalled (bytes deleted); a revocation: applied (15) or refused (16); an update: applied, or pending until its document arrives, refused when the document was recalled';

alter table incoming_action drop constraint incoming_action_action_check;
alter table incoming_action add constraint incoming_action_action_check check (action in
  ('register', 'submit', 'assign', 'reassign', 'progress', 'opinion', 'read', 'complete', 'close', 'return',
   'recall', 'replace', 'update'));
