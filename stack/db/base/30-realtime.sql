-- What Supabase Realtime's own migrations create in schema `realtime` (supabase/realtime,
-- lib/realtime/tenants/repo/migrations): the `messages` table private channels are authorised
-- against and `realtime.send` writes to, `realtime.topic()`, `realtime.send` and
-- `realtime.broadcast_changes`. Plus the stack's own helper for RLS checks on postgres_changes.
-- Idempotent: runs on every stack start. The publication `supabase_realtime` comes from 00-*.sql.

create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now(),
  id uuid not null default gen_random_uuid(),
  constraint messages_pkey primary key (id, inserted_at)
);
alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;
grant all on realtime.messages to postgres, supabase_realtime_admin;
create index if not exists messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic);

create or replace function realtime.topic() returns text
  language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
  returns void
  language plpgsql
as $$
declare
  generated_id uuid;
  final_payload jsonb;
begin
  begin
    generated_id := gen_random_uuid();
    if payload ? 'id' then
      final_payload := payload;
    else
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    end if;
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (generated_id, final_payload, event, topic, private, 'broadcast');
  exception when others then
    raise warning 'WarnSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
) returns void
  language plpgsql
as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object('old_record', old, 'record', new, 'operation', operation,
                                   'table', table_name, 'schema', table_schema);
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
exception when others then
  raise exception 'Failed to process the row: %', sqlerrm;
end;
$$;

grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean),
  realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to postgres, anon, authenticated, service_role;

-- Committed realtime.messages rows reach subscribers through logical replication, as upstream
-- reads them; a publication of its own so `supabase_realtime` stays the app's to manage.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime_messages_publication') then
    create publication supabase_realtime_messages_publication for table realtime.messages with (publish = 'insert');
  end if;
end $$;

-- Which of `checks` (a JSON array of {role, claims}) may SELECT the row of `entity` whose key
-- columns equal those in `pk`: each check runs as that role with its claims, the way upstream's
-- realtime.apply_rls switches role per subscription, with one prepared statement per role so the
-- plan is reused across subscribers. Returns the indexes of the passing checks. A check that errors
-- (unknown role, a policy that raises) does not pass. `xid` is the change's transaction: logical
-- decoding may hand over a commit a moment before new snapshots see it, so wait (bounded) for that.
create or replace function _atrium.realtime_visible(entity regclass, key_columns text[], pk jsonb, checks jsonb, xid bigint)
  returns setof integer
  language plpgsql
as $$
declare
  i integer;
  ok boolean;
  working_role text;
  check_sql text;
  xmax bigint;
  full_xid bigint;
begin
  xmax := pg_snapshot_xmax(pg_current_snapshot())::text::bigint;
  full_xid := ((xmax >> 32) << 32) | xid;
  if full_xid > xmax then
    full_xid := full_xid - (1::bigint << 32);
  end if;
  for attempt in 1 .. 500 loop
    exit when pg_visible_in_snapshot(full_xid::text::xid8, pg_current_snapshot());
    perform pg_sleep(0.001);
  end loop;

  check_sql := format(
    'select exists (select 1 from %s t where (%s) = (select %s from jsonb_populate_record(null::%s, %L::jsonb) r))',
    entity,
    (select string_agg(format('t.%I', c), ', ') from unnest(key_columns) c),
    (select string_agg(format('r.%I', c), ', ') from unnest(key_columns) c),
    entity, pk::text);
  for working_role in select distinct c ->> 'role' from jsonb_array_elements(checks) c loop
    if exists (select 1 from pg_prepared_statements where name = '_atrium_realtime_rls') then
      deallocate _atrium_realtime_rls;
    end if;
    begin
      perform set_config('role', working_role, true);
      execute 'prepare _atrium_realtime_rls as ' || check_sql;
    exception when others then
      continue;
    end;
    for i in 0 .. jsonb_array_length(checks) - 1 loop
      continue when checks -> i ->> 'role' is distinct from working_role;
      perform set_config('request.jwt.claims', checks -> i ->> 'claims', true);
      begin
        execute 'execute _atrium_realtime_rls' into ok;
      exception when others then
        ok := false;
      end;
      if ok then
        return next i;
      end if;
    end loop;
  end loop;
  if exists (select 1 from pg_prepared_statements where name = '_atrium_realtime_rls') then
    deallocate _atrium_realtime_rls;
  end if;
  perform set_config('role', 'none', true);
end;
$$;
revoke all on function _atrium.realtime_visible(regclass, text[], jsonb, jsonb, bigint) from public;
