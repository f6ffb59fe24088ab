-- Issue 4 item 1 ("revocation through CRL or OCSP where configured", ADR 0026): OCSP (RFC 6960) per
-- trust anchor. The administrator names the responder of a CA's certificates, or allows the URL the
-- certificates themselves carry in their Authority Information Access; both are data, changed on the
-- trust-list page and audited (trust_anchor.ocsp_configured). Without either, revocation is by CRL.
alter table trust_anchor
  add column ocsp_url text check (
    ocsp_url is null or (length(ocsp_url) <= 500 and (ocsp_url ~ '^https?://' or ocsp_url ~ '^/simulators/'))
  ),
  add column ocsp_use_aia boolean not null default false;
comment on column trust_anchor.ocsp_url is
  'The OCSP responder asked for the certificates chaining to this root; /simulators/… is this server''s simulator (demo only)';
comment on column trust_anchor.ocsp_use_aia is
  'Ask the responder named in a certificate''s Authority Information Access when no ocsp_url is set';

-- The demo CA's delegated OCSP responder key (id-kp-OCSPSigning), served by the OCSP simulator the way
-- the tsa key is served by the TSA simulator.
alter table signing_key drop constraint signing_key_kind_check;
alter table signing_key
  add constraint signing_key_kind_check check (kind in ('personal', 'seal', 'tsa', 'ocsp'));
