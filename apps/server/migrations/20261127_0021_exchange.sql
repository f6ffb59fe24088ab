-- Exchange of documents between agencies (issue 4, item 3): edXML packages (QCVN 102:2016) sent and
-- received within this TinhSo, with another TinhSo over HTTPS and through the national axis; status
-- messages back; quarantine of refused packages; the agency-code directory. Rules: vn-norms §2.3,
-- §3.3, R-EDX-1 … 6. Decision: ADR 0021.

-- The agency-code directory (R-EDX-5): agencies that are not on this server, by mã định danh, and how
-- to reach them. Agencies on this server (table agency) are reached directly and need no row here.
create table exchange_directory (
  code text primary key check (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
  name text not null check (length(name) between 1 and 300),
  transport text not null check (transport in ('peer', 'axis')),
  peer text check (peer ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  source text not null check (source in ('import', 'axis')),
  updated_at timestamptz not null default now(),
  constraint exchange_directory_peer check ((transport = 'peer') = (peer is not null))
);
comment on table exchange_directory is
  'Agency codes (mã định danh) outside this server and their transport: a peer TinhSo (named in EXCHANGE_PEERS) or the national axis';

-- A document sent (one row per document and business type), its files and, once built, the signed
-- package: every retry and every recipient gets the same bytes.
create table exchange_package (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  document_id text not null check (length(document_id) between 1 and 300),
  business_type text not null check (business_type in ('new', 'revocation', 'update', 'replacement')),
  source_kind text not null check (source_kind in ('outgoing')),
  source_id uuid not null,
  document jsonb not null,
  signed_xml bytea,
  created_at timestamptz not null default now(),
  constraint exchange_package_once unique (agency_id, document_id, business_type)
);
comment on table exchange_package is 'edXML packages sent: the metadata as given, the signed XML built at first delivery';
comment on column exchange_package.document_id is 'The edXML DocumentId: {OrganId},{YYYY/MM/DD},{số/ký hiệu}';
create index exchange_package_source on exchange_package (source_kind, source_id);

create table exchange_package_file (
  package_id uuid not null references exchange_package (id),
  position integer not null check (position >= 0),
  name text not null check (length(name) between 1 and 255),
  media_type text not null check (length(media_type) between 3 and 100),
  content bytea not null,
  primary key (package_id, position)
);
comment on table exchange_package_file is 'Files of a package sent, the signed PDF first';

-- One row per recipient of a package: delivery and the latest status the recipient reported.
create table exchange_outbound (
  id uuid primary key default gen_random_uuid(),
  package_id uuid not null references exchange_package (id),
  recipient_code text not null,
  recipient_name text not null,
  transport text check (transport in ('local', 'peer', 'axis')),
  sent_at timestamptz,
  status_code text check (status_code ~ '^[0-9]{2}$'),
  status_description text,
  status_at timestamptz,
  created_at timestamptz not null default now(),
  constraint exchange_outbound_once unique (package_id, recipient_code)
);
comment on table exchange_outbound is 'A package to one recipient: when it left, by which transport, and the latest status reported back';

create table exchange_outbound_status (
  id uuid primary key default gen_random_uuid(),
  outbound_id uuid not null references exchange_outbound (id),
  code text not null check (code ~ '^[0-9]{2}$'),
  description text,
  staff text,
  reported_at timestamptz not null,
  received_at timestamptz not null default now(),
  constraint exchange_outbound_status_once unique (outbound_id, code, reported_at)
);
comment on table exchange_outbound_status is 'Status messages (01 … 16) received for a package sent, each once';

-- Packages received and accepted: the box of electronic documents waiting for registration.
create table exchange_inbound (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  sender_code text not null,
  sender_name text not null,
  document_id text not null check (length(document_id) between 1 and 300),
  business_type text not null check (business_type in ('new', 'revocation', 'update', 'replacement')),
  transport text not null check (transport in ('local', 'peer', 'axis')),
  envelope jsonb not null,
  package bytea not null,
  verification jsonb not null,
  state text not null default 'waiting' check (state in ('waiting', 'registered', 'returned')),
  incoming_document_id uuid unique references incoming_document (id),
  return_reason text,
  received_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references account (id),
  constraint exchange_inbound_once unique (agency_id, sender_code, document_id, business_type)
);
comment on table exchange_inbound is
  'edXML packages received and checked, waiting for the clerk to register or return them; one per document, sender and business type';
comment on column exchange_inbound.envelope is 'The parsed header and the attachments without their content';
comment on column exchange_inbound.verification is 'The XML-DSig signer and the report of each PDF signature at arrival';
create index exchange_inbound_box on exchange_inbound (agency_id, state, received_at desc);

-- Packages refused at arrival: kept with the reasons, never half-registered.
create table exchange_quarantine (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid references agency (id),
  sender_code text,
  document_id text,
  transport text not null check (transport in ('local', 'peer', 'axis')),
  reasons jsonb not null,
  package bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  received_at timestamptz not null default now()
);
comment on table exchange_quarantine is
  'Refused packages (malformed, unsigned, bad signature) with the reasons; agency_id null when the recipient could not be read';
create index exchange_quarantine_recent on exchange_quarantine (received_at desc);

-- Who follows the exchange: the clerk of each agency and the system administrator.
update role set permissions = permissions || array['exchange.manage']
  where code in ('clerk', 'system_admin') and not ('exchange.manage' = any(permissions));
