-- Estimate request attachments (a private bucket), payments that disappear still settle their invoice,
-- and e-mail retries with backoff: a failed e-mail waits before its next attempt (1, 2, 4, 8 minutes),
-- a claimed one is leased for 10 minutes, and the provider gets the outbox id as idempotency key so a
-- retry after a lost answer never delivers twice.

-- ---------------------------------------------------------------------------------------------------
-- Payments deleted (by the service role) give their money back to the invoice's figures.
-- ---------------------------------------------------------------------------------------------------
create function private.payment_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.invoices i where i.id = old.invoice_id) then
    perform private.settle_invoice(old.invoice_id);
  end if;
  return null;
end $$;
revoke execute on function private.payment_deleted() from public, anon, authenticated;
create trigger payments_settle_on_delete after delete on public.payments
  for each row execute function private.payment_deleted();

-- ---------------------------------------------------------------------------------------------------
-- E-mail retries with backoff.
-- ---------------------------------------------------------------------------------------------------
alter table public.email_outbox add column next_attempt_at timestamptz not null default now();
comment on column public.email_outbox.next_attempt_at is 'Not claimed before this time: the backoff after a failure, or the lease of a run that is sending it.';
drop index if exists public.email_outbox_queued_idx;
create index email_outbox_queued_idx on public.email_outbox (next_attempt_at) where status in ('queued', 'failed', 'sending');

create or replace function public.claim_email_batch(batch_size integer default 25) returns setof public.email_outbox
language sql security definer set search_path = '' as $$
  update public.email_outbox o set status = 'sending', attempts = o.attempts + 1,
    -- The lease: a run that dies mid-send gives the row back after 10 minutes.
    next_attempt_at = now() + interval '10 minutes'
  where o.id in (
    select q.id from public.email_outbox q
    where q.status in ('queued', 'failed', 'sending') and q.attempts < 5 and q.next_attempt_at <= now()
    order by q.next_attempt_at, q.created_at
    limit least(greatest(batch_size, 1), 100)
    for update skip locked
  )
  returning o.*
$$;
comment on function public.claim_email_batch is 'For the send-email function: leases a batch of due emails (queued, failed and past their backoff, or abandoned) and returns them.';

-- The sender's outcome: sent (never claimed again), or failed with the next attempt after 1, 2, 4, 8 minutes.
create function public.finish_email(email_id uuid, ok boolean, provider text default null, provider_id text default null,
  error text default null) returns void
language sql security definer set search_path = '' as $$
  update public.email_outbox o set
    status = case when ok then 'sent' else 'failed' end,
    provider = coalesce(finish_email.provider, o.provider),
    provider_id = case when ok then finish_email.provider_id else o.provider_id end,
    sent_at = case when ok then now() else o.sent_at end,
    last_error = case when ok then null else left(finish_email.error, 500) end,
    next_attempt_at = case when ok then o.next_attempt_at
                           else now() + make_interval(mins => power(2, greatest(o.attempts - 1, 0))::integer) end
  where o.id = email_id and o.status = 'sending'
$$;
comment on function public.finish_email is 'For the send-email function: records a delivery (sent, provider id) or a failure (error, backoff).';
revoke execute on function public.finish_email(uuid, boolean, text, text, text) from public, anon, authenticated;
grant execute on function public.finish_email(uuid, boolean, text, text, text) to service_role;

-- The every-minute job only calls the function when something is due.
select cron.unschedule('send-queued-email');
select cron.schedule(
  'send-queued-email',
  '* * * * *',
  $$ select private.request_email_delivery() where exists (
       select 1 from public.email_outbox where status in ('queued', 'failed', 'sending') and attempts < 5 and next_attempt_at <= now()) $$
);

-- ---------------------------------------------------------------------------------------------------
-- Estimate request attachments: private bucket `estimate-files`, 10 MB a file, at most 5 per estimate,
-- path `<organization_id>/<estimate_id>/<file name>`. Whoever can read the estimate reads its files;
-- the requester (while requested) and staff upload and delete.
-- ---------------------------------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit)
values ('estimate-files', 'estimate-files', false, 10485760)
on conflict (id) do nothing;

create function private.path_uuid(part text) returns uuid
language sql immutable set search_path = '' as $$
  select case when part ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then part::uuid end
$$;
grant execute on function private.path_uuid(text) to authenticated, service_role;

create function private.may_write_estimate_files(object_name text, adding boolean) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  folders text[] := storage.foldername(object_name);
  est public.estimates;
begin
  if cardinality(folders) <> 2 then
    return false;
  end if;
  select * into est from public.estimates e
  where e.id = private.path_uuid(folders[2]) and e.organization_id = private.path_uuid(folders[1]);
  if est.id is null then
    return false;
  end if;
  if not (coalesce(private.role_in(est.organization_id) >= 'member', false)
          or (est.requested_by = (select auth.uid()) and est.status = 'requested'
              and est.client_id = any (array(select private.client_ids())))) then
    return false;
  end if;
  return not adding or (
    select count(*) from storage.objects o
    where o.bucket_id = 'estimate-files' and o.name like folders[1] || '/' || folders[2] || '/%') < 5;
end $$;
comment on function private.may_write_estimate_files is 'Storage policy helper: staff, or the requester while the estimate is requested; at most 5 files when adding.';
revoke execute on function private.may_write_estimate_files(text, boolean) from public, anon;
grant execute on function private.may_write_estimate_files(text, boolean) to authenticated, service_role;

create policy "Estimate readers can read its files" on storage.objects
  for select to authenticated using (
    bucket_id = 'estimate-files' and exists (
      select 1 from public.estimates e
      where e.id = private.path_uuid((storage.foldername(objects.name))[2])
        and e.organization_id = private.path_uuid((storage.foldername(objects.name))[1]))
  );
create policy "Requesters and staff can attach estimate files" on storage.objects
  for insert to authenticated with check (
    bucket_id = 'estimate-files' and private.may_write_estimate_files(name, true)
  );
create policy "Requesters and staff can remove estimate files" on storage.objects
  for delete to authenticated using (
    bucket_id = 'estimate-files' and private.may_write_estimate_files(name, false)
  );
