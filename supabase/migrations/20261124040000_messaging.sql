-- Messaging: channels scoped by participation, their members and their messages. A channel exists per
-- project (staff + that project's client members), per crowd project (staff + joined participants), per
-- support ticket and per marketplace application (those modules attach later, see below), and per pair
-- of people (direct messages). Only members read or write a channel, enforced by RLS; staff of the
-- organization do not read other people's direct messages. Membership of project and crowd channels is
-- derived: triggers keep it in step with organization_members, projects and crowd_participants.
--
-- Ticket and application channels: the support and marketplace modules insert a channel with
-- kind 'ticket' (ticket_id set) or 'application' (application_id set) from a security-definer trigger on
-- their own table, add the members they decide on (requester + support staff, applicant + gig owner),
-- and add their foreign key (ticket_id/application_id, organization_id) with `on delete cascade` once
-- their tables exist. One channel per ticket or application (partial unique indexes below).
--
-- Live: messages and channel_members are in the supabase_realtime publication (postgres_changes are
-- checked against each subscriber's RLS). Typing and presence use Realtime broadcast/presence on the
-- private topic `channel:<channel id>`, which only the channel's members may join (realtime.messages
-- policies at the end).

create type public.channel_kind as enum ('project', 'ticket', 'crowd', 'application', 'direct');
grant usage on type public.channel_kind to anon, authenticated, service_role;

-- Digest e-mail of notifications left unread this many minutes (null: no digest). Admins set it.
alter table public.organizations
  add column notification_digest_minutes integer default 60
    check (notification_digest_minutes is null or notification_digest_minutes between 15 and 10080);
grant update (notification_digest_minutes) on public.organizations to authenticated;

-- A notification goes into at most one digest e-mail.
alter table public.notifications add column digested_at timestamptz;
create index notifications_digest_due_idx on public.notifications (created_at) where read_at is null and digested_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Validation of the JSON columns.
-- ---------------------------------------------------------------------------------------------------
create function private.is_valid_message_attachments(attachments jsonb, org uuid, channel uuid) returns boolean
language plpgsql immutable set search_path = '' as $$
declare a jsonb;
begin
  if jsonb_typeof(attachments) <> 'array' or jsonb_array_length(attachments) > 5 then
    return false;
  end if;
  for a in select * from jsonb_array_elements(attachments) loop
    if jsonb_typeof(a) <> 'object'
       or jsonb_typeof(a -> 'path') <> 'string'
       -- <organization>/<channel>/<uuid>/<file name>
       or (a ->> 'path') !~ ('^' || org::text || '/' || channel::text || '/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[^/\\]{1,200}$')
       or jsonb_typeof(a -> 'name') <> 'string' or char_length(a ->> 'name') not between 1 and 200
       or jsonb_typeof(a -> 'size') <> 'number' or (a ->> 'size')::numeric not between 0 and 10485760
       or jsonb_typeof(a -> 'content_type') <> 'string' or char_length(a ->> 'content_type') not between 1 and 200 then
      return false;
    end if;
  end loop;
  return true;
end $$;
comment on function private.is_valid_message_attachments is 'Message files: at most 5 of {path (<org>/<channel>/<uuid>/<name>), name, size (<= 10 MB), content_type}.';

create function private.is_valid_reactions(reactions jsonb) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(reactions) = 'object'
    and (select count(*) from jsonb_object_keys(reactions)) <= 50
    and not exists (
      select 1 from jsonb_each(reactions) r
      where char_length(r.key) not between 1 and 16 or jsonb_typeof(r.value) <> 'array' or jsonb_array_length(r.value) = 0
    )
$$;
comment on function private.is_valid_reactions is 'Reactions: {emoji (1..16 characters): [user ids, at least one]}, at most 50 emoji.';

grant execute on function private.is_valid_message_attachments(jsonb, uuid, uuid), private.is_valid_reactions(jsonb)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------
create table public.channels (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  kind public.channel_kind not null,
  name text not null check (char_length(btrim(name)) between 1 and 80),
  topic text check (char_length(topic) <= 500),
  project_id uuid,
  crowd_project_id uuid,
  -- Tables for tickets and marketplace applications come later; their modules add the foreign keys.
  ticket_id uuid,
  application_id uuid,
  -- Direct messages: the two user ids, sorted, joined by ':'.
  direct_key text unique check (direct_key ~ '^[0-9a-f-]{36}:[0-9a-f-]{36}$'),
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_message_at timestamptz,
  archived_at timestamptz,
  unique (id, organization_id),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade,
  foreign key (crowd_project_id, organization_id) references public.crowd_projects (id, organization_id) on delete cascade,
  constraint channels_kind_matches_link check (
    (kind = 'project') = (project_id is not null)
    and (kind = 'crowd') = (crowd_project_id is not null)
    and (kind = 'ticket') = (ticket_id is not null)
    and (kind = 'application') = (application_id is not null)
    and (kind = 'direct') = (direct_key is not null)
  )
);
comment on table public.channels is 'Conversations: one per project, crowd project, ticket and application, and one per pair of people (direct).';
create unique index channels_one_per_project on public.channels (project_id) where project_id is not null;
create unique index channels_one_per_crowd_project on public.channels (crowd_project_id) where crowd_project_id is not null;
create unique index channels_one_per_ticket on public.channels (ticket_id) where ticket_id is not null;
create unique index channels_one_per_application on public.channels (application_id) where application_id is not null;
create index channels_org_kind_idx on public.channels (organization_id, kind);
create index channels_created_by_idx on public.channels (created_by);

create table public.channel_members (
  channel_id uuid not null,
  user_id uuid not null references public.profiles (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'moderator', 'member')),
  last_read_at timestamptz not null default now(),
  muted boolean not null default false,
  joined_at timestamptz not null default now(),
  primary key (channel_id, user_id),
  foreign key (channel_id, organization_id) references public.channels (id, organization_id) on delete cascade
);
comment on table public.channel_members is 'Who is in a channel, their role in it, their read position (last_read_at) and whether they muted it.';
create index channel_members_user_idx on public.channel_members (user_id, channel_id);
create index channel_members_org_idx on public.channel_members (organization_id);

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  channel_id uuid not null,
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  body text not null default '' check (char_length(body) <= 8000),
  -- A thread reply points at a top-level message of the same channel (checked by a trigger).
  parent_id uuid references public.messages (id) on delete cascade,
  -- Channel members mentioned, from `@[Display Name](user id)` tokens in the body (trigger).
  mentions uuid[] not null default '{}' check (cardinality(mentions) <= 50),
  attachments jsonb not null default '[]'::jsonb check (private.is_valid_message_attachments(attachments, organization_id, channel_id)),
  reactions jsonb not null default '{}'::jsonb check (private.is_valid_reactions(reactions)),
  reply_count integer not null default 0 check (reply_count >= 0),
  last_reply_at timestamptz,
  edited_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz not null default clock_timestamp(),
  foreign key (channel_id, organization_id) references public.channels (id, organization_id) on delete cascade,
  constraint messages_body_or_files check (btrim(body) <> '' or deleted_at is not null or jsonb_array_length(attachments) > 0)
);
comment on table public.messages is 'Channel messages: markdown body, thread replies, mentions, files in message-attachments, reactions; deleted ones stay as tombstones.';
create index messages_channel_page_idx on public.messages (channel_id, created_at desc, id desc);
create index messages_thread_idx on public.messages (parent_id, created_at) where parent_id is not null;
create index messages_author_idx on public.messages (author_id);
create index messages_org_idx on public.messages (organization_id);

create trigger channels_touch before update on public.channels for each row execute function private.touch_updated_at();
create trigger channels_keep_created before update on public.channels for each row execute function private.keep_created_fields();

-- ---------------------------------------------------------------------------------------------------
-- Policy helpers
-- ---------------------------------------------------------------------------------------------------
create function private.channel_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 50 as $$
begin
  return query select cm.channel_id from public.channel_members cm where cm.user_id = (select auth.uid());
end $$;
comment on function private.channel_ids is 'Channels the current user is a member of.';

create function private.moderated_channel_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 20 as $$
begin
  return query
  select cm.channel_id from public.channel_members cm
  where cm.user_id = (select auth.uid())
    and (cm.role in ('owner', 'moderator')
         or exists (select 1 from public.organization_members m
                    where m.organization_id = cm.organization_id and m.user_id = cm.user_id and m.role >= 'manager'));
end $$;
comment on function private.moderated_channel_ids is 'Channels the current user moderates: channel owner or moderator, or a manager of its organization who is a member.';

create function private.channel_folders() returns setof text
language plpgsql stable security definer set search_path = '' rows 50 as $$
begin
  return query
  select cm.organization_id::text || '/' || cm.channel_id::text from public.channel_members cm where cm.user_id = (select auth.uid());
end $$;
comment on function private.channel_folders is 'Storage folders (<organization>/<channel>) of the channels the current user is a member of.';

revoke execute on function private.channel_ids(), private.moderated_channel_ids(), private.channel_folders() from public, anon;
grant execute on function private.channel_ids(), private.moderated_channel_ids(), private.channel_folders() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Membership sync: project and crowd channels hold exactly the people who should be there.
-- Project: the organization's staff (member and above) and the client members of the project's client.
-- Crowd: the organization's staff and the participants who joined (from any organization).
-- Managers and above moderate. Optional filters narrow the work to one channel and/or one user.
-- ---------------------------------------------------------------------------------------------------
create function private.sync_channel_members(org uuid, only_channel uuid default null, only_user uuid default null)
returns void language plpgsql security definer set search_path = '' as $$
begin
  -- A cascade from a deleted organization has nothing left to sync.
  if not exists (select 1 from public.organizations o where o.id = org) then
    return;
  end if;

  with desired as materialized (
    select d.channel_id, d.user_id, bool_or(d.is_moderator) as is_moderator
    from (
      select c.id as channel_id, m.user_id, m.role >= 'manager' as is_moderator
      from public.channels c
      join public.projects p on p.id = c.project_id
      join public.organization_members m on m.organization_id = c.organization_id
        and (m.role >= 'member' or (m.role = 'client' and m.client_id = p.client_id))
      where c.organization_id = org and c.kind = 'project'
        and (only_channel is null or c.id = only_channel) and (only_user is null or m.user_id = only_user)
      union all
      select c.id, m.user_id, m.role >= 'manager'
      from public.channels c
      join public.organization_members m on m.organization_id = c.organization_id and m.role >= 'member'
      where c.organization_id = org and c.kind = 'crowd'
        and (only_channel is null or c.id = only_channel) and (only_user is null or m.user_id = only_user)
      union all
      select c.id, cp.user_id, false
      from public.channels c
      join public.crowd_participants cp on cp.crowd_project_id = c.crowd_project_id and cp.status = 'joined'
      where c.organization_id = org and c.kind = 'crowd'
        and (only_channel is null or c.id = only_channel) and (only_user is null or cp.user_id = only_user)
    ) d
    group by d.channel_id, d.user_id
  ),
  removed as (
    delete from public.channel_members cm
    using public.channels c
    where c.id = cm.channel_id and c.organization_id = org and c.kind in ('project', 'crowd')
      and (only_channel is null or c.id = only_channel) and (only_user is null or cm.user_id = only_user)
      and not exists (select 1 from desired d where d.channel_id = cm.channel_id and d.user_id = cm.user_id)
  )
  insert into public.channel_members (channel_id, user_id, organization_id, role)
  select d.channel_id, d.user_id, org, case when d.is_moderator then 'moderator' else 'member' end
  from desired d
  on conflict (channel_id, user_id) do update set role = excluded.role
  where public.channel_members.role is distinct from excluded.role and public.channel_members.role <> 'owner';
end $$;
comment on function private.sync_channel_members is 'Makes project and crowd channel memberships match who should be there (optionally for one channel and/or one user).';
revoke execute on function private.sync_channel_members(uuid, uuid, uuid) from public, anon, authenticated;

create function private.project_channel_sync() returns trigger
language plpgsql security definer set search_path = '' as $$
declare channel uuid;
begin
  if tg_op = 'INSERT' then
    insert into public.channels (organization_id, kind, name, project_id, created_by)
    values (new.organization_id, 'project', left(btrim(new.name), 80), new.id, new.created_by)
    on conflict (project_id) where project_id is not null do nothing
    returning id into channel;
    if channel is not null then
      perform private.sync_channel_members(new.organization_id, channel);
    end if;
  else
    select c.id into channel from public.channels c where c.project_id = new.id;
    if new.name is distinct from old.name then
      update public.channels set name = left(btrim(new.name), 80) where id = channel;
    end if;
    if new.client_id is distinct from old.client_id then
      perform private.sync_channel_members(new.organization_id, channel);
    end if;
  end if;
  return null;
end $$;
revoke execute on function private.project_channel_sync() from public, anon, authenticated;
create trigger projects_channel after insert or update of name, client_id on public.projects
  for each row execute function private.project_channel_sync();

create function private.crowd_channel_sync() returns trigger
language plpgsql security definer set search_path = '' as $$
declare channel uuid;
begin
  if tg_op = 'INSERT' then
    insert into public.channels (organization_id, kind, name, crowd_project_id, created_by)
    values (new.organization_id, 'crowd', left(btrim(new.title), 80), new.id, new.created_by)
    on conflict (crowd_project_id) where crowd_project_id is not null do nothing
    returning id into channel;
    if channel is not null then
      perform private.sync_channel_members(new.organization_id, channel);
    end if;
  elsif new.title is distinct from old.title then
    update public.channels set name = left(btrim(new.title), 80) where crowd_project_id = new.id;
  end if;
  return null;
end $$;
revoke execute on function private.crowd_channel_sync() from public, anon, authenticated;
create trigger crowd_projects_channel after insert or update of title on public.crowd_projects
  for each row execute function private.crowd_channel_sync();

create function private.crowd_participant_channel_sync() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  row_data public.crowd_participants := coalesce(new, old);
  channel uuid;
begin
  select c.id into channel from public.channels c where c.crowd_project_id = row_data.crowd_project_id;
  if channel is not null then
    perform private.sync_channel_members(row_data.organization_id, channel, row_data.user_id);
  end if;
  return null;
end $$;
revoke execute on function private.crowd_participant_channel_sync() from public, anon, authenticated;
create trigger crowd_participants_channel after insert or delete or update of status, user_id on public.crowd_participants
  for each row execute function private.crowd_participant_channel_sync();

create function private.member_channel_sync() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.sync_channel_members(old.organization_id, null, old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.user_id is distinct from old.user_id
      or new.organization_id is distinct from old.organization_id) then
    perform private.sync_channel_members(new.organization_id, null, new.user_id);
  end if;
  return null;
end $$;
revoke execute on function private.member_channel_sync() from public, anon, authenticated;
create trigger organization_members_channels after insert or delete or update of role, client_id, user_id, organization_id
  on public.organization_members for each row execute function private.member_channel_sync();

-- ---------------------------------------------------------------------------------------------------
-- Messages: who wrote it, where it belongs, mentions, threads, edits; then counters and notifications.
-- ---------------------------------------------------------------------------------------------------
create function private.message_mentions_in(body text) returns uuid[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(distinct (r.m)[1]::uuid), '{}')
  from regexp_matches(body, '@\[[^\]\n]{1,80}\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)', 'g') as r(m)
$$;
comment on function private.message_mentions_in is 'User ids of the `@[Display Name](user id)` tokens in a message body.';

create function private.message_plain_text(body text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(body, '@\[([^\]\n]{1,80})\]\([0-9a-fA-F-]{36}\)', '@\1', 'g')
$$;
comment on function private.message_plain_text is 'A message body with mention tokens shown as @Name (for notifications and e-mails).';
grant execute on function private.message_mentions_in(text), private.message_plain_text(text) to authenticated, service_role;

create function private.message_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  channel public.channels;
  parent public.messages;
  outsiders integer;
begin
  if tg_op = 'INSERT' then
    select * into channel from public.channels c where c.id = new.channel_id;
    if channel.id is null then
      raise exception 'Channel not found' using errcode = '23503';
    end if;
    if channel.archived_at is not null then
      raise exception 'This channel is archived' using errcode = 'P0001', hint = 'Archived channels are read-only.';
    end if;
    new.organization_id := channel.organization_id;
    new.reply_count := 0;
    new.last_reply_at := null;
    new.edited_at := null;
    new.deleted_at := null;
    new.reactions := '{}'::jsonb;
    if (select auth.uid()) is not null then
      new.created_at := clock_timestamp();
    end if;
    if new.parent_id is not null then
      select * into parent from public.messages m where m.id = new.parent_id;
      if parent.id is null or parent.channel_id <> new.channel_id then
        raise exception 'The message you reply to is not in this channel' using errcode = '23503';
      end if;
      if parent.parent_id is not null then
        raise exception 'Replies go to the thread''s first message' using errcode = '23514',
          hint = 'Reply to the top-level message instead.';
      end if;
    end if;
  else
    -- Only the body and files change by hand; a deleted message stays deleted.
    if old.deleted_at is not null and (new.body, new.attachments) is distinct from (old.body, old.attachments) then
      raise exception 'A deleted message cannot be edited' using errcode = '23514';
    end if;
    if (new.body, new.attachments) is distinct from (old.body, old.attachments) and new.deleted_at is null then
      new.edited_at := now();
    end if;
  end if;

  -- Mentions: the tokens in the body (plus, on insert, any ids given); each must be a channel member.
  -- An edit re-reads the body; only mentions it adds are checked (an earlier one may have left since).
  if new.deleted_at is null and (tg_op = 'INSERT' or new.body is distinct from old.body) then
    new.mentions := (select coalesce(array_agg(distinct u), '{}')
                     from unnest(case when tg_op = 'INSERT' then new.mentions else '{}'::uuid[] end
                                 || private.message_mentions_in(new.body)) u where u is not null);
    select count(*) into outsiders from unnest(new.mentions) u
    where (tg_op = 'INSERT' or not u = any (old.mentions))
      and not exists (select 1 from public.channel_members cm where cm.channel_id = new.channel_id and cm.user_id = u);
    if outsiders > 0 then
      raise exception 'Only members of this channel can be mentioned' using errcode = '23514',
        hint = 'Pick people from the mention list.';
    end if;
  end if;
  return new;
end $$;
revoke execute on function private.message_rules() from public, anon, authenticated;
create trigger messages_rules before insert or update on public.messages for each row execute function private.message_rules();

create function private.message_after_insert() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  channel_name text;
  author_name text;
  parent_author uuid;
  link text := '/messages/' || new.channel_id || '?message=' || new.id;
  excerpt text := left(private.message_plain_text(new.body), 200);
  info jsonb := jsonb_build_object('channel_id', new.channel_id, 'message_id', new.id);
begin
  update public.channels set last_message_at = greatest(coalesce(last_message_at, new.created_at), new.created_at)
  where id = new.channel_id returning name into channel_name;
  if new.parent_id is not null then
    update public.messages set reply_count = reply_count + 1,
      last_reply_at = greatest(coalesce(last_reply_at, new.created_at), new.created_at)
    where id = new.parent_id returning author_id into parent_author;
  end if;
  if cardinality(new.mentions) > 0 or parent_author is not null then
    select coalesce(p.display_name, 'Someone') into author_name from public.profiles p where p.id = new.author_id;
    author_name := coalesce(author_name, 'Someone');
    perform private.notify(new.mentions, new.organization_id, 'message.mention',
      author_name || ' mentioned you in ' || channel_name, excerpt, link, info);
    if parent_author is not null and not parent_author = any (new.mentions)
       and exists (select 1 from public.channel_members cm where cm.channel_id = new.channel_id and cm.user_id = parent_author) then
      perform private.notify(array[parent_author], new.organization_id, 'message.reply',
        author_name || ' replied to you in ' || channel_name, excerpt, link, info || jsonb_build_object('parent_id', new.parent_id));
    end if;
  end if;
  return null;
end $$;
revoke execute on function private.message_after_insert() from public, anon, authenticated;
create trigger messages_after_insert after insert on public.messages for each row execute function private.message_after_insert();

-- An edit that adds a mention tells the newly mentioned people.
create function private.message_after_edit() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  added uuid[];
  author_name text;
  channel_name text;
begin
  select coalesce(array_agg(u), '{}') into added from unnest(new.mentions) u where not u = any (old.mentions);
  if cardinality(added) > 0 and new.deleted_at is null then
    select coalesce(p.display_name, 'Someone') into author_name from public.profiles p where p.id = new.author_id;
    select c.name into channel_name from public.channels c where c.id = new.channel_id;
    perform private.notify(added, new.organization_id, 'message.mention',
      coalesce(author_name, 'Someone') || ' mentioned you in ' || channel_name, left(private.message_plain_text(new.body), 200),
      '/messages/' || new.channel_id || '?message=' || new.id, jsonb_build_object('channel_id', new.channel_id, 'message_id', new.id));
  end if;
  return null;
end $$;
revoke execute on function private.message_after_edit() from public, anon, authenticated;
-- Not `update of mentions`: the BEFORE trigger sets them, and column triggers only see the SET list.
create trigger messages_after_edit after update on public.messages
  for each row when (old.mentions is distinct from new.mentions) execute function private.message_after_edit();

-- ---------------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------------
alter table public.channels enable row level security;
alter table public.channel_members enable row level security;
alter table public.messages enable row level security;

create policy "Members can read their channels" on public.channels
  for select to authenticated using (id = any (array(select private.channel_ids())));
create policy "Moderators can edit their channels" on public.channels
  for update to authenticated
  using (id = any (array(select private.moderated_channel_ids())))
  with check (id = any (array(select private.moderated_channel_ids())));

create policy "Members can read who is in their channels" on public.channel_members
  for select to authenticated using (channel_id = any (array(select private.channel_ids())));
create policy "Members can mute their own channels" on public.channel_members
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy "Members can read their channels' messages" on public.messages
  for select to authenticated using (channel_id = any (array(select private.channel_ids())));
create policy "Members can post in their channels as themselves" on public.messages
  for insert to authenticated with check (
    channel_id = any (array(select private.channel_ids())) and author_id = (select auth.uid())
  );
create policy "Authors can edit their messages" on public.messages
  for update to authenticated
  using (author_id = (select auth.uid()) and deleted_at is null and channel_id = any (array(select private.channel_ids())))
  with check (author_id = (select auth.uid()) and deleted_at is null and channel_id = any (array(select private.channel_ids())));
-- No delete policy: messages are soft-deleted through delete_message().

revoke all on public.channels, public.channel_members, public.messages from anon, authenticated;
grant select, update (name, topic, archived_at) on public.channels to authenticated;
grant select, update (muted) on public.channel_members to authenticated;
grant select, insert (id, channel_id, organization_id, author_id, body, parent_id, mentions, attachments),
  update (body, attachments) on public.messages to authenticated;
grant all on public.channels, public.channel_members, public.messages to service_role;

-- ---------------------------------------------------------------------------------------------------
-- RPCs
-- ---------------------------------------------------------------------------------------------------
create function public.open_direct_channel(other_user_id uuid) returns public.channels
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  org uuid;
  key text;
  channel public.channels;
begin
  if other_user_id is null or other_user_id = uid then
    raise exception 'Pick someone else to message' using errcode = '23514';
  end if;
  -- A shared organization in which at least one of the two is staff (clients do not message each other).
  select a.organization_id into org
  from public.organization_members a
  join public.organization_members b on b.organization_id = a.organization_id and b.user_id = other_user_id
  where a.user_id = uid and (a.role >= 'member' or b.role >= 'member')
  order by a.created_at
  limit 1;
  if org is null then
    raise exception 'You can only message people in your organizations' using errcode = '42501';
  end if;
  key := least(uid, other_user_id)::text || ':' || greatest(uid, other_user_id)::text;
  insert into public.channels (organization_id, kind, name, direct_key, created_by)
  values (org, 'direct', 'Direct message', key, uid)
  on conflict (direct_key) do nothing;
  select * into channel from public.channels c where c.direct_key = key;
  insert into public.channel_members (channel_id, user_id, organization_id, role)
  values (channel.id, uid, channel.organization_id, 'member'), (channel.id, other_user_id, channel.organization_id, 'member')
  on conflict (channel_id, user_id) do nothing;
  return channel;
end $$;
comment on function public.open_direct_channel is 'The direct-message channel between the caller and another person of a shared organization (created once).';

create function public.mark_channel_read(channel_id uuid, read_at timestamptz default now()) returns public.channel_members
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  member public.channel_members;
begin
  update public.channel_members cm set last_read_at = least(coalesce(mark_channel_read.read_at, now()), now())
  where cm.channel_id = mark_channel_read.channel_id and cm.user_id = uid
  returning * into member;
  if member.channel_id is null then
    raise exception 'You are not a member of this channel' using errcode = '42501';
  end if;
  return member;
end $$;
comment on function public.mark_channel_read is 'Moves the caller''s read position in a channel (default: now; never past now).';

create function public.toggle_reaction(message_id uuid, emoji text) returns public.messages
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  me text;
  msg public.messages;
begin
  me := uid::text;
  if emoji is null or char_length(emoji) not between 1 and 16 or emoji ~ '[[:space:][:cntrl:]]' then
    raise exception 'Pick an emoji' using errcode = '23514', hint = 'A reaction is 1 to 16 characters without spaces.';
  end if;
  -- One UPDATE: concurrent toggles queue on the row lock and each sees the other's result.
  update public.messages m set reactions = case
      when coalesce(m.reactions -> emoji, '[]'::jsonb) ? me then
        case when jsonb_array_length(m.reactions -> emoji) = 1 then m.reactions - emoji
             else jsonb_set(m.reactions, array[emoji], (m.reactions -> emoji) - me) end
      else jsonb_set(m.reactions, array[emoji], coalesce(m.reactions -> emoji, '[]'::jsonb) || to_jsonb(me))
    end
  where m.id = toggle_reaction.message_id and m.deleted_at is null
    and m.channel_id = any (array(select private.channel_ids()))
  returning * into msg;
  if msg.id is null then
    raise exception 'Message not found' using errcode = 'P0001', hint = 'It may have been deleted.';
  end if;
  return msg;
end $$;
comment on function public.toggle_reaction is 'Adds or removes the caller''s reaction on a message of one of their channels.';

create function public.delete_message(message_id uuid) returns public.messages
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  msg public.messages;
  removed jsonb;
begin
  select * into msg from public.messages m where m.id = delete_message.message_id for update;
  if msg.id is null or not (msg.channel_id = any (array(select private.channel_ids()))) then
    raise exception 'Message not found' using errcode = 'P0001', hint = 'It may have been deleted.';
  end if;
  if msg.author_id is distinct from uid and not (msg.channel_id = any (array(select private.moderated_channel_ids()))) then
    raise exception 'Only the author or a moderator can delete this message' using errcode = '42501';
  end if;
  if msg.deleted_at is not null then
    return msg;
  end if;
  removed := msg.attachments;
  update public.messages m set body = '', attachments = '[]'::jsonb, mentions = '{}', reactions = '{}'::jsonb, deleted_at = now()
  where m.id = msg.id returning * into msg;
  perform private.remove_message_files(msg.organization_id, removed);
  return msg;
end $$;
comment on function public.delete_message is 'Soft-deletes a message (author, channel moderator or organization manager): clears body and files, keeps a tombstone.';

create function public.my_channels()
returns table (
  id uuid, organization_id uuid, kind public.channel_kind, name text, topic text, project_id uuid, crowd_project_id uuid,
  ticket_id uuid, application_id uuid, archived_at timestamptz, last_message_at timestamptz, last_read_at timestamptz,
  muted boolean, role text, unread_count integer, mention_count integer,
  other_user_id uuid, other_display_name text, other_avatar_url text
)
language sql stable security definer set search_path = '' as $$
  select c.id, c.organization_id, c.kind, c.name, c.topic, c.project_id, c.crowd_project_id, c.ticket_id, c.application_id,
    c.archived_at, c.last_message_at, cm.last_read_at, cm.muted, cm.role,
    coalesce(unread.total, 0)::integer, coalesce(unread.mentions, 0)::integer,
    other.id, other.display_name, other.avatar_url
  from public.channel_members cm
  join public.channels c on c.id = cm.channel_id
  left join lateral (
    -- Counted up to 1000 (the UI shows 999+), so a long-unread channel stays cheap.
    select count(*) as total, count(*) filter (where cm.user_id = any (u.mentions)) as mentions
    from (
      select m.mentions from public.messages m
      where m.channel_id = c.id and m.created_at > cm.last_read_at and m.deleted_at is null
        and m.author_id is distinct from cm.user_id
        and c.last_message_at > cm.last_read_at
      limit 1000
    ) u
  ) unread on true
  left join lateral (
    select p.id, p.display_name, p.avatar_url
    from public.channel_members o join public.profiles p on p.id = o.user_id
    where c.kind = 'direct' and o.channel_id = c.id and o.user_id <> cm.user_id
    limit 1
  ) other on true
  where cm.user_id = private.require_user()
  order by c.last_message_at desc nulls last, c.name, c.id
$$;
comment on function public.my_channels is 'The caller''s channels with unread and mention counts (up to 1000) and, for direct messages, the other person.';

create function public.channel_members_list(channel_id uuid)
returns table (user_id uuid, role text, display_name text, avatar_url text, username text, joined_at timestamptz, last_read_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select cm.user_id, cm.role, p.display_name, p.avatar_url, p.username, cm.joined_at, cm.last_read_at
  from public.channel_members cm join public.profiles p on p.id = cm.user_id
  where cm.channel_id = channel_members_list.channel_id
    and channel_members_list.channel_id = any (array(select private.channel_ids()))
  order by lower(coalesce(p.display_name, p.username, '')), cm.user_id
$$;
comment on function public.channel_members_list is 'Members of one of the caller''s channels with their names and avatars (mention autocomplete, member list).';

revoke execute on function public.open_direct_channel(uuid), public.mark_channel_read(uuid, timestamptz),
  public.toggle_reaction(uuid, text), public.delete_message(uuid), public.my_channels(), public.channel_members_list(uuid)
  from public, anon;
grant execute on function public.open_direct_channel(uuid), public.mark_channel_read(uuid, timestamptz),
  public.toggle_reaction(uuid, text), public.delete_message(uuid), public.my_channels(), public.channel_members_list(uuid)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Attachments bucket: private, 10 MB a file, path <organization>/<channel>/<uuid>/<file name>.
-- Upload order: the file, then the message that lists it. Channel members read and upload; the
-- uploader or the channel's moderators delete.
-- ---------------------------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit)
values ('message-attachments', 'message-attachments', false, 10485760)
on conflict (id) do nothing;

create policy "Channel members can read message files" on storage.objects
  for select to authenticated using (
    bucket_id = 'message-attachments'
    and array_length(storage.foldername(name), 1) = 3
    and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[2] = any (array(select private.channel_folders()))
  );
create policy "Channel members can upload message files" on storage.objects
  for insert to authenticated with check (
    bucket_id = 'message-attachments'
    and array_length(storage.foldername(name), 1) = 3
    and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[2] = any (array(select private.channel_folders()))
  );
create policy "Uploaders and moderators can remove message files" on storage.objects
  for delete to authenticated using (
    bucket_id = 'message-attachments'
    and array_length(storage.foldername(name), 1) = 3
    and (storage.foldername(name))[1] || '/' || (storage.foldername(name))[2] = any (array(select private.channel_folders()))
    and (owner_id = (select auth.uid())::text
         or ((storage.foldername(name))[2])::uuid = any (array(select private.moderated_channel_ids())))
  );

-- Files of a deleted message are removed through the Storage API (so the bytes go too) by the
-- clean-message-files edge function, called after commit through pg_net with the service key; it
-- removes only paths no live message lists.
create function private.remove_message_files(org uuid, files jsonb) returns void
language plpgsql security definer set search_path = '' as $$
declare paths jsonb;
begin
  select coalesce(jsonb_agg(f ->> 'path'), '[]'::jsonb) into paths
  from jsonb_array_elements(coalesce(files, '[]'::jsonb)) f
  where (f ->> 'path') like org::text || '/%';
  if jsonb_array_length(paths) > 0 then
    perform private.call_edge_function('clean-message-files', jsonb_build_object('paths', paths));
  end if;
end $$;
revoke execute on function private.remove_message_files(uuid, jsonb) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Realtime: rows live, and private topics `channel:<id>` (typing, presence) for members only.
-- ---------------------------------------------------------------------------------------------------
alter publication supabase_realtime add table public.messages, public.channel_members;

create policy "Channel members can receive typing and presence" on realtime.messages
  for select to authenticated using (
    realtime.topic() like 'channel:%'
    and substr(realtime.topic(), 9) = any (array(select c::text from private.channel_ids() c))
  );
create policy "Channel members can send typing and presence" on realtime.messages
  for insert to authenticated with check (
    realtime.topic() like 'channel:%'
    and substr(realtime.topic(), 9) = any (array(select c::text from private.channel_ids() c))
  );

-- ---------------------------------------------------------------------------------------------------
-- Backfill: a channel for every existing project and crowd project, with its members.
-- ---------------------------------------------------------------------------------------------------
insert into public.channels (organization_id, kind, name, project_id, created_by)
select p.organization_id, 'project', left(btrim(p.name), 80), p.id, p.created_by from public.projects p
on conflict do nothing;
insert into public.channels (organization_id, kind, name, crowd_project_id, created_by)
select cp.organization_id, 'crowd', left(btrim(cp.title), 80), cp.id, cp.created_by from public.crowd_projects cp
on conflict do nothing;
select private.sync_channel_members(o.id) from public.organizations o;
