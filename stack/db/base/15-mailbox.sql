-- The local mailbox: every email the stack sends (auth mail, and the app's own mail in local mode)
-- is kept here instead of being delivered. Stack bookkeeping, never exposed through the API.
create table if not exists _atrium.mailbox_messages (
  id uuid primary key default gen_random_uuid(),
  "to" text not null,
  "from" text not null,
  subject text not null,
  text text not null default '',
  html text not null default '',
  created_at timestamptz not null default clock_timestamp()
);
create index if not exists mailbox_messages_to_created_at_idx on _atrium.mailbox_messages (lower("to"), created_at desc);
create index if not exists mailbox_messages_created_at_idx on _atrium.mailbox_messages (created_at desc);
comment on table _atrium.mailbox_messages is 'Local stack: emails captured instead of sent, browsable at /mailbox.';
revoke all on _atrium.mailbox_messages from public, anon, authenticated;
