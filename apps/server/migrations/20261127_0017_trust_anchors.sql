-- Issue 4 (R-SIG-3, R-SIG-5, vn-norms §3.3): the trust list that signature verification chains to,
-- held as data: the roots of Ban Cơ yếu Chính phủ and of the public CAs (NĐ 23/2025) in production,
-- a test root in the tests. Their CRLs are kept beside them; a signature is valid only when a current
-- CRL from each issuer of its chain says its certificate is not revoked.
create table trust_anchor (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  certificate bytea not null,
  sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  added_at timestamptz not null default now(),
  removed_at timestamptz
);
comment on table trust_anchor is
  'Root certificates (DER) that PDF and edXML signatures must chain to; a removed anchor keeps its row, with removed_at';
comment on column trust_anchor.sha256 is 'SHA-256 of the DER certificate, hex: one row per certificate';

create table trust_crl (
  id uuid primary key default gen_random_uuid(),
  issuer text not null,
  crl bytea not null,
  this_update timestamptz not null,
  next_update timestamptz,
  fetched_at timestamptz not null default now()
);
comment on table trust_crl is
  'Certificate revocation lists (DER) of the CAs under the trust anchors; verification reads those current at the time of the check';
create index trust_crl_current on trust_crl (next_update);
