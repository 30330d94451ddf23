-- Clients, projects, tasks and the client portal: the operating record a studio lives in every day.
-- Staff (member and above) work with everything in their organization; a client member sees only the
-- projects of the client they stand for, client updates, client-visible tasks and shared files, and
-- never internal notes, other clients or staff-only records (clients, time, capacity).
-- Cross-table references use composite foreign keys (id, organization_id), so a row can never point
-- at another tenant's row whatever the API is asked to write.

create extension if not exists pg_trgm with schema extensions;

create type public.client_status as enum ('lead', 'active', 'inactive', 'archived');
create type public.project_status as enum ('planning', 'active', 'on_hold', 'completed', 'archived');
create type public.task_status as enum ('todo', 'in_progress', 'review', 'done');
create type public.task_request_status as enum ('pending', 'accepted', 'declined');
create type public.update_visibility as enum ('internal', 'client');
create type public.report_status as enum ('draft', 'published');
grant usage on type public.client_status, public.project_status, public.task_status, public.task_request_status,
  public.update_visibility, public.report_status to anon, authenticated, service_role;

-- How many days without activity make a lead stale (flagged by the daily job).
alter table public.organizations
  add column stale_lead_days integer not null default 14 check (stale_lead_days between 1 and 365);
grant update (stale_lead_days) on public.organizations to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Validation of the JSON columns (used by check constraints).
-- ---------------------------------------------------------------------------------------------------
create function private.is_email(value text) returns boolean
language sql immutable set search_path = '' as $$
  select value ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'
$$;

create function private.is_valid_contacts(contacts jsonb) returns boolean
language plpgsql immutable set search_path = '' as $$
declare c jsonb;
begin
  if jsonb_typeof(contacts) <> 'array' or jsonb_array_length(contacts) > 50 then
    return false;
  end if;
  for c in select * from jsonb_array_elements(contacts) loop
    if jsonb_typeof(c) <> 'object'
       or coalesce(btrim(c ->> 'name'), '') = '' or char_length(c ->> 'name') > 120
       or (coalesce(c ->> 'email', '') <> '' and not private.is_email(c ->> 'email'))
       or char_length(coalesce(c ->> 'phone', '')) > 40 or char_length(coalesce(c ->> 'role', '')) > 80 then
      return false;
    end if;
  end loop;
  return true;
end $$;
comment on function private.is_valid_contacts is 'Contacts: an array (at most 50) of {name, email?, phone?, role?}.';

create function private.is_valid_milestones(milestones jsonb) returns boolean
language plpgsql immutable set search_path = '' as $$
declare
  m jsonb;
  keys text[] := '{}';
begin
  if jsonb_typeof(milestones) <> 'array' or jsonb_array_length(milestones) > 100 then
    return false;
  end if;
  for m in select * from jsonb_array_elements(milestones) loop
    if jsonb_typeof(m) <> 'object'
       or coalesce(m ->> 'key', '') !~ '^[a-z0-9][a-z0-9-]{0,39}$'
       or (m ->> 'key') = any (keys)
       or coalesce(btrim(m ->> 'title'), '') = '' or char_length(m ->> 'title') > 200
       or (m ? 'due_on' and jsonb_typeof(m -> 'due_on') <> 'null' and coalesce(m ->> 'due_on', '') !~ '^\d{4}-\d{2}-\d{2}$')
       or (m ? 'done' and jsonb_typeof(m -> 'done') <> 'boolean') then
      return false;
    end if;
    keys := keys || (m ->> 'key');
  end loop;
  return true;
end $$;
comment on function private.is_valid_milestones is 'Milestones: an array (at most 100) of {key (unique slug), title, due_on?, done?}; tasks link to a key.';

grant execute on function private.is_email(text), private.is_valid_contacts(jsonb), private.is_valid_milestones(jsonb)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------
create table public.clients (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  status public.client_status not null default 'lead',
  email text check (email is null or private.is_email(email)),
  phone text check (char_length(phone) <= 40),
  website text check (char_length(website) <= 200),
  contacts jsonb not null default '[]'::jsonb check (private.is_valid_contacts(contacts)),
  billing_details jsonb not null default '{}'::jsonb check (jsonb_typeof(billing_details) = 'object' and pg_column_size(billing_details) <= 8192),
  custom_fields jsonb not null default '{}'::jsonb check (jsonb_typeof(custom_fields) = 'object' and pg_column_size(custom_fields) <= 16384),
  notes text check (char_length(notes) <= 10000),
  owner_id uuid references public.profiles (id) on delete set null,
  source text not null default 'manual' check (source in ('manual', 'intake', 'import')),
  last_activity_at timestamptz not null default now(),
  stale_since timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  -- The owner is a member of the same organization; leaving it clears the owner.
  constraint clients_owner_membership_fkey foreign key (organization_id, owner_id)
    references public.organization_members (organization_id, user_id) on delete set null (owner_id)
);
comment on table public.clients is 'A studio''s clients and leads (staff only; a client member reads its name through my_client_accounts()).';
create index clients_org_status_activity_idx on public.clients (organization_id, status, last_activity_at desc);
create index clients_org_name_idx on public.clients (organization_id, lower(name));
create index clients_name_trgm_idx on public.clients using gin (name extensions.gin_trgm_ops);
create index clients_email_trgm_idx on public.clients using gin (email extensions.gin_trgm_ops);
create index clients_owner_id_idx on public.clients (owner_id);
create index clients_created_by_idx on public.clients (created_by);
create index clients_stale_leads_idx on public.clients (organization_id, last_activity_at) where status = 'lead' and stale_since is null;

-- A client member stands for one client of the same organization.
alter table public.organization_members
  add constraint organization_members_client_fkey foreign key (client_id, organization_id)
    references public.clients (id, organization_id) on delete set null (client_id);
alter table public.invitations
  add constraint invitations_client_fkey foreign key (client_id, organization_id)
    references public.clients (id, organization_id) on delete cascade;
create index invitations_client_id_idx on public.invitations (client_id) where client_id is not null;

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  client_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 160),
  description text check (char_length(description) <= 10000),
  status public.project_status not null default 'planning',
  budget numeric(14, 2) check (budget >= 0),
  budget_hours numeric(10, 2) check (budget_hours >= 0),
  hourly_rate numeric(10, 2) check (hourly_rate >= 0),
  start_on date,
  end_on date,
  milestones jsonb not null default '[]'::jsonb check (private.is_valid_milestones(milestones)),
  -- Recurring checkpoints: every N days a checkpoint task is created (daily job), starting next_checkpoint_on.
  checkpoint_every_days integer check (checkpoint_every_days between 1 and 365),
  next_checkpoint_on date,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  foreign key (client_id, organization_id) references public.clients (id, organization_id),
  constraint projects_dates_in_order check (end_on is null or start_on is null or end_on >= start_on),
  constraint projects_checkpoint_start check (checkpoint_every_days is null or next_checkpoint_on is not null)
);
comment on table public.projects is 'Work for a client: status, budget, dates and milestones (JSON; tasks link to a milestone key).';
create index projects_org_status_idx on public.projects (organization_id, status, updated_at desc);
create index projects_client_id_idx on public.projects (client_id, organization_id);
create index projects_created_by_idx on public.projects (created_by);
create index projects_checkpoints_due_idx on public.projects (next_checkpoint_on) where checkpoint_every_days is not null;

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  project_id uuid not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  description text check (char_length(description) <= 10000),
  status public.task_status not null default 'todo',
  -- Ordering inside a board column (fractional, so a drop between two cards writes one row).
  position double precision not null default extract(epoch from clock_timestamp()),
  assignee_id uuid references public.profiles (id) on delete set null,
  due_on date,
  milestone_key text check (milestone_key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  client_visible boolean not null default false,
  -- A task request is a task a client asked for: pending until staff accept or decline it.
  requested_by uuid references public.profiles (id) on delete set null,
  request_status public.task_request_status,
  decline_reason text check (char_length(decline_reason) <= 1000),
  -- The checkpoint date when the daily checkpoint job created this task.
  checkpoint_on date,
  completed_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade,
  constraint tasks_assignee_membership_fkey foreign key (organization_id, assignee_id)
    references public.organization_members (organization_id, user_id) on delete set null (assignee_id),
  constraint tasks_request_fields check ((requested_by is null) = (request_status is null)),
  constraint tasks_decline_reason_only_when_declined check (decline_reason is null or request_status = 'declined')
);
comment on table public.tasks is 'Work items on a project; client-visible ones show in the portal, and clients can request new ones.';
create index tasks_project_board_idx on public.tasks (project_id, status, position);
create index tasks_org_due_idx on public.tasks (organization_id, due_on) where status <> 'done';
create index tasks_assignee_idx on public.tasks (assignee_id, due_on) where status <> 'done';
create index tasks_requests_idx on public.tasks (organization_id, created_at desc) where request_status = 'pending';
create index tasks_requested_by_idx on public.tasks (requested_by);
create index tasks_created_by_idx on public.tasks (created_by);
create unique index tasks_one_checkpoint_per_date on public.tasks (project_id, checkpoint_on) where checkpoint_on is not null;

create table public.project_updates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  project_id uuid not null,
  visibility public.update_visibility not null,
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  -- Comments answer an update and share its visibility.
  parent_id uuid references public.project_updates (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  edited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade
);
comment on table public.project_updates is 'Internal notes (staff only) and client updates (shown in the portal), with comments as replies.';
create index project_updates_project_idx on public.project_updates (project_id, visibility, created_at desc);
create index project_updates_org_idx on public.project_updates (organization_id, created_at desc);
create index project_updates_parent_idx on public.project_updates (parent_id) where parent_id is not null;
create index project_updates_author_idx on public.project_updates (author_id);

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  project_id uuid not null,
  -- The item a file hangs on: the project itself, one of its tasks, or one of its updates.
  task_id uuid references public.tasks (id) on delete cascade,
  update_id uuid references public.project_updates (id) on delete cascade,
  -- Where the file lives in the `attachments` bucket: <organization>/<project>/<attachment id>/<file name>.
  object_path text not null unique,
  file_name text not null check (char_length(file_name) between 1 and 200 and file_name !~ '[/\\]'),
  content_type text not null default 'application/octet-stream' check (char_length(content_type) <= 200),
  size_bytes bigint not null check (size_bytes between 0 and 10485760),
  client_visible boolean not null default false,
  uploaded_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade,
  constraint attachments_one_item check (task_id is null or update_id is null),
  constraint attachments_path_layout check (object_path = organization_id || '/' || project_id || '/' || id || '/' || file_name)
);
comment on table public.attachments is 'Files on projects, tasks and updates (at most 5 per item, 10 MB each); the bytes live in Storage.';
create index attachments_project_idx on public.attachments (project_id, created_at desc);
create index attachments_task_idx on public.attachments (task_id) where task_id is not null;
create index attachments_update_idx on public.attachments (update_id) where update_id is not null;
create index attachments_org_idx on public.attachments (organization_id);
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);

create table public.time_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  project_id uuid not null,
  task_id uuid references public.tasks (id) on delete set null,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  started_at timestamptz not null default now(),
  -- Null while the timer runs.
  ended_at timestamptz,
  minutes integer generated always as (
    case when ended_at is null then null else round(extract(epoch from (ended_at - started_at)) / 60)::integer end
  ) stored,
  billable boolean not null default true,
  -- Filled from the project's rate when not given.
  hourly_rate numeric(10, 2) not null check (hourly_rate >= 0),
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade,
  foreign key (organization_id, user_id) references public.organization_members (organization_id, user_id) on delete cascade,
  constraint time_entries_end_after_start check (ended_at is null or ended_at > started_at),
  constraint time_entries_at_most_a_day check (ended_at is null or ended_at - started_at <= interval '24 hours')
);
comment on table public.time_entries is 'Tracked hours (live timer or manual), per member and project: the actual hours and their cost.';
create index time_entries_project_idx on public.time_entries (project_id, started_at desc);
create index time_entries_user_idx on public.time_entries (user_id, started_at desc);
create index time_entries_org_started_idx on public.time_entries (organization_id, started_at);
create index time_entries_task_idx on public.time_entries (task_id) where task_id is not null;
create unique index time_entries_one_running_timer on public.time_entries (user_id) where ended_at is null;

create table public.capacity_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  project_id uuid not null,
  week_start date not null check (extract(isodow from week_start) = 1),
  planned_hours numeric(5, 2) not null check (planned_hours between 0 and 168),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, user_id, week_start),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete cascade,
  foreign key (organization_id, user_id) references public.organization_members (organization_id, user_id) on delete cascade
);
comment on table public.capacity_entries is 'Planned hours per member, project and week (weeks start on Monday).';
create index capacity_entries_org_week_idx on public.capacity_entries (organization_id, week_start);
create index capacity_entries_user_week_idx on public.capacity_entries (user_id, week_start);

create table public.report_drafts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  client_id uuid not null,
  period_start date not null,
  period_end date not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  body text not null default '' check (char_length(body) <= 100000),
  status public.report_status not null default 'draft',
  published_at timestamptz,
  published_by uuid references public.profiles (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (client_id, organization_id) references public.clients (id, organization_id) on delete cascade,
  constraint report_drafts_period_in_order check (period_end >= period_start),
  constraint report_drafts_published_fields check ((status = 'published') = (published_at is not null))
);
comment on table public.report_drafts is 'Client reports per period, generated from updates, tasks and milestones, edited, then published to the client.';
create index report_drafts_client_idx on public.report_drafts (client_id, period_end desc);
create index report_drafts_org_idx on public.report_drafts (organization_id, updated_at desc);
create index report_drafts_created_by_idx on public.report_drafts (created_by);
create index report_drafts_published_by_idx on public.report_drafts (published_by);

create table public.intake_forms (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null unique references public.organizations (id) on delete cascade,
  enabled boolean not null default true,
  title text not null default 'Start a project with us' check (char_length(btrim(title)) between 1 and 120),
  intro text check (char_length(intro) <= 2000),
  thank_you text check (char_length(thank_you) <= 1000),
  ask_budget boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.intake_forms is 'The public request form at /intake/<organization slug>; anonymous visitors reach it only through intake_form() and submit_intake().';

create table public.intake_submissions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  form_id uuid not null references public.intake_forms (id) on delete cascade,
  client_id uuid,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  email text not null check (private.is_email(email)),
  company text check (char_length(company) <= 120),
  phone text check (char_length(phone) <= 40),
  budget text check (char_length(budget) <= 60),
  message text not null check (char_length(btrim(message)) between 10 and 5000),
  -- A salted hash of the sender's IP address (for rate limiting; the address itself is not kept).
  ip_hash text,
  user_agent text check (char_length(user_agent) <= 400),
  created_at timestamptz not null default now(),
  foreign key (client_id, organization_id) references public.clients (id, organization_id) on delete set null (client_id)
);
comment on table public.intake_submissions is 'Requests sent through the public intake form; each one became a lead in clients.';
create index intake_submissions_org_idx on public.intake_submissions (organization_id, created_at desc);
create index intake_submissions_form_idx on public.intake_submissions (form_id);
create index intake_submissions_client_idx on public.intake_submissions (client_id) where client_id is not null;

create table public.rate_limits (
  bucket text not null,
  subject text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket, subject, window_start)
);
comment on table public.rate_limits is 'Fixed-window counters for rate-limited public endpoints; only security-definer functions touch it.';

-- ---------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------
create trigger clients_touch before update on public.clients for each row execute function private.touch_updated_at();
create trigger clients_keep_created before update on public.clients for each row execute function private.keep_created_fields();
create trigger projects_touch before update on public.projects for each row execute function private.touch_updated_at();
create trigger projects_keep_created before update on public.projects for each row execute function private.keep_created_fields();
create trigger tasks_touch before update on public.tasks for each row execute function private.touch_updated_at();
create trigger tasks_keep_created before update on public.tasks for each row execute function private.keep_created_fields();
create trigger project_updates_touch before update on public.project_updates for each row execute function private.touch_updated_at();
create trigger time_entries_touch before update on public.time_entries for each row execute function private.touch_updated_at();
create trigger capacity_entries_touch before update on public.capacity_entries for each row execute function private.touch_updated_at();
create trigger report_drafts_touch before update on public.report_drafts for each row execute function private.touch_updated_at();
create trigger report_drafts_keep_created before update on public.report_drafts for each row execute function private.keep_created_fields();
create trigger intake_forms_touch before update on public.intake_forms for each row execute function private.touch_updated_at();

create trigger clients_audit after insert or update or delete on public.clients for each row execute function private.audit_row();
create trigger projects_audit after insert or update or delete on public.projects for each row execute function private.audit_row();

-- One notification per recipient (skips the person who caused it).
create function private.notify(recipients uuid[], org uuid, kind text, title text, body text, link text, data jsonb default '{}')
returns void language sql security definer set search_path = '' as $$
  insert into public.notifications (organization_id, user_id, kind, title, body, link, data)
  select org, r, kind, left(title, 200), body, link, data
  from unnest(recipients) r
  where r is not null and r is distinct from (select auth.uid())
  group by r
$$;
revoke execute on function private.notify(uuid[], uuid, text, text, text, text, jsonb) from public, anon, authenticated;

create function private.staff_user_ids(org uuid, min_role public.org_role default 'manager') returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.user_id), '{}') from public.organization_members m where m.organization_id = org and m.role >= min_role
$$;
revoke execute on function private.staff_user_ids(uuid, public.org_role) from public, anon, authenticated;

create function private.client_user_ids(client uuid) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.user_id), '{}') from public.organization_members m where m.client_id = client and m.role = 'client'
$$;
revoke execute on function private.client_user_ids(uuid) from public, anon, authenticated;

-- A client's last activity moves whenever someone works on it (its projects, tasks, updates, time);
-- the scheduled job (no signed-in user) never counts as activity.
create function private.bump_client_activity(client uuid) returns void
language sql security definer set search_path = '' as $$
  update public.clients set last_activity_at = now(), stale_since = null
  where id = client and last_activity_at < now() - interval '1 minute'
$$;
revoke execute on function private.bump_client_activity(uuid) from public, anon, authenticated;

create function private.client_activity_from_client() returns trigger
language plpgsql set search_path = '' as $$
begin
  if (select auth.uid()) is not null and (new.status, new.name, new.notes, new.contacts, new.owner_id) is distinct from
     (old.status, old.name, old.notes, old.contacts, old.owner_id) then
    new.last_activity_at := now();
    new.stale_since := null;
  end if;
  return new;
end $$;
create trigger clients_activity before update on public.clients for each row execute function private.client_activity_from_client();

create function private.client_activity_from_project_row() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  row_data jsonb := to_jsonb(coalesce(new, old));
  client uuid;
begin
  if (select auth.uid()) is null then
    return null;
  end if;
  if tg_table_name = 'projects' then
    client := (row_data ->> 'client_id')::uuid;
  else
    select p.client_id into client from public.projects p where p.id = (row_data ->> 'project_id')::uuid;
  end if;
  perform private.bump_client_activity(client);
  return null;
end $$;
revoke execute on function private.client_activity_from_project_row() from public, anon, authenticated;
create trigger projects_client_activity after insert or update on public.projects
  for each row execute function private.client_activity_from_project_row();
create trigger tasks_client_activity after insert or update on public.tasks
  for each row execute function private.client_activity_from_project_row();
create trigger project_updates_client_activity after insert on public.project_updates
  for each row execute function private.client_activity_from_project_row();
create trigger time_entries_client_activity after insert on public.time_entries
  for each row execute function private.client_activity_from_project_row();
create trigger attachments_client_activity after insert on public.attachments
  for each row execute function private.client_activity_from_project_row();

-- Tasks: completion time, request bookkeeping, and notifications for assignment and requests.
create function private.task_bookkeeping() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  end if;
  if tg_op = 'UPDATE' and new.request_status is distinct from old.request_status and old.request_status is not null
     and new.request_status is null then
    raise exception 'A task request keeps its request status' using errcode = '23514';
  end if;
  if new.request_status is distinct from 'declined' then
    new.decline_reason := null;
  end if;
  return new;
end $$;
create trigger tasks_bookkeeping before insert or update on public.tasks for each row execute function private.task_bookkeeping();

create function private.task_notifications() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  project public.projects;
  link text;
begin
  select * into project from public.projects where id = new.project_id;
  link := '/projects/' || new.project_id || '/tasks?task=' || new.id;
  if new.assignee_id is not null and (tg_op = 'INSERT' or new.assignee_id is distinct from old.assignee_id) then
    perform private.notify(array[new.assignee_id], new.organization_id, 'task.assigned',
      'You were assigned: ' || new.title, project.name, link, jsonb_build_object('task_id', new.id));
  end if;
  if tg_op = 'INSERT' and new.request_status = 'pending' then
    perform private.notify(private.staff_user_ids(new.organization_id, 'manager'), new.organization_id, 'task.requested',
      'New task request: ' || new.title, project.name, link, jsonb_build_object('task_id', new.id));
  end if;
  if tg_op = 'UPDATE' and new.request_status is distinct from old.request_status and new.request_status in ('accepted', 'declined') then
    perform private.notify(array[new.requested_by], new.organization_id, 'task.request_' || new.request_status::text,
      'Your request was ' || new.request_status::text || ': ' || new.title, coalesce(new.decline_reason, project.name),
      '/projects/' || new.project_id || '/tasks?task=' || new.id, jsonb_build_object('task_id', new.id));
  end if;
  return null;
end $$;
revoke execute on function private.task_notifications() from public, anon, authenticated;
create trigger tasks_notifications after insert or update on public.tasks for each row execute function private.task_notifications();

-- Updates: a comment shares its parent's visibility and project; client updates notify the client.
create function private.project_update_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare parent public.project_updates;
begin
  if new.parent_id is not null then
    select * into parent from public.project_updates where id = new.parent_id;
    if parent.id is null or parent.project_id <> new.project_id or parent.visibility <> new.visibility then
      raise exception 'A comment must answer an update of the same project with the same visibility' using errcode = '23514';
    end if;
    if parent.parent_id is not null then
      raise exception 'Comments answer updates, not other comments' using errcode = '23514';
    end if;
  end if;
  if tg_op = 'UPDATE' then
    if new.parent_id is distinct from old.parent_id or new.project_id <> old.project_id or new.author_id is distinct from old.author_id then
      raise exception 'An update stays on its project, thread and author' using errcode = '23514';
    end if;
    if new.visibility <> old.visibility and exists (select 1 from public.project_updates c where c.parent_id = new.id) then
      raise exception 'An update with comments keeps its visibility' using errcode = '23514';
    end if;
    if new.body <> old.body then
      new.edited_at := now();
    end if;
  end if;
  return new;
end $$;
revoke execute on function private.project_update_rules() from public, anon, authenticated;
create trigger project_updates_rules before insert or update on public.project_updates
  for each row execute function private.project_update_rules();

create function private.project_update_notifications() returns trigger
language plpgsql security definer set search_path = '' as $$
declare project public.projects;
begin
  if new.visibility <> 'client' or (tg_op = 'UPDATE' and old.visibility = 'client') then
    return null;
  end if;
  select * into project from public.projects where id = new.project_id;
  if new.parent_id is null then
    perform private.notify(private.client_user_ids(project.client_id), new.organization_id, 'project.update',
      'New update on ' || project.name, left(new.body, 200), '/projects/' || project.id, jsonb_build_object('update_id', new.id));
  elsif exists (select 1 from public.organization_members m where m.user_id = new.author_id and m.organization_id = new.organization_id and m.role = 'client') then
    perform private.notify(array(select u.author_id from public.project_updates u where u.id = new.parent_id), new.organization_id,
      'project.comment', 'Client comment on ' || project.name, left(new.body, 200), '/projects/' || project.id,
      jsonb_build_object('update_id', new.id));
  end if;
  return null;
end $$;
revoke execute on function private.project_update_notifications() from public, anon, authenticated;
create trigger project_updates_notifications after insert or update of visibility on public.project_updates
  for each row execute function private.project_update_notifications();

-- Attachments: the item belongs to the project, files on an update follow its visibility, at most 5 per item.
create function private.attachment_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  item_visibility public.update_visibility;
  existing integer;
begin
  if new.task_id is not null and not exists (select 1 from public.tasks t where t.id = new.task_id and t.project_id = new.project_id) then
    raise exception 'The task is not on this project' using errcode = '23503';
  end if;
  if new.update_id is not null then
    select u.visibility into item_visibility from public.project_updates u where u.id = new.update_id and u.project_id = new.project_id;
    if item_visibility is null then
      raise exception 'The update is not on this project' using errcode = '23503';
    end if;
    new.client_visible := item_visibility = 'client';
  end if;
  -- Serialise uploads to one project so two at once cannot both be the fifth file.
  perform 1 from public.projects p where p.id = new.project_id for update;
  select count(*) into existing from public.attachments a
  where a.project_id = new.project_id and a.task_id is not distinct from new.task_id and a.update_id is not distinct from new.update_id;
  if existing >= 5 then
    raise exception 'This item already has 5 files, the most it can hold' using errcode = 'P0001',
      hint = 'Remove a file before adding another.';
  end if;
  return new;
end $$;
revoke execute on function private.attachment_rules() from public, anon, authenticated;
create trigger attachments_rules before insert on public.attachments for each row execute function private.attachment_rules();

-- Time entries take the project's rate unless one is given.
create function private.time_entry_defaults() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.hourly_rate is null then
    select coalesce(p.hourly_rate, 0) into new.hourly_rate from public.projects p where p.id = new.project_id;
  end if;
  if new.task_id is not null and not exists (select 1 from public.tasks t where t.id = new.task_id and t.project_id = new.project_id) then
    raise exception 'The task is not on this project' using errcode = '23503';
  end if;
  return new;
end $$;
revoke execute on function private.time_entry_defaults() from public, anon, authenticated;
create trigger time_entries_defaults before insert or update on public.time_entries
  for each row execute function private.time_entry_defaults();

-- Reports: publishing stamps who and when, and tells the client.
create function private.report_publishing() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := now();
    new.published_by := (select auth.uid());
  elsif new.status = 'draft' then
    new.published_at := null;
    new.published_by := null;
  end if;
  return new;
end $$;
create trigger report_drafts_publishing before insert or update on public.report_drafts
  for each row execute function private.report_publishing();

create function private.report_notifications() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    perform private.notify(private.client_user_ids(new.client_id), new.organization_id, 'report.published',
      'New report: ' || new.title, null, '/reports/' || new.id, jsonb_build_object('report_id', new.id));
  end if;
  return null;
end $$;
revoke execute on function private.report_notifications() from public, anon, authenticated;
create trigger report_drafts_notifications after insert or update on public.report_drafts
  for each row execute function private.report_notifications();

-- ---------------------------------------------------------------------------------------------------
-- Policy helpers for the portal.
-- ---------------------------------------------------------------------------------------------------
create function private.client_project_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 20 as $$
begin
  return query
  select p.id from public.projects p
  join public.organization_members m on m.client_id = p.client_id and m.organization_id = p.organization_id
  where m.user_id = (select auth.uid()) and m.role = 'client';
end $$;
comment on function private.client_project_ids is 'Projects of the clients the current user stands for as a client member.';
revoke execute on function private.client_project_ids() from public, anon;
grant execute on function private.client_project_ids() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------------
alter table public.clients enable row level security;
alter table public.projects enable row level security;
alter table public.tasks enable row level security;
alter table public.project_updates enable row level security;
alter table public.attachments enable row level security;
alter table public.time_entries enable row level security;
alter table public.capacity_entries enable row level security;
alter table public.report_drafts enable row level security;
alter table public.intake_forms enable row level security;
alter table public.intake_submissions enable row level security;
alter table public.rate_limits enable row level security;

-- clients: staff only.
create policy "Staff can read clients" on public.clients
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can add clients" on public.clients
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can edit clients" on public.clients
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete clients" on public.clients
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- projects: staff work with them; a client member reads its own client's projects.
create policy "Staff can read projects" on public.projects
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read their projects" on public.projects
  for select to authenticated using (id = any (array(select private.client_project_ids())));
create policy "Staff can add projects" on public.projects
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can edit projects" on public.projects
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete projects" on public.projects
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- tasks: clients read client-visible tasks of their projects and may ask for new ones.
create policy "Staff can read tasks" on public.tasks
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read their visible tasks" on public.tasks
  for select to authenticated using (client_visible and project_id = any (array(select private.client_project_ids())));
create policy "Staff can add tasks" on public.tasks
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can request tasks" on public.tasks
  for insert to authenticated with check (
    project_id = any (array(select private.client_project_ids()))
    and client_visible and request_status = 'pending' and requested_by = (select auth.uid())
    and status = 'todo' and assignee_id is null and checkpoint_on is null
  );
create policy "Staff can edit tasks" on public.tasks
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can delete tasks" on public.tasks
  for delete to authenticated using (
    organization_id = any (array(select private.org_ids_with_role('manager')))
    or (organization_id = any (array(select private.staff_org_ids())) and created_by = (select auth.uid()))
  );

-- project_updates: internal notes never reach clients.
create policy "Staff can read updates" on public.project_updates
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read client updates" on public.project_updates
  for select to authenticated using (visibility = 'client' and project_id = any (array(select private.client_project_ids())));
create policy "Staff can post updates" on public.project_updates
  for insert to authenticated with check (
    organization_id = any (array(select private.staff_org_ids())) and author_id = (select auth.uid())
  );
create policy "Clients can comment" on public.project_updates
  for insert to authenticated with check (
    visibility = 'client' and author_id = (select auth.uid()) and project_id = any (array(select private.client_project_ids()))
  );
create policy "Authors can edit their updates" on public.project_updates
  for update to authenticated
  using (author_id = (select auth.uid()) and (
    organization_id = any (array(select private.staff_org_ids()))
    or (visibility = 'client' and project_id = any (array(select private.client_project_ids())))))
  with check (author_id = (select auth.uid()) and (
    organization_id = any (array(select private.staff_org_ids()))
    or (visibility = 'client' and project_id = any (array(select private.client_project_ids())))));
create policy "Authors and managers can delete updates" on public.project_updates
  for delete to authenticated using (
    organization_id = any (array(select private.org_ids_with_role('manager')))
    or (author_id = (select auth.uid()) and (
      organization_id = any (array(select private.staff_org_ids()))
      or (visibility = 'client' and project_id = any (array(select private.client_project_ids())))))
  );

-- attachments: a client sees shared files of their projects whose item it can see.
create policy "Staff can read attachments" on public.attachments
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read shared files" on public.attachments
  for select to authenticated using (
    client_visible and project_id = any (array(select private.client_project_ids()))
    and (task_id is null or exists (select 1 from public.tasks t where t.id = attachments.task_id))
    and (update_id is null or exists (select 1 from public.project_updates u where u.id = attachments.update_id))
  );
create policy "Staff can attach files" on public.attachments
  for insert to authenticated with check (
    organization_id = any (array(select private.staff_org_ids())) and uploaded_by = (select auth.uid())
  );
create policy "Clients can attach files to their own comments and requests" on public.attachments
  for insert to authenticated with check (
    client_visible and uploaded_by = (select auth.uid()) and project_id = any (array(select private.client_project_ids()))
    and (
      exists (select 1 from public.project_updates u where u.id = attachments.update_id and u.author_id = (select auth.uid()))
      or exists (select 1 from public.tasks t where t.id = attachments.task_id and t.requested_by = (select auth.uid()))
    )
  );
create policy "Staff can share or unshare files" on public.attachments
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())) and update_id is null)
  with check (organization_id = any (array(select private.staff_org_ids())) and update_id is null);
create policy "Uploaders and managers can remove files" on public.attachments
  for delete to authenticated using (
    organization_id = any (array(select private.org_ids_with_role('manager')))
    or (uploaded_by = (select auth.uid()) and (
      organization_id = any (array(select private.staff_org_ids())) or project_id = any (array(select private.client_project_ids()))))
  );

-- time_entries: staff read their organization's time; each member logs their own, managers anyone's.
create policy "Staff can read time entries" on public.time_entries
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can log their own time" on public.time_entries
  for insert to authenticated with check (
    organization_id = any (array(select private.org_ids_with_role('manager')))
    or (organization_id = any (array(select private.staff_org_ids())) and user_id = (select auth.uid()))
  );
create policy "Staff can edit their own time" on public.time_entries
  for update to authenticated
  using (organization_id = any (array(select private.org_ids_with_role('manager')))
    or (organization_id = any (array(select private.staff_org_ids())) and user_id = (select auth.uid())))
  with check (organization_id = any (array(select private.org_ids_with_role('manager')))
    or (organization_id = any (array(select private.staff_org_ids())) and user_id = (select auth.uid())));
create policy "Staff can delete their own time" on public.time_entries
  for delete to authenticated using (
    organization_id = any (array(select private.org_ids_with_role('manager')))
    or (organization_id = any (array(select private.staff_org_ids())) and user_id = (select auth.uid()))
  );

-- capacity_entries: staff read the plan; managers make it.
create policy "Staff can read capacity" on public.capacity_entries
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can plan capacity" on public.capacity_entries
  for insert to authenticated with check (organization_id = any (array(select private.org_ids_with_role('manager'))));
create policy "Managers can change capacity" on public.capacity_entries
  for update to authenticated
  using (organization_id = any (array(select private.org_ids_with_role('manager'))))
  with check (organization_id = any (array(select private.org_ids_with_role('manager'))));
create policy "Managers can remove capacity" on public.capacity_entries
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- report_drafts: staff write them; a client reads the published ones for its client.
create policy "Staff can read reports" on public.report_drafts
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read their published reports" on public.report_drafts
  for select to authenticated using (status = 'published' and client_id = any (array(select private.client_ids())));
create policy "Staff can draft reports" on public.report_drafts
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can edit reports" on public.report_drafts
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete reports" on public.report_drafts
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- intake_forms: staff read, admins configure; the public reaches them only through intake_form().
create policy "Staff can read the intake form" on public.intake_forms
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Admins can create the intake form" on public.intake_forms
  for insert to authenticated with check (organization_id = any (array(select private.org_ids_with_role('admin'))));
create policy "Admins can edit the intake form" on public.intake_forms
  for update to authenticated
  using (organization_id = any (array(select private.org_ids_with_role('admin'))))
  with check (organization_id = any (array(select private.org_ids_with_role('admin'))));
create policy "Admins can delete the intake form" on public.intake_forms
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('admin'))));

-- intake_submissions: written only by submit_intake(); staff read, managers remove.
create policy "Staff can read intake submissions" on public.intake_submissions
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete intake submissions" on public.intake_submissions
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- rate_limits has no policies: only security-definer functions and the service role touch it.

-- ---------------------------------------------------------------------------------------------------
-- Grants: columns a caller may set; tenant and bookkeeping columns are never writable.
-- ---------------------------------------------------------------------------------------------------
revoke all on public.clients, public.projects, public.tasks, public.project_updates, public.attachments,
  public.time_entries, public.capacity_entries, public.report_drafts, public.intake_forms,
  public.intake_submissions, public.rate_limits from anon, authenticated;

grant select, delete on public.clients, public.projects, public.tasks, public.project_updates, public.attachments,
  public.time_entries, public.capacity_entries, public.report_drafts, public.intake_forms, public.intake_submissions
  to authenticated;
grant insert (id, organization_id, name, status, email, phone, website, contacts, billing_details, custom_fields, notes, owner_id, source),
  update (name, status, email, phone, website, contacts, billing_details, custom_fields, notes, owner_id)
  on public.clients to authenticated;
grant insert (id, organization_id, client_id, name, description, status, budget, budget_hours, hourly_rate, start_on, end_on,
    milestones, checkpoint_every_days, next_checkpoint_on),
  update (name, description, status, budget, budget_hours, hourly_rate, start_on, end_on, milestones, checkpoint_every_days,
    next_checkpoint_on, client_id)
  on public.projects to authenticated;
grant insert (id, organization_id, project_id, title, description, status, position, assignee_id, due_on, milestone_key,
    client_visible, requested_by, request_status),
  update (title, description, status, position, assignee_id, due_on, milestone_key, client_visible, request_status, decline_reason)
  on public.tasks to authenticated;
grant insert (id, organization_id, project_id, visibility, body, parent_id, author_id),
  update (body, visibility)
  on public.project_updates to authenticated;
grant insert (id, organization_id, project_id, task_id, update_id, object_path, file_name, content_type, size_bytes,
    client_visible, uploaded_by),
  update (client_visible)
  on public.attachments to authenticated;
grant insert (id, organization_id, project_id, task_id, user_id, started_at, ended_at, billable, hourly_rate, note),
  update (task_id, started_at, ended_at, billable, hourly_rate, note)
  on public.time_entries to authenticated;
grant insert (id, organization_id, user_id, project_id, week_start, planned_hours),
  update (planned_hours)
  on public.capacity_entries to authenticated;
grant insert (id, organization_id, client_id, period_start, period_end, title, body, status),
  update (title, body, status, period_start, period_end)
  on public.report_drafts to authenticated;
grant insert (id, organization_id, enabled, title, intro, thank_you, ask_budget),
  update (enabled, title, intro, thank_you, ask_budget)
  on public.intake_forms to authenticated;
grant all on public.clients, public.projects, public.tasks, public.project_updates, public.attachments,
  public.time_entries, public.capacity_entries, public.report_drafts, public.intake_forms,
  public.intake_submissions, public.rate_limits to service_role;

-- Tasks and updates change live on open boards and project pages.
alter publication supabase_realtime add table public.tasks, public.project_updates;
