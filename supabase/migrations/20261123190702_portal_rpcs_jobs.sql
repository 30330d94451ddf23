-- The operations around clients and projects that must hold for every surface: timers, capacity and
-- budget figures, report generation, the public intake form, the attachments bucket, and the daily jobs
-- (stale leads 03:00, stale attachments 04:00, recurring checkpoints 04:15, all UTC).

-- ---------------------------------------------------------------------------------------------------
-- Budget bands, shared by every module that compares spending with a budget.
-- ---------------------------------------------------------------------------------------------------
create function public.budget_band(used numeric, budget numeric) returns text
language sql immutable set search_path = '' as $$
  select case
    when budget is null or budget <= 0 then null
    when used > budget then 'over_budget'
    when used >= budget * 0.9 then 'critical'
    when used >= budget * 0.75 then 'warning'
    else 'on_track'
  end
$$;
comment on function public.budget_band is 'on_track below 75% of the budget, warning from 75%, critical from 90%, over_budget above 100%; null without a budget.';
grant execute on function public.budget_band(numeric, numeric) to anon, authenticated, service_role;

-- Budget burn per project (staff only): tracked hours and their cost against the budget.
-- Spent comes from recorded costs (time entries at their rate) until invoices exist.
create view public.project_budget_status with (security_invoker = true) as
select
  p.id as project_id,
  p.organization_id,
  p.client_id,
  p.budget,
  p.budget_hours,
  coalesce(t.tracked_minutes, 0) / 60.0 as tracked_hours,
  coalesce(t.billable_minutes, 0) / 60.0 as billable_hours,
  round(coalesce(t.cost, 0), 2) as spent,
  public.budget_band(coalesce(t.tracked_minutes, 0) / 60.0, p.budget_hours) as hours_band,
  public.budget_band(round(coalesce(t.cost, 0), 2), p.budget) as money_band
from public.projects p
left join lateral (
  select sum(e.minutes) as tracked_minutes,
         sum(e.minutes) filter (where e.billable) as billable_minutes,
         sum(e.minutes * e.hourly_rate / 60.0) as cost
  from public.time_entries e where e.project_id = p.id and e.ended_at is not null
) t on true
where p.organization_id = any (array(select private.staff_org_ids()));
comment on view public.project_budget_status is 'Budget burn per project: tracked hours and cost (hours x rate) against budget_hours and budget, with bands.';
revoke all on public.project_budget_status from anon, authenticated;
grant select on public.project_budget_status to authenticated, service_role;

-- RPCs below run as the caller and start by checking there is one.
grant execute on function private.require_user() to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Timers: one running timer per member; starting a new one stops the old one in the same transaction.
-- ---------------------------------------------------------------------------------------------------
create function public.start_timer(project_id uuid, task_id uuid default null, note text default null)
returns public.time_entries
language plpgsql set search_path = '' as $$
declare
  uid uuid := private.require_user();
  org uuid;
  entry public.time_entries;
begin
  select p.organization_id into org from public.projects p where p.id = start_timer.project_id;
  if org is null then
    raise exception 'Project not found' using errcode = 'P0002';
  end if;
  perform public.stop_timer();
  insert into public.time_entries (organization_id, project_id, task_id, user_id, started_at, note)
  values (org, start_timer.project_id, start_timer.task_id, uid, now(), start_timer.note)
  returning * into entry;
  return entry;
end $$;
comment on function public.start_timer is 'Starts the current member''s timer on a project (and task), stopping any timer already running.';

create function public.stop_timer() returns public.time_entries
language plpgsql set search_path = '' as $$
declare
  uid uuid := private.require_user();
  entry public.time_entries;
begin
  update public.time_entries e
     set ended_at = greatest(least(now(), e.started_at + interval '24 hours'), e.started_at + interval '1 second')
   where e.user_id = uid and e.ended_at is null
  returning * into entry;
  return entry;
end $$;
comment on function public.stop_timer is 'Stops the current member''s running timer (capped at 24 hours); returns it, or null when none ran.';
grant execute on function public.start_timer(uuid, uuid, text), public.stop_timer() to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Capacity: planned against tracked hours per member and week.
-- ---------------------------------------------------------------------------------------------------
create function public.capacity_overview(organization_id uuid, from_week date, weeks integer default 6)
returns table (user_id uuid, week_start date, planned_hours numeric, actual_hours numeric)
language sql stable set search_path = '' as $$
  with span as (
    select (date_trunc('week', from_week)::date + 7 * g)::date as week_start
    from generate_series(0, least(greatest(weeks, 1), 26) - 1) g
  ),
  org as (select o.timezone from public.organizations o where o.id = capacity_overview.organization_id),
  planned as (
    select c.user_id, c.week_start, sum(c.planned_hours) as hours
    from public.capacity_entries c
    where c.organization_id = capacity_overview.organization_id
      and c.week_start between (select min(week_start) from span) and (select max(week_start) from span)
    group by 1, 2
  ),
  actual as (
    select e.user_id, date_trunc('week', (e.started_at at time zone (select timezone from org)))::date as week_start,
           sum(e.minutes) / 60.0 as hours
    from public.time_entries e
    where e.organization_id = capacity_overview.organization_id and e.ended_at is not null
      and e.started_at >= (select min(week_start) from span) - interval '1 day'
      and e.started_at < (select max(week_start) from span) + interval '8 days'
    group by 1, 2
  ),
  people as (select p.user_id from planned p union select a.user_id from actual a)
  select people.user_id, span.week_start, coalesce(planned.hours, 0), round(coalesce(actual.hours, 0), 2)
  from people cross join span
  left join planned on planned.user_id = people.user_id and planned.week_start = span.week_start
  left join actual on actual.user_id = people.user_id and actual.week_start = span.week_start
  order by 1, 2
$$;
comment on function public.capacity_overview is 'Planned and tracked hours per member for `weeks` weeks from the week of from_week (under the caller''s RLS).';
grant execute on function public.capacity_overview(uuid, date, integer) to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Report drafts: generated from a period's client updates, client-visible tasks and milestones.
-- ---------------------------------------------------------------------------------------------------
create function public.generate_report_draft(client_id uuid, period_start date, period_end date)
returns public.report_drafts
language plpgsql set search_path = '' as $$
declare
  client public.clients;
  project public.projects;
  body text := '';
  section text;
  draft public.report_drafts;
begin
  perform private.require_user();
  if period_end < period_start then
    raise exception 'The period ends before it starts' using errcode = '22023';
  end if;
  select * into client from public.clients c where c.id = generate_report_draft.client_id;
  if client.id is null then
    raise exception 'Client not found' using errcode = 'P0002';
  end if;
  for project in
    select * from public.projects p where p.client_id = client.id and p.status <> 'archived' order by p.name
  loop
    body := body || format(E'## %s\n\n', project.name);
    select string_agg(format('- %s: %s', to_char(u.created_at, 'Mon DD'), replace(left(u.body, 400), E'\n', ' ')), E'\n' order by u.created_at)
      into section from public.project_updates u
     where u.project_id = project.id and u.visibility = 'client' and u.parent_id is null
       and u.created_at::date between period_start and period_end;
    body := body || E'### Updates\n\n' || coalesce(section, '- No updates this period.') || E'\n\n';
    select string_agg(format('- %s (done %s)', t.title, to_char(t.completed_at, 'Mon DD')), E'\n' order by t.completed_at)
      into section from public.tasks t
     where t.project_id = project.id and t.client_visible and t.status = 'done'
       and t.completed_at::date between period_start and period_end;
    body := body || E'### Completed\n\n' || coalesce(section, '- Nothing completed this period.') || E'\n\n';
    select string_agg(format('- %s%s', t.title, coalesce(' (due ' || to_char(t.due_on, 'Mon DD') || ')', '')), E'\n' order by t.due_on nulls last)
      into section from public.tasks t
     where t.project_id = project.id and t.client_visible and t.status <> 'done'
       and coalesce(t.request_status, 'accepted') = 'accepted';
    body := body || E'### In progress and next\n\n' || coalesce(section, '- Nothing open.') || E'\n\n';
    select string_agg(format('- %s%s: %s', m ->> 'title',
             coalesce(' (' || to_char((m ->> 'due_on')::date, 'Mon DD, YYYY') || ')', ''),
             case when (m ->> 'done')::boolean then 'done' when (m ->> 'due_on')::date < period_end then 'overdue' else 'upcoming' end),
           E'\n' order by m ->> 'due_on' nulls last)
      into section from jsonb_array_elements(project.milestones) m;
    body := body || E'### Milestones\n\n' || coalesce(section, '- No milestones set.') || E'\n\n';
  end loop;
  if body = '' then
    body := E'No projects for this client yet.\n';
  end if;
  insert into public.report_drafts (organization_id, client_id, period_start, period_end, title, body)
  values (client.organization_id, client.id, period_start, period_end,
          format('%s: %s to %s', client.name, to_char(period_start, 'Mon DD'), to_char(period_end, 'Mon DD, YYYY')),
          rtrim(body, E'\n') || E'\n')
  returning * into draft;
  return draft;
end $$;
comment on function public.generate_report_draft is 'Drafts a client report for a period from client updates, client-visible tasks and milestones (staff, under RLS).';
grant execute on function public.generate_report_draft(uuid, date, date) to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- The portal: which clients the current user stands for (clients cannot read the clients table).
-- ---------------------------------------------------------------------------------------------------
create function public.my_client_accounts()
returns table (organization_id uuid, client_id uuid, client_name text)
language sql stable security definer set search_path = '' as $$
  select c.organization_id, c.id, c.name
  from public.organization_members m join public.clients c on c.id = m.client_id
  where m.user_id = (select auth.uid()) and m.role = 'client'
$$;
comment on function public.my_client_accounts is 'For client members: the client each of their memberships stands for (id and name only).';
grant execute on function public.my_client_accounts() to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Rate limiting and the public intake form.
-- ---------------------------------------------------------------------------------------------------
create function private.request_ip() returns text
language sql stable set search_path = '' as $$
  select nullif(btrim(split_part(coalesce(current_setting('request.headers', true)::json ->> 'x-forwarded-for', ''), ',', 1)), '')
$$;
comment on function private.request_ip is 'The caller''s IP address as the API gateway forwarded it (x-forwarded-for), or null.';

-- Counts one hit in a fixed window; false once `max_hits` is exceeded.
create function private.take_rate_limit(bucket text, subject text, max_hits integer, window_length interval)
returns boolean
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  window_begin timestamptz := to_timestamp(floor(extract(epoch from now()) / extract(epoch from window_length)) * extract(epoch from window_length));
  count integer;
begin
  insert into public.rate_limits as r (bucket, subject, window_start, hits)
  values (take_rate_limit.bucket, take_rate_limit.subject, window_begin, 1)
  on conflict (bucket, subject, window_start) do update set hits = r.hits + 1
  returning r.hits into count;
  -- Old windows are cleared as we go.
  delete from public.rate_limits r where r.bucket = take_rate_limit.bucket and r.window_start < window_begin - window_length;
  return count <= max_hits;
end $$;
revoke execute on function private.take_rate_limit(text, text, integer, interval) from public, anon, authenticated;

create function public.intake_form(org_slug text)
returns table (organization_name text, title text, intro text, thank_you text, ask_budget boolean)
language sql stable security definer set search_path = '' as $$
  select o.name, f.title, f.intro, f.thank_you, f.ask_budget
  from public.organizations o join public.intake_forms f on f.organization_id = o.id
  where o.slug = lower(org_slug) and f.enabled
$$;
comment on function public.intake_form is 'The public intake form of an organization (by slug), when it has one that is enabled.';
grant execute on function public.intake_form(text) to anon, authenticated;

create function public.submit_intake(
  org_slug text, name text, email text, message text,
  company text default null, phone text default null, budget text default null,
  website text default null -- the honeypot: people never see this field, bots fill it in
) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  form public.intake_forms;
  ip text := coalesce(private.request_ip(), 'unknown');
  lead public.clients;
  clean_name text := btrim(coalesce(name, ''));
  clean_email text := lower(btrim(coalesce(email, '')));
  clean_message text := btrim(coalesce(message, ''));
  clean_company text := nullif(btrim(coalesce(company, '')), '');
begin
  select f.* into form from public.intake_forms f join public.organizations o on o.id = f.organization_id
  where o.slug = lower(org_slug) and f.enabled;
  if form.id is null then
    raise exception 'This organization does not take requests online' using errcode = 'P0002';
  end if;
  if not private.take_rate_limit('intake', form.organization_id || ':' || ip, 5, interval '1 hour') then
    raise exception 'Too many requests from your network; please try again in an hour' using errcode = 'PT429';
  end if;
  -- A filled honeypot looks like success to the bot and stores nothing.
  if coalesce(btrim(website), '') <> '' then
    return jsonb_build_object('ok', true);
  end if;
  if char_length(clean_name) not between 1 and 120 then
    raise exception 'Please give your name (at most 120 characters)' using errcode = '22023';
  end if;
  if not private.is_email(clean_email) or char_length(clean_email) > 254 then
    raise exception 'Please give a valid email address' using errcode = '22023';
  end if;
  if char_length(clean_message) not between 10 and 5000 then
    raise exception 'Please describe what you need in 10 to 5000 characters' using errcode = '22023';
  end if;
  if char_length(coalesce(clean_company, '')) > 120 or char_length(coalesce(phone, '')) > 40 or char_length(coalesce(budget, '')) > 60 then
    raise exception 'Company (120), phone (40) or budget (60) is too long' using errcode = '22023';
  end if;

  insert into public.clients (organization_id, name, status, email, phone, contacts, notes, source, created_by)
  values (form.organization_id, coalesce(clean_company, clean_name), 'lead', clean_email, nullif(btrim(coalesce(phone, '')), ''),
          jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('name', clean_name, 'email', clean_email, 'phone', nullif(btrim(coalesce(phone, '')), '')))),
          clean_message, 'intake', null)
  returning * into lead;
  insert into public.intake_submissions (organization_id, form_id, client_id, name, email, company, phone, budget, message, ip_hash, user_agent)
  values (form.organization_id, form.id, lead.id, clean_name, clean_email, clean_company, nullif(btrim(coalesce(phone, '')), ''),
          nullif(btrim(coalesce(budget, '')), ''), clean_message,
          encode(extensions.digest(convert_to(form.organization_id || ':' || ip, 'UTF8'), 'sha256'), 'hex'),
          left(current_setting('request.headers', true)::json ->> 'user-agent', 400));
  perform private.notify(private.staff_user_ids(form.organization_id, 'manager'), form.organization_id, 'lead.created',
    'New lead: ' || lead.name, left(clean_message, 200), '/clients/' || lead.id, jsonb_build_object('client_id', lead.id));
  return jsonb_build_object('ok', true);
end $$;
comment on function public.submit_intake is 'Public: turns an intake form submission into a lead; validated, honeypot-protected, 5 per hour per IP and organization.';
grant execute on function public.submit_intake(text, text, text, text, text, text, text, text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Attachments bucket: private, 10 MB a file; an object is readable exactly when its attachments row is.
-- Upload order: insert the attachments row (limits checked there), then upload to its object_path.
-- Removal order: the object, then the row.
-- ---------------------------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit)
values ('attachments', 'attachments', false, 10485760)
on conflict (id) do nothing;

create policy "Attachment files are readable with their row" on storage.objects
  for select to authenticated using (
    bucket_id = 'attachments' and exists (select 1 from public.attachments a where a.object_path = objects.name)
  );
create policy "Uploaders can store the file of their attachment" on storage.objects
  for insert to authenticated with check (
    bucket_id = 'attachments'
    and exists (select 1 from public.attachments a where a.object_path = objects.name and a.uploaded_by = (select auth.uid()))
  );
-- Removing a file: the object first (while its row still says who may), then the row. Storage deletes
-- only what the caller can also read, so an object whose row is gone is left to the daily job.
create policy "Uploaders and managers can remove attachment files" on storage.objects
  for delete to authenticated using (
    bucket_id = 'attachments'
    and exists (
      select 1 from public.attachments a
      where a.object_path = objects.name
        and (a.uploaded_by = (select auth.uid()) or a.organization_id = any (array(select private.org_ids_with_role('manager'))))
    )
  );

-- ---------------------------------------------------------------------------------------------------
-- Scheduled jobs.
-- ---------------------------------------------------------------------------------------------------
-- Calls an edge function with the service key (both from Vault); a project without them skips the call.
create function private.call_edge_function(function_name text, body jsonb default '{}'::jsonb) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  base_url text := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url');
  key text := (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key');
begin
  if base_url is null or key is null then
    return null;
  end if;
  return net.http_post(
    url := rtrim(base_url, '/') || '/functions/v1/' || function_name,
    body := body,
    headers := jsonb_build_object('Authorization', 'Bearer ' || key, 'Content-Type', 'application/json'),
    timeout_milliseconds := 60000
  );
end $$;
revoke execute on function private.call_edge_function(text, jsonb) from public, anon, authenticated;

-- Leads with no activity for the organization's stale_lead_days are flagged, and their owner (or the
-- managers, when nobody owns them) told once.
create function private.flag_stale_leads() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  lead record;
  flagged integer := 0;
begin
  for lead in
    update public.clients c set stale_since = now()
    from public.organizations o
    where o.id = c.organization_id and c.status = 'lead' and c.stale_since is null
      and c.last_activity_at < now() - make_interval(days => o.stale_lead_days)
    returning c.id, c.organization_id, c.name, c.owner_id, o.stale_lead_days
  loop
    flagged := flagged + 1;
    perform private.notify(
      case when lead.owner_id is null then private.staff_user_ids(lead.organization_id, 'manager') else array[lead.owner_id] end,
      lead.organization_id, 'lead.stale', 'Lead going cold: ' || lead.name,
      format('No activity for %s days.', lead.stale_lead_days), '/clients/' || lead.id, jsonb_build_object('client_id', lead.id));
  end loop;
  return flagged;
end $$;
revoke execute on function private.flag_stale_leads() from public, anon, authenticated;

-- For the clean-attachments function: files whose attachments row is gone, and rows whose upload never
-- arrived (after a day).
create function public.stale_attachment_objects(max_rows integer default 500) returns setof text
language sql stable security definer set search_path = '' as $$
  select o.name from storage.objects o
  where o.bucket_id = 'attachments'
    and not exists (select 1 from public.attachments a where a.object_path = o.name)
  order by o.created_at
  limit least(greatest(max_rows, 1), 1000)
$$;
revoke execute on function public.stale_attachment_objects(integer) from public, anon, authenticated;
grant execute on function public.stale_attachment_objects(integer) to service_role;

create function public.delete_abandoned_attachments() returns integer
language sql security definer set search_path = '' as $$
  with gone as (
    delete from public.attachments a
    where a.created_at < now() - interval '1 day'
      and not exists (select 1 from storage.objects o where o.bucket_id = 'attachments' and o.name = a.object_path)
    returning 1
  )
  select count(*)::integer from gone
$$;
revoke execute on function public.delete_abandoned_attachments() from public, anon, authenticated;
grant execute on function public.delete_abandoned_attachments() to service_role;

-- Projects that ask for recurring checkpoints get the next checkpoint task when it falls due.
create function private.create_due_checkpoints(today date default (now() at time zone 'utc')::date) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  project public.projects;
  created integer := 0;
  next_on date;
begin
  for project in
    select * from public.projects p
    where p.checkpoint_every_days is not null and p.next_checkpoint_on <= today and p.status in ('planning', 'active')
    for update skip locked
  loop
    insert into public.tasks (organization_id, project_id, title, description, status, due_on, checkpoint_on, created_by)
    values (project.organization_id, project.id, 'Checkpoint: ' || to_char(project.next_checkpoint_on, 'Mon DD, YYYY'),
            'Review progress, budget and next steps with the team.', 'todo', project.next_checkpoint_on, project.next_checkpoint_on, null)
    on conflict (project_id, checkpoint_on) where checkpoint_on is not null do nothing;
    created := created + 1;
    next_on := project.next_checkpoint_on;
    while next_on <= today loop
      next_on := next_on + project.checkpoint_every_days;
    end loop;
    update public.projects set next_checkpoint_on = next_on where id = project.id;
  end loop;
  return created;
end $$;
revoke execute on function private.create_due_checkpoints(date) from public, anon, authenticated;

select cron.schedule('flag-stale-leads', '0 3 * * *', $$ select private.flag_stale_leads() $$);
select cron.schedule('clean-stale-attachments', '0 4 * * *', $$ select private.call_edge_function('clean-attachments') $$);
select cron.schedule('project-checkpoints', '15 4 * * *', $$ select private.create_due_checkpoints() $$);
