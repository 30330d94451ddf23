-- pg_net 0.20's SQL surface (supabase/pg_net) without its C background worker: requests are queued
-- in net.http_request_queue and the Atrium stack's worker (stack/cron) sends them after the caller
-- commits, writing net._http_response with the same id.
\echo Use "CREATE EXTENSION pg_net" to load this file. \quit

create schema if not exists net;

create domain net.http_method as text check (value ilike 'get' or value ilike 'post' or value ilike 'delete');

create unlogged table net.http_request_queue (
  id bigserial,
  method net.http_method not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds int not null
);

create unlogged table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out bool,
  error_msg text,
  created timestamptz not null default now()
);
create index on net._http_response (created);

create function net._urlencode_string(string varchar) returns text
language sql immutable strict set search_path = '' as $$
  select coalesce(string_agg(
    case when ch ~ '^[A-Za-z0-9_.~-]$' then ch
         else upper(regexp_replace(encode(convert_to(ch, 'utf8'), 'hex'), '(..)', '%\1', 'g')) end,
    '' order by ord), '')
  from regexp_split_to_table(string, '') with ordinality as t(ch, ord)
$$;

create function net._encode_url_with_params_array(url text, params_array text[]) returns text
language sql immutable strict set search_path = '' as $$
  select case when coalesce(array_length(params_array, 1), 0) = 0 then url
              else url || case when strpos(url, '?') > 0 then '&' else '?' end || array_to_string(params_array, '&') end
$$;

create function net._params(params jsonb) returns text[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(net._urlencode_string(key) || '=' || net._urlencode_string(value)), '{}')
  from jsonb_each_text(coalesce(params, '{}'::jsonb))
$$;

create function net._enqueue(method text, url text, params jsonb, headers jsonb, body bytea, timeout_milliseconds int)
returns bigint
language plpgsql set search_path = '' as $$
declare
  request_id bigint;
begin
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values (method, net._encode_url_with_params_array(url, net._params(params)), coalesce(headers, '{}'::jsonb), body, timeout_milliseconds)
  returning id into request_id;
  -- Delivered only on commit: a rolled-back request is never sent, as with pg_net.
  perform pg_catalog.pg_notify('atrium_net', request_id::text);
  return request_id;
end
$$;

create function net.http_get(url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb,
                             timeout_milliseconds int default 5000) returns bigint
language sql volatile parallel safe strict set search_path = '' as $$
  select net._enqueue('GET', url, params, headers, null, timeout_milliseconds)
$$;

create function net.http_post(url text, body jsonb default '{}'::jsonb, params jsonb default '{}'::jsonb,
                              headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
                              timeout_milliseconds int default 5000) returns bigint
language plpgsql volatile parallel safe set search_path = '' as $$
declare
  content_type text;
begin
  select value into content_type from jsonb_each_text(coalesce(headers, '{}'::jsonb)) where lower(key) = 'content-type' limit 1;
  if content_type is null then
    headers := coalesce(headers, '{}'::jsonb) || '{"Content-Type": "application/json"}'::jsonb;
  elsif content_type <> 'application/json' then
    raise exception 'Content-Type header must be "application/json"';
  end if;
  return net._enqueue('POST', url, params, headers, convert_to(body::text, 'UTF8'), timeout_milliseconds);
end
$$;

create function net.http_delete(url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb,
                                timeout_milliseconds int default 5000, body jsonb default null) returns bigint
language sql volatile parallel safe set search_path = '' as $$
  select net._enqueue('DELETE', url, params, headers, convert_to(body::text, 'UTF8'), timeout_milliseconds)
$$;

create type net.request_status as enum ('PENDING', 'SUCCESS', 'ERROR');
create type net.http_response as (status_code integer, headers jsonb, body text);
create type net.http_response_result as (status net.request_status, message text, response net.http_response);

create function net.http_collect_response(request_id bigint, async boolean default true) returns net.http_response_result
language plpgsql volatile parallel safe strict set search_path = '' as $$
declare
  rec net._http_response;
begin
  loop
    select * into rec from net._http_response r where r.id = request_id;
    exit when rec.id is not null or async;
    perform pg_catalog.pg_sleep(0.05);
  end loop;
  if rec.id is null then
    return ('PENDING', 'request not found', null)::net.http_response_result;
  elsif rec.error_msg is not null then
    return ('ERROR', rec.error_msg, null)::net.http_response_result;
  end if;
  return ('SUCCESS', 'ok', (rec.status_code, rec.headers, rec.content)::net.http_response)::net.http_response_result;
end
$$;

create function net.wake() returns void
language sql volatile set search_path = '' as $$
  select pg_catalog.pg_notify('atrium_net', '')
$$;

create function net.worker_restart() returns boolean
language sql volatile set search_path = '' as $$
  select true
$$;

grant usage on schema net to public;
grant all on all tables in schema net to public;
grant all on all sequences in schema net to public;
grant execute on all functions in schema net to public;
