-- Email delivery: rows queued in public.email_outbox are sent by the `send-email` edge function.
-- A statement trigger calls it right after something is queued (through pg_net, after commit), and a
-- cron job every minute picks up whatever is still queued or failed, up to 5 attempts per email.
-- The function's address and the service key come from Vault (`project_url`, `service_role_key`),
-- set per project by `supabase db push` from [db.vault] in config.toml.
create extension if not exists pg_net with schema extensions;
create extension if not exists pg_cron with schema pg_catalog;

-- Claims up to batch_size emails for one sender run; rows another run holds are skipped.
create function public.claim_email_batch(batch_size integer default 25) returns setof public.email_outbox
language sql security definer set search_path = '' as $$
  update public.email_outbox o set status = 'sending', attempts = o.attempts + 1
  where o.id in (
    select q.id from public.email_outbox q
    where q.status = 'queued'
       or (q.status = 'failed' and q.attempts < 5)
       -- A run that died mid-send leaves rows in 'sending'; take them back after 10 minutes.
       or (q.status = 'sending' and q.attempts < 5 and q.created_at < now() - interval '10 minutes')
    order by q.created_at
    limit least(greatest(batch_size, 1), 100)
    for update skip locked
  )
  returning o.*
$$;
comment on function public.claim_email_batch is 'For the send-email function: marks a batch of queued emails as sending and returns them.';
revoke execute on function public.claim_email_batch(integer) from public, anon, authenticated;
grant execute on function public.claim_email_batch(integer) to service_role;

create function private.request_email_delivery() returns void
language plpgsql security definer set search_path = '' as $$
declare
  base_url text := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url');
  key text := (select decrypted_secret from vault.decrypted_secrets where name = 'service_role_key');
begin
  -- Without the secrets (a project not configured yet) mail stays queued until they are set.
  if base_url is null or key is null then
    return;
  end if;
  perform net.http_post(
    url := rtrim(base_url, '/') || '/functions/v1/send-email',
    body := '{}'::jsonb,
    headers := jsonb_build_object('Authorization', 'Bearer ' || key, 'Content-Type', 'application/json'),
    timeout_milliseconds := 30000
  );
end $$;
revoke execute on function private.request_email_delivery() from public, anon, authenticated;

create function private.deliver_queued_email() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.request_email_delivery();
  return null;
end $$;
revoke execute on function private.deliver_queued_email() from public, anon, authenticated;

create trigger email_outbox_deliver after insert on public.email_outbox
  for each statement execute function private.deliver_queued_email();

select cron.schedule(
  'send-queued-email',
  '* * * * *',
  $$ select private.request_email_delivery() where exists (
       select 1 from public.email_outbox where status in ('queued', 'failed') and attempts < 5) $$
);
