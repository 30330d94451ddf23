-- Tenancy foundation: organizations are tenants; organization_members holds each user's role in one.
-- Every later module stores its rows under the rules defined here: RLS on every table, policies built
-- on set-returning security-definer helpers in schema `private` (evaluated once per statement), and
-- membership changes only through RPCs that enforce the role rules in SQL.

-- Functions are not executable by everyone unless granted (Supabase's own rule).
alter default privileges in schema public revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon;

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Ordered from least to most privileged, so `role >= 'manager'` means "manager or above".
create type public.org_role as enum ('client', 'member', 'manager', 'admin', 'owner');
comment on type public.org_role is 'A member''s role in an organization, ordered from least to most privileged.';

-- ---------------------------------------------------------------------------------------------------
-- Generic triggers
-- ---------------------------------------------------------------------------------------------------
create function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end $$;

create function private.keep_created_fields() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.created_at := old.created_at;
  if to_jsonb(old) ? 'created_by' then
    new := jsonb_populate_record(new, jsonb_build_object('created_by', to_jsonb(old) -> 'created_by'));
  end if;
  return new;
end $$;

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 2 and 80),
  slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  timezone text not null default 'UTC',
  billing_name text,
  billing_email text check (billing_email is null or billing_email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  billing_address jsonb,
  tax_id text,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Tenants: a studio, agency or collective. Every tenant row carries organization_id.';
create index organizations_created_by_idx on public.organizations (created_by);

create table public.organization_members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.org_role not null default 'member',
  -- The clients row a client member stands for (constraint to public.clients added with that table).
  client_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id),
  constraint organization_members_client_only_for_clients check (client_id is null or role = 'client')
);
comment on table public.organization_members is 'Who belongs to which organization, and in what role.';
create index organization_members_user_id_idx on public.organization_members (user_id, organization_id, role);
create index organization_members_org_role_idx on public.organization_members (organization_id, role);
create index organization_members_client_id_idx on public.organization_members (client_id) where client_id is not null;

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role public.org_role not null check (role <> 'owner'),
  client_id uuid,
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invitations_client_only_for_clients check (client_id is null or role = 'client')
);
comment on table public.invitations is 'Pending and past invitations to join an organization; only a hash of each token is kept.';
create index invitations_organization_id_idx on public.invitations (organization_id, created_at desc);
create index invitations_email_idx on public.invitations (lower(email));
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create unique index invitations_one_open_per_email on public.invitations (organization_id, lower(email))
  where accepted_at is null and revoked_at is null;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text unique check (username ~ '^[a-z0-9_]{3,30}$'),
  display_name text check (char_length(display_name) <= 80),
  avatar_url text,
  headline text check (char_length(headline) <= 120),
  bio text check (char_length(bio) <= 2000),
  skills text[] not null default '{}' check (cardinality(skills) <= 30),
  is_public boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One per auth user (created by a trigger): how people appear to others; public ones are visible to anyone.';

-- Members are also linked to their profile, so the API can embed names and avatars in member lists.
alter table public.organization_members
  add constraint organization_members_user_profile_fkey foreign key (user_id) references public.profiles (id) on delete cascade;

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z_.]{2,60}$'),
  title text not null check (char_length(title) between 1 and 200),
  body text,
  link text check (link is null or link ~ '^/'),
  data jsonb not null default '{}'::jsonb,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.notifications is 'In-app notifications per user (mentions, assignments, payments), shown in the bell.';
create index notifications_user_unread_idx on public.notifications (user_id, created_at desc) where read_at is null;
create index notifications_user_id_idx on public.notifications (user_id, created_at desc);
create index notifications_organization_id_idx on public.notifications (organization_id);

create table public.feature_flags (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references public.organizations (id) on delete cascade,
  key text not null check (key ~ '^[a-z0-9_.-]{2,60}$'),
  enabled boolean not null default false,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.feature_flags is 'Feature switches, platform-wide (organization_id null) or per organization.';
create unique index feature_flags_key_scope on public.feature_flags (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), key);
create index feature_flags_organization_id_idx on public.feature_flags (organization_id);

create table public.email_outbox (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references public.organizations (id) on delete cascade,
  to_email text not null check (to_email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  subject text not null check (char_length(subject) between 1 and 300),
  template text not null,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  provider text,
  provider_id text,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
comment on table public.email_outbox is 'Emails waiting to be sent (and their delivery status); only the server reads or writes it.';
create index email_outbox_queued_idx on public.email_outbox (created_at) where status in ('queued', 'failed');
create index email_outbox_organization_id_idx on public.email_outbox (organization_id);

create table public.audit_logs (
  id bigint generated always as identity primary key,
  organization_id uuid references public.organizations (id) on delete cascade,
  actor_id uuid,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
comment on table public.audit_logs is 'Who changed what in the tables that matter (members, roles, money); written by triggers, never editable.';
create index audit_logs_organization_id_idx on public.audit_logs (organization_id, created_at desc);
create index audit_logs_actor_id_idx on public.audit_logs (actor_id);

create trigger organizations_touch before update on public.organizations for each row execute function private.touch_updated_at();
create trigger organizations_keep_created before update on public.organizations for each row execute function private.keep_created_fields();
create trigger organization_members_touch before update on public.organization_members for each row execute function private.touch_updated_at();
create trigger invitations_touch before update on public.invitations for each row execute function private.touch_updated_at();
create trigger profiles_touch before update on public.profiles for each row execute function private.touch_updated_at();
create trigger feature_flags_touch before update on public.feature_flags for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------
-- Policy helpers: set-returning, so `organization_id in (select private.x())` runs once per statement.
-- ---------------------------------------------------------------------------------------------------
create function private.org_ids_with_role(min_role public.org_role) returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.organization_id from public.organization_members m
  where m.user_id = (select auth.uid()) and m.role >= min_role
$$;
comment on function private.org_ids_with_role is 'Organizations where the current user holds at least min_role.';

create function private.member_org_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.organization_id from public.organization_members m where m.user_id = (select auth.uid())
$$;
comment on function private.member_org_ids is 'Organizations the current user belongs to, in any role (clients included).';

create function private.staff_org_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.organization_id from public.organization_members m
  where m.user_id = (select auth.uid()) and m.role >= 'member'
$$;
comment on function private.staff_org_ids is 'Organizations where the current user is staff (member or above, not a client).';

create function private.client_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.client_id from public.organization_members m
  where m.user_id = (select auth.uid()) and m.role = 'client' and m.client_id is not null
$$;
comment on function private.client_ids is 'The clients rows the current user stands for as a client member.';

create function private.co_member_user_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select distinct other.user_id
  from public.organization_members mine
  join public.organization_members other on other.organization_id = mine.organization_id
  where mine.user_id = (select auth.uid())
$$;
comment on function private.co_member_user_ids is 'Users who share at least one organization with the current user.';

create function private.role_in(org uuid) returns public.org_role
language sql stable security definer set search_path = '' as $$
  select m.role from public.organization_members m where m.organization_id = org and m.user_id = (select auth.uid())
$$;
comment on function private.role_in is 'The current user''s role in one organization (null when not a member); for RPCs, not policies.';

revoke execute on all functions in schema private from public, anon;
grant execute on function private.org_ids_with_role(public.org_role), private.member_org_ids(), private.staff_org_ids(),
  private.client_ids(), private.co_member_user_ids(), private.role_in(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Audit: one generic trigger for every table that matters.
-- ---------------------------------------------------------------------------------------------------
create function private.audit_row() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_data jsonb := coalesce(after_row, before_row);
  org uuid;
begin
  -- Secrets never reach the audit trail.
  before_row := before_row - 'token_hash';
  after_row := after_row - 'token_hash';
  if tg_op = 'UPDATE' and before_row = after_row then
    return null;
  end if;
  org := case when tg_table_name = 'organizations' then (row_data ->> 'id')::uuid
              else (row_data ->> 'organization_id')::uuid end;
  -- When an organization is deleted, its audit rows go with it; do not write new ones for the cascade.
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations o where o.id = org) then
    return null;
  end if;
  insert into public.audit_logs (organization_id, actor_id, action, table_name, row_id, before, after)
  values (org, (select auth.uid()), lower(tg_op), tg_table_name, row_data ->> 'id', before_row, after_row);
  return null;
end $$;
revoke execute on function private.audit_row() from public, anon, authenticated;

create trigger organizations_audit after insert or update on public.organizations
  for each row execute function private.audit_row();
create trigger organization_members_audit after insert or update or delete on public.organization_members
  for each row execute function private.audit_row();
create trigger invitations_audit after insert or update or delete on public.invitations
  for each row execute function private.audit_row();

-- An organization always keeps at least one owner (checked at commit, so a transfer can swap owners).
create function private.ensure_an_owner_remains() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.organizations o where o.id = old.organization_id)
     and not exists (select 1 from public.organization_members m where m.organization_id = old.organization_id and m.role = 'owner') then
    raise exception 'An organization must keep at least one owner' using errcode = '23514',
      hint = 'Transfer ownership to another member first.';
  end if;
  return null;
end $$;
create constraint trigger organization_members_keep_owner after update or delete on public.organization_members
  deferrable initially deferred for each row execute function private.ensure_an_owner_remains();

-- Every auth user gets a profile, seeded from sign-up metadata.
create function private.create_profile_for_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, display_name, avatar_url)
  values (
    new.id,
    nullif(left(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'full_name', split_part(new.email, '@', 1)), 80), ''),
    new.raw_user_meta_data ->> 'avatar_url'
  )
  on conflict (id) do nothing;
  return new;
end $$;
revoke execute on function private.create_profile_for_user() from public, anon, authenticated;
create trigger on_auth_user_created after insert on auth.users for each row execute function private.create_profile_for_user();

-- ---------------------------------------------------------------------------------------------------
-- Row-level security: one policy per command and role.
-- ---------------------------------------------------------------------------------------------------
alter table public.organizations enable row level security;
alter table public.organization_members enable row level security;
alter table public.invitations enable row level security;
alter table public.profiles enable row level security;
alter table public.notifications enable row level security;
alter table public.feature_flags enable row level security;
alter table public.email_outbox enable row level security;
alter table public.audit_logs enable row level security;

create policy "Members can read their organizations" on public.organizations
  for select to authenticated using (id in (select private.member_org_ids()));
create policy "Admins can update their organization" on public.organizations
  for update to authenticated
  using (id in (select private.org_ids_with_role('admin')))
  with check (id in (select private.org_ids_with_role('admin')));
create policy "Owners can delete their organization" on public.organizations
  for delete to authenticated using (id in (select private.org_ids_with_role('owner')));

create policy "Staff can read their organization's members" on public.organization_members
  for select to authenticated using (organization_id in (select private.staff_org_ids()));
create policy "Clients can read their own membership and the staff" on public.organization_members
  for select to authenticated using (
    organization_id in (select private.member_org_ids())
    and (user_id = (select auth.uid()) or role >= 'member')
  );

create policy "Managers can read their organization's invitations" on public.invitations
  for select to authenticated using (organization_id in (select private.org_ids_with_role('manager')));

create policy "Anyone can read public profiles" on public.profiles
  for select to anon using (is_public);
create policy "Users can read their own, co-members' and public profiles" on public.profiles
  for select to authenticated using (
    is_public or id = (select auth.uid()) or id in (select private.co_member_user_ids())
  );
create policy "Users can update their own profile" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy "Users can read their notifications" on public.notifications
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Users can mark their notifications read" on public.notifications
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Users can delete their notifications" on public.notifications
  for delete to authenticated using (user_id = (select auth.uid()));

create policy "Members can read platform and organization flags" on public.feature_flags
  for select to authenticated using (organization_id is null or organization_id in (select private.member_org_ids()));

create policy "Admins can read their organization's audit trail" on public.audit_logs
  for select to authenticated using (organization_id in (select private.org_ids_with_role('admin')));

-- email_outbox has no policies: only the service role (edge functions) reads or writes it.

-- Explicit grants (newer hosted projects do not expose new tables by default).
revoke all on public.organizations, public.organization_members, public.invitations, public.profiles,
  public.notifications, public.feature_flags, public.email_outbox, public.audit_logs from anon, authenticated;
grant select on public.profiles to anon;
grant select, update (name, slug, settings, currency, timezone, billing_name, billing_email, billing_address, tax_id), delete
  on public.organizations to authenticated;
grant select on public.organization_members, public.invitations, public.feature_flags, public.audit_logs to authenticated;
grant select, update (username, display_name, avatar_url, headline, bio, skills, is_public) on public.profiles to authenticated;
grant select, update (read_at), delete on public.notifications to authenticated;
grant all on public.organizations, public.organization_members, public.invitations, public.profiles,
  public.notifications, public.feature_flags, public.email_outbox to service_role;
-- The audit trail is append-only for everyone who reaches it through the API (cascades from a deleted
-- organization run as the table owner and still clear it).
grant select, insert on public.audit_logs to service_role;
grant usage on type public.org_role to anon, authenticated;

-- Notifications arrive live in the bell.
alter publication supabase_realtime add table public.notifications;
