-- Fee payments (lệ phí, phí) of administrative procedures: the invoice a dossier owes, each online
-- payment attempt, every callback the payment platform sent, and the e-receipt (biên lai điện tử).
-- The dossier module owns the dossier; an invoice names its subject by kind and id, without a
-- foreign key, so that payments do not depend on the dossier tables.

create table fee_invoice (
  id uuid primary key default gen_random_uuid(),
  subject_kind text not null check (subject_kind ~ '^[a-z_]{1,40}$'),
  subject_id uuid not null,
  payer_account_id uuid references account (id),
  payer_name text not null check (length(payer_name) between 1 and 200),
  description text not null check (length(description) between 1 and 500),
  -- A free procedure gets no invoice at all (the caller checks), so an amount is always positive.
  amount_vnd integer not null check (amount_vnd > 0),
  status text not null default 'open' check (status in ('open', 'pending', 'paid', 'cancelled')),
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  cancelled_at timestamptz,
  -- 'paygov' (or another gateway adapter); null when paid at the counter.
  provider text,
  provider_txn_id text,
  -- DuocThanhToanTrucTuyen of the DVCQG sync: 1 DVCQG payment platform, 2 provincial gateway, null counter.
  paid_online smallint check (paid_online in (1, 2)),
  receipt_no text unique,
  constraint fee_invoice_provider_txn unique (provider, provider_txn_id),
  constraint fee_invoice_paid_has_receipt check ((status = 'paid') = (paid_at is not null and receipt_no is not null))
);
comment on table fee_invoice is 'A fee (lệ phí/phí) owed for one subject (e.g. a dossier); paid online through a payment platform or at the counter';
create index fee_invoice_subject on fee_invoice (subject_kind, subject_id);
create index fee_invoice_payer on fee_invoice (payer_account_id);
create index fee_invoice_paid_at on fee_invoice (paid_at) where paid_at is not null;

create table payment_attempt (
  id uuid primary key default gen_random_uuid(),
  invoice_id uuid not null references fee_invoice (id),
  provider text not null,
  -- The order reference sent to the platform; the callback names the attempt by it.
  order_ref text not null unique,
  amount_vnd integer not null check (amount_vnd > 0),
  -- Where the citizen's browser goes back to in the web app (a path on our own origin).
  return_path text not null,
  redirect_url text not null,
  status text not null default 'redirected'
    check (status in ('redirected', 'succeeded', 'failed', 'cancelled', 'refund_due')),
  provider_txn_id text,
  -- The acknowledgement answered to the first callback, answered again to every replay.
  ack text,
  callback jsonb,
  callback_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table payment_attempt is 'One redirect of a citizen to the payment platform for an invoice, and the callback that settled it';
create index payment_attempt_invoice on payment_attempt (invoice_id);
create index payment_attempt_created on payment_attempt (created_at);

create table payment_callback (
  id bigint generated always as identity primary key,
  provider text not null,
  order_ref text,
  outcome text not null
    check (outcome in ('accepted', 'replayed', 'bad_signature', 'unknown_order', 'amount_mismatch', 'refund_due')),
  params jsonb not null,
  remote_ip text,
  received_at timestamptz not null default now()
);
comment on table payment_callback is 'Every server-to-server callback (IPN) received, verified or not, for reconciliation';
create index payment_callback_received on payment_callback (received_at);

create table fee_receipt_series (
  year smallint primary key,
  last_seq integer not null check (last_seq > 0)
);
comment on table fee_receipt_series is 'The last e-receipt number issued per year; its row lock keeps the series without gaps';

create table fee_receipt (
  id uuid primary key default gen_random_uuid(),
  receipt_no text not null unique,
  year smallint not null,
  seq integer not null,
  invoice_id uuid not null unique references fee_invoice (id),
  amount_vnd integer not null check (amount_vnd > 0),
  payer_name text not null,
  content text not null,
  provider text,
  provider_txn_id text,
  paid_online smallint check (paid_online in (1, 2)),
  issued_at timestamptz not null default now(),
  constraint fee_receipt_seq unique (year, seq)
);
comment on table fee_receipt is 'E-receipts (biên lai điện tử) of fees, numbered BL-YYYY-NNNNNN in one series per year without gaps';
