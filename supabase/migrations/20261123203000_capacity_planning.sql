-- Planning capacity from the grid: a manager sets how many hours a member is planned on a project in a
-- week. capacity_entries lets callers update planned_hours only (tenant and key columns are never
-- writable), so a REST upsert, which sets every column it sends, is refused; this function inserts the
-- entry or changes just its hours, as the caller, under RLS: only managers of the project's organization
-- get past the capacity_entries policies. Clearing a cell is a plain delete of the entry.

create function public.set_planned_hours(project_id uuid, user_id uuid, week_start date, planned_hours numeric)
returns public.capacity_entries
language plpgsql set search_path = '' as $$
#variable_conflict use_column
declare
  org uuid;
  entry public.capacity_entries;
begin
  perform private.require_user();
  select p.organization_id into org from public.projects p where p.id = set_planned_hours.project_id;
  if org is null then
    raise exception 'Project not found' using errcode = 'P0002';
  end if;
  if set_planned_hours.week_start is null or extract(isodow from set_planned_hours.week_start) <> 1 then
    raise exception 'A planning week starts on a Monday' using errcode = '22023';
  end if;
  if set_planned_hours.planned_hours is null or set_planned_hours.planned_hours < 0 or set_planned_hours.planned_hours > 168 then
    raise exception 'Planned hours are between 0 and 168 a week' using errcode = '22023';
  end if;
  insert into public.capacity_entries as c (organization_id, user_id, project_id, week_start, planned_hours)
  values (org, set_planned_hours.user_id, set_planned_hours.project_id, set_planned_hours.week_start, set_planned_hours.planned_hours)
  on conflict on constraint capacity_entries_project_id_user_id_week_start_key
  do update set planned_hours = excluded.planned_hours
  returning * into entry;
  return entry;
end $$;
comment on function public.set_planned_hours is 'Sets a member''s planned hours on a project for a week starting on Monday; managers only, through RLS.';
grant execute on function public.set_planned_hours(uuid, uuid, date, numeric) to authenticated;
