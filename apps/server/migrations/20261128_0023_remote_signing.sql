-- Issue 4 item 1, R-SIG-4 (vn-norms §3.3): remote signing (ký số từ xa). An official whose key lives
-- with a remote-signing service (VNPT SmartCA, Viettel MySign, Ban Cơ yếu's remote signing) signs by
-- confirming a request on their phone; TinhSo sends only a SHA-256 digest (ADR 0022). Which official
-- signs remotely is data: one current account per official, enrolled by the system administrator.
create table remote_signing_account (
  id uuid primary key,
  official_id uuid not null references official (id),
  agency_id uuid not null references agency (id),
  provider_user_id text not null check (length(provider_user_id) between 1 and 200),
  credential_id text not null check (length(credential_id) between 1 and 200),
  subject text not null,
  serial_number text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  algorithm text not null check (algorithm in ('RSASSA-PKCS1-v1_5', 'ECDSA')),
  certificate_sha256 text not null check (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  certificate_chain jsonb not null,
  enrolled_at timestamptz not null default now(),
  enrolled_by uuid references account (id),
  removed_at timestamptz,
  removed_by uuid references account (id),
  check (not_after > not_before)
);
comment on table remote_signing_account is
  'An official who signs through the remote-signing service: the provider''s user id and the certificate it answered at enrolment';
comment on column remote_signing_account.certificate_chain is
  'Base64 DER certificates from the provider, the signer''s first; cached so that signing needs no extra request';
create unique index remote_signing_account_current on remote_signing_account (official_id)
  where removed_at is null;

-- The simulator of the remote-signing service (SIMULATORS=true only): the keys its users hold, as the
-- real service keeps them in its HSM. Encrypted as signing_key rows are (ADR 0020). Never read by the
-- platform: only modules/signatures/remote/simulator.ts uses it.
create table remote_signing_simulator_user (
  user_id text primary key check (length(user_id) between 1 and 200),
  display_name text not null,
  algorithm text not null check (algorithm in ('RSASSA-PKCS1-v1_5', 'ECDSA')),
  certificate_chain jsonb not null,
  private_key_ciphertext bytea not null,
  kek_id text not null,
  auto_confirm boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table remote_signing_simulator_user is
  'Users of the local remote-signing simulator (demo and tests): key encrypted under SIGNING_KEY_SECRET, certificate from the demo CA';
comment on column remote_signing_simulator_user.auto_confirm is
  'Benchmarks only: the simulated phone confirms every request at once';
