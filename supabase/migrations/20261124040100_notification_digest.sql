-- Notification digest: every 15 minutes, each person with notifications left unread longer than their
-- organization's notification_digest_minutes (default 60; null turns the digest off; notifications
-- without an organization use 60) gets one `notification_digest` e-mail listing them, and those
-- notifications are marked digested in the same statement, so no notification is ever mailed twice.
-- Rows another run holds are skipped (two runs at once never mail the same row).

create function private.queue_notification_digests() returns integer
language plpgsql security definer set search_path = '' as $$
declare queued integer;
begin
  with due as (
    select n.id
    from public.notifications n
    left join public.organizations o on o.id = n.organization_id
    where n.read_at is null and n.digested_at is null
      and (n.organization_id is null or o.notification_digest_minutes is not null)
      and n.created_at < now() - make_interval(mins => coalesce(o.notification_digest_minutes, 60))
    for update of n skip locked
  ),
  marked as (
    update public.notifications n set digested_at = now()
    from due where n.id = due.id
    returning n.user_id, n.organization_id, n.title, n.body, n.link, n.created_at
  ),
  per_user as (
    select m.user_id, count(*) as total,
      (array_agg(jsonb_build_object(
         'title', m.title, 'body', left(m.body, 300), 'link', m.link, 'created_at', m.created_at, 'organization_name', o.name)
       order by m.created_at desc))[1:20] as items
    from marked m left join public.organizations o on o.id = m.organization_id
    group by m.user_id
  ),
  mailed as (
    insert into public.email_outbox (to_email, subject, template, payload)
    select u.email,
      case when pu.total = 1 then 'You have 1 unread notification on Atrium'
           else format('You have %s unread notifications on Atrium', pu.total) end,
      'notification_digest',
      jsonb_build_object('display_name', p.display_name, 'total', pu.total, 'items', to_jsonb(pu.items), 'path', '/notifications')
    from per_user pu
    join auth.users u on u.id = pu.user_id
    left join public.profiles p on p.id = pu.user_id
    where u.email is not null and u.email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'
    returning 1
  )
  select count(*)::integer into queued from mailed;
  return queued;
end $$;
comment on function private.queue_notification_digests is 'Queues one digest e-mail per person for notifications unread past their organization''s digest delay; marks them digested.';
revoke execute on function private.queue_notification_digests() from public, anon, authenticated;

select cron.schedule('notification-digest', '*/15 * * * *', $$ select private.queue_notification_digests() $$);
