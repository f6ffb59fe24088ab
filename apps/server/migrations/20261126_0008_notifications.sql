-- The outbox learns to refuse duplicates and to give up; notifications to citizens and officials.

-- A message enqueued twice with the same key (a retried command, two writers) is kept once.
-- Unique on a nullable column: rows without a key never collide.
alter table outbox add column dedupe_key text unique;
-- Set when a message has failed maxAttempts times: the worker stops trying, operations look at it.
alter table outbox add column dead_at timestamptz;
comment on column outbox.dedupe_key is 'Optional key that makes enqueueing the same message twice a no-op';
comment on column outbox.dead_at is 'When the worker gave up after its last attempt; processed_at stays null';
-- What the worker claims: due, neither done nor dead.
create index outbox_ready on outbox (available_at, id) where processed_at is null and dead_at is null;

create table notification (
  id uuid primary key default gen_random_uuid(),
  account_id uuid references account (id),
  channel text not null check (channel in ('in_app', 'email', 'sms', 'zalo')),
  -- The e-mail address, phone (0xxxxxxxxx) or Zalo user's phone; null for in-app.
  address text,
  subject text not null,
  -- The text as sent on this channel (the SMS row holds the short text).
  body text not null,
  template text not null,
  -- The template's parameters, kept for channels that send them apart (Zalo ZNS template_data).
  params jsonb not null default '{}',
  entity_kind text,
  entity_id text,
  language text not null check (language in ('vi', 'en')),
  status text not null check (status in ('pending', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  read_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  provider_message_id text,
  constraint notification_in_app_has_account check (channel <> 'in_app' or account_id is not null),
  constraint notification_external_has_address check (channel = 'in_app' or address is not null),
  constraint notification_entity_whole check ((entity_kind is null) = (entity_id is null))
);
comment on table notification is 'One message to one person on one channel: in-app (read in the portal) or sent by e-mail, SMS or Zalo through the outbox';
create index notification_inbox on notification (account_id, created_at desc) where channel = 'in_app';
create index notification_entity on notification (entity_kind, entity_id) where entity_kind is not null;
