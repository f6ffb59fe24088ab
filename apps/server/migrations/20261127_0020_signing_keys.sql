-- Issue 4 item 1 (R-SIG-1, R-SIG-4, vn-norms §3.2): the signing keys TinhSo holds for officials (ký số
-- cá nhân) and for agencies (ký số cơ quan, the seal the văn thư applies), each imported from a PKCS#12
-- file. The private key is stored encrypted (AES-256-GCM under a key derived from SIGNING_KEY_SECRET,
-- ADR 0020): the database alone never yields a key. Certificates are public and kept in clear.
create table signing_key (
  id uuid primary key,
  kind text not null check (kind in ('personal', 'seal', 'tsa')),
  official_id uuid references official (id),
  agency_id uuid not null references agency (id),
  subject text not null,
  common_name text,
  issuer text not null,
  serial_number text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  algorithm text not null check (algorithm in ('RSASSA-PKCS1-v1_5', 'ECDSA')),
  certificate_sha256 text not null unique check (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  certificate_chain jsonb not null,
  private_key_ciphertext bytea not null,
  kek_id text not null,
  status text not null default 'active' check (status in ('active', 'revoked')),
  enrolled_at timestamptz not null default now(),
  enrolled_by uuid references account (id),
  revoked_at timestamptz,
  revoked_by uuid references account (id),
  revoke_reason text,
  check ((kind = 'personal') = (official_id is not null)),
  check ((status = 'revoked') = (revoked_at is not null)),
  check (not_after > not_before)
);
comment on table signing_key is
  'Signing keys from PKCS#12 files: personal (an official, under the agency of their position) or seal (an agency); the private key encrypted';
comment on column signing_key.certificate_chain is 'Base64 DER certificates, the signer''s first, then its issuers';
comment on column signing_key.private_key_ciphertext is
  'PKCS#8 DER under AES-256-GCM: 12-byte nonce, ciphertext, 16-byte tag; the row id is the additional data';
comment on column signing_key.kek_id is 'Fingerprint of the key-encryption key (from SIGNING_KEY_SECRET) used';
create index signing_key_personal on signing_key (official_id) where status = 'active';
create index signing_key_seal on signing_key (agency_id) where kind = 'seal' and status = 'active';

-- R-SIG-2: the official's handwritten signature as a transparent PNG, drawn in blue in the visible
-- personal signature; without one the signer's name is written instead.
create table official_signature_image (
  official_id uuid primary key references official (id),
  png bytea not null,
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references account (id)
);
comment on table official_signature_image is 'The PNG of an official''s signature for visible PDF signatures (NĐ 30/2020 Phụ lục I)';

-- The system administrator keeps the keys and the trust list (the one role that holds signature.manage).
update role set permissions = permissions || array['signature.manage']
  where code = 'system_admin' and not ('signature.manage' = any(permissions));
