-- storage.buckets / storage.objects as storage-api's migrations leave them. RLS on, no policies:
-- projects write their own. Idempotent.
set local role supabase_storage_admin;

do $$
begin
  if not exists (select 1 from pg_type where typname = 'buckettype' and typnamespace = 'storage'::regnamespace) then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end $$;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  type storage.buckettype not null default 'STANDARD',
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

create or replace function storage.foldername(name text) returns text[] language plpgsql immutable as $$
declare _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end $$;

create or replace function storage.filename(name text) returns text language plpgsql immutable as $$
declare _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end $$;

create or replace function storage.extension(name text) returns text language plpgsql immutable as $$
declare _parts text[]; _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end $$;

reset role;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role, postgres;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text) to anon, authenticated, service_role, postgres;

-- ---------------------------------------------------------------------------------------------
-- What storage-api's later migrations add and what policies and clients rely on.
-- ---------------------------------------------------------------------------------------------
set local role supabase_storage_admin;

-- The operation the Storage API is performing (e.g. `storage.object.upload`), for policies.
create or replace function storage.operation() returns text language plpgsql stable as $$
begin
  return current_setting('storage.operation', true);
end $$;

create or replace function storage.get_size_by_bucket() returns table (size bigint, bucket_id text)
language plpgsql stable as $$
begin
  return query
    select sum((o.metadata ->> 'size')::bigint)::bigint as size, o.bucket_id
    from storage.objects o
    group by o.bucket_id;
end $$;

-- The direct children of a folder (`prefix` ends with `/` or is empty): sub-folders first (id and
-- dates null), then files. Security invoker, so the caller's SELECT policies decide what is seen.
create or replace function storage.search(
  prefix text, bucketname text, limits int default 100, levels int default 1, offsets int default 0,
  search text default '', sortcolumn text default 'name', sortorder text default 'asc'
) returns table (name text, id uuid, updated_at timestamptz, created_at timestamptz,
                 last_accessed_at timestamptz, metadata jsonb)
language plpgsql stable as $$
declare
  v_order text;
  v_pattern text;
begin
  if sortcolumn not in ('name', 'updated_at', 'created_at', 'last_accessed_at') then
    raise exception 'invalid sort column %', sortcolumn using errcode = '22023';
  end if;
  if lower(sortorder) not in ('asc', 'desc') then
    raise exception 'invalid sort order %', sortorder using errcode = '22023';
  end if;
  v_order := lower(sortorder);
  v_pattern := replace(replace(replace(coalesce(prefix, '') || coalesce(search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  return query execute format(
    'with matching as (
       select o.* from storage.objects o
       where o.bucket_id = $1 and o.name ilike $2
     ), folders as (
       select m.path_tokens[$3] as folder from matching m
       where array_length(m.path_tokens, 1) > $3
       group by 1
     )
     (select f.folder, null::uuid, null::timestamptz, null::timestamptz, null::timestamptz, null::jsonb
        from folders f order by f.folder collate "C" %1$s)
     union all
     (select m.path_tokens[$3], m.id, m.updated_at, m.created_at, m.last_accessed_at, m.metadata
        from matching m where array_length(m.path_tokens, 1) = $3
        order by %2$s %1$s, m.name collate "C" %1$s)
     limit $4 offset $5',
    v_order,
    case when sortcolumn = 'name' then 'm.path_tokens[$3] collate "C"' else format('m.%I', sortcolumn) end
  ) using bucketname, v_pattern, levels, limits, offsets;
end $$;

-- storage-api migration 0055: SQL DELETE on the storage tables would orphan files, so it is refused
-- unless the Storage API itself asks (`storage.allow_delete_query`).
create or replace function storage.protect_delete() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), '') <> 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using errcode = '42501', hint = 'This prevents accidental data loss from orphaned objects.';
  end if;
  return null;
end $$;

create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();

-- updated_at follows every change, as storage-api's update_updated_at_column trigger does.
create or replace function storage.update_updated_at_column() returns trigger language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end $$;

create or replace trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

reset role;

grant execute on function storage.operation(), storage.get_size_by_bucket(),
  storage.search(text, text, int, int, int, text, text, text) to anon, authenticated, service_role, postgres;
