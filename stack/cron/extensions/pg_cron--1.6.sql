-- pg_cron 1.6's SQL surface (citusdata/pg_cron) without its C background worker: the same tables,
-- functions, grants and row security. The Atrium stack's scheduler (stack/cron) reads cron.job and
-- runs due jobs, writing cron.job_run_details as pg_cron does.
\echo Use "CREATE EXTENSION pg_cron" to load this file. \quit

create schema cron;
create sequence cron.jobid_seq;
create sequence cron.runid_seq;

create table cron.job (
  jobid bigint primary key default nextval('cron.jobid_seq'),
  schedule text not null,
  command text not null,
  nodename text not null default 'localhost',
  nodeport int not null default inet_server_port(),
  database text not null default current_database(),
  username text not null default current_user,
  active boolean not null default true,
  jobname text,
  constraint jobname_username_uniq unique (jobname, username)
);
-- pg_cron's C functions write cron.job with their own rights; these SQL ones run as the caller, so
-- the caller may write its own rows (the policy below keeps everyone to `username = current_user`).
grant select, insert, update, delete on cron.job to public;
grant usage on sequence cron.jobid_seq to public;
alter table cron.job enable row level security;
create policy cron_job_policy on cron.job using (username = current_user);

create table cron.job_run_details (
  jobid bigint,
  runid bigint primary key default nextval('cron.runid_seq'),
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);
grant select, delete on cron.job_run_details to public;
alter table cron.job_run_details enable row level security;
create policy cron_job_run_details_policy on cron.job_run_details using (username = current_user);

select pg_catalog.pg_extension_config_dump('cron.job', '');
select pg_catalog.pg_extension_config_dump('cron.job_run_details', '');
select pg_catalog.pg_extension_config_dump('cron.jobid_seq', '');
select pg_catalog.pg_extension_config_dump('cron.runid_seq', '');

-- Vixie cron (5 fields, names, ranges, steps, lists; `$` = last day of month), the @ shorthands,
-- or pg_cron's '<1-59> seconds'.
create function cron._valid_schedule(schedule text) returns boolean
language plpgsql immutable set search_path = '' as $$
declare
  s text := lower(btrim(schedule));
  fields text[];
  lo int[] := array[0, 0, 1, 1, 0];
  hi int[] := array[59, 23, 31, 12, 7];
  months text[] := array['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'];
  days text[] := array['sun','mon','tue','wed','thu','fri','sat'];
  part text;
  m text[];
  i int;
begin
  if s ~ '^([1-9]|[1-5][0-9]) seconds?$' then return true; end if;
  if s in ('@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly') then return true; end if;
  fields := regexp_split_to_array(s, '\s+');
  if coalesce(array_length(fields, 1), 0) <> 5 then return false; end if;
  for i in 1..12 loop fields[4] := replace(fields[4], months[i], i::text); end loop;
  for i in 1..7 loop fields[5] := replace(fields[5], days[i], (i - 1)::text); end loop;
  for i in 1..5 loop
    if i = 3 and fields[i] = '$' then continue; end if;
    foreach part in array string_to_array(fields[i], ',') loop
      m := regexp_match(part, '^(\*|(\d+)(-(\d+))?)(/(\d+))?$');
      if m is null then return false; end if;
      if m[2] is not null and (m[2]::int < lo[i] or m[2]::int > hi[i]) then return false; end if;
      if m[4] is not null and (m[4]::int < m[2]::int or m[4]::int > hi[i]) then return false; end if;
      if m[6] is not null and m[6]::int = 0 then return false; end if;
    end loop;
  end loop;
  return true;
end
$$;

create function cron._check_schedule(schedule text) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if schedule is null or not cron._valid_schedule(schedule) then
    raise exception 'invalid schedule: %', schedule using errcode = '22023';
  end if;
end
$$;

create function cron.schedule(job_name text, schedule text, command text) returns bigint
language plpgsql strict set search_path = '' as $$
declare
  id bigint;
begin
  perform cron._check_schedule(schedule);
  insert into cron.job (schedule, command, database, username, jobname)
  values (schedule, command, current_database(), current_user, job_name)
  on conflict on constraint jobname_username_uniq do update
    set schedule = excluded.schedule, command = excluded.command, database = excluded.database
  returning jobid into id;
  return id;
end
$$;
comment on function cron.schedule(text, text, text) is 'schedule a pg_cron job';

create function cron.schedule(schedule text, command text) returns bigint
language plpgsql strict set search_path = '' as $$
declare
  id bigint;
begin
  perform cron._check_schedule(schedule);
  insert into cron.job (schedule, command, database, username)
  values (schedule, command, current_database(), current_user)
  returning jobid into id;
  return id;
end
$$;
comment on function cron.schedule(text, text) is 'schedule a pg_cron job';

create function cron.schedule_in_database(job_name text, schedule text, command text, database text,
                                          username text default null, active boolean default true) returns bigint
language plpgsql set search_path = '' as $$
declare
  id bigint;
  owner text := coalesce(username, current_user);
begin
  perform cron._check_schedule(schedule);
  if not exists (select 1 from pg_catalog.pg_database d where d.datname = database) then
    raise exception 'database "%" does not exist', database using errcode = '3D000';
  end if;
  insert into cron.job (schedule, command, database, username, active, jobname)
  values (schedule, command, database, owner, active, job_name)
  on conflict on constraint jobname_username_uniq do update
    set schedule = excluded.schedule, command = excluded.command, database = excluded.database, active = excluded.active
  returning jobid into id;
  return id;
end
$$;
revoke execute on function cron.schedule_in_database(text, text, text, text, text, boolean) from public;

create function cron.unschedule(job_id bigint) returns boolean
language plpgsql strict set search_path = '' as $$
begin
  delete from cron.job j where j.jobid = job_id;
  if not found then
    raise exception 'could not find valid entry for job %', job_id using errcode = '22023';
  end if;
  return true;
end
$$;
comment on function cron.unschedule(bigint) is 'unschedule a pg_cron job';

create function cron.unschedule(job_name text) returns boolean
language plpgsql strict set search_path = '' as $$
begin
  delete from cron.job j where j.jobname = job_name and j.username = current_user;
  if not found then
    raise exception 'could not find valid entry for job ''%''', job_name using errcode = '22023';
  end if;
  return true;
end
$$;
comment on function cron.unschedule(text) is 'unschedule a pg_cron job';

create function cron.alter_job(job_id bigint, schedule text default null, command text default null,
                               database text default null, username text default null, active boolean default null)
returns void
language plpgsql set search_path = '' as $$
begin
  if schedule is not null then perform cron._check_schedule(schedule); end if;
  update cron.job j
     set schedule = coalesce(alter_job.schedule, j.schedule),
         command = coalesce(alter_job.command, j.command),
         database = coalesce(alter_job.database, j.database),
         username = coalesce(alter_job.username, j.username),
         active = coalesce(alter_job.active, j.active)
   where j.jobid = job_id;
  if not found then
    raise exception 'Job % does not exist or you don''t own it', job_id using errcode = '22023';
  end if;
end
$$;
revoke execute on function cron.alter_job(bigint, text, text, text, text, boolean) from public;
