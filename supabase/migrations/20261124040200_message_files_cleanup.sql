-- Message files leave Storage with their message. delete_message() asks the clean-message-files edge
-- function (through pg_net, after commit) to remove the deleted message's files through the Storage
-- API, so the bytes go too; a daily run sweeps files no message lists (an upload whose message was
-- never sent, a file taken out of an edited message) once they are a day old.

-- Which files are listed by a live message (answers "may this object go?").
create index messages_attachments_idx on public.messages using gin (attachments jsonb_path_ops);

create function public.stale_message_files(paths text[] default null, max_rows integer default 500) returns setof text
language sql stable security definer set search_path = '' as $$
  select o.name from storage.objects o
  where o.bucket_id = 'message-attachments'
    and (case when paths is null then o.created_at < now() - interval '1 day' else o.name = any (paths) end)
    and not exists (
      select 1 from public.messages m where m.attachments @> jsonb_build_array(jsonb_build_object('path', o.name))
    )
  order by o.created_at
  limit least(greatest(max_rows, 1), 1000)
$$;
comment on function public.stale_message_files is 'For clean-message-files: the given paths (or files over a day old) in message-attachments that no message lists.';
revoke execute on function public.stale_message_files(text[], integer) from public, anon, authenticated;
grant execute on function public.stale_message_files(text[], integer) to service_role;

select cron.schedule('clean-message-files', '30 4 * * *', $$ select private.call_edge_function('clean-message-files') $$);
