-- Plans: what each Atrium plan allows (platform rows in feature_flags, now with a `value`), what an
-- organization uses, and the two limits enforced in SQL for every surface: active projects and staff
-- seats. Limits hold for organizations created through the app by a signed-in person; organizations
-- an operator creates in SQL (seed data, imports, tests) are exempt until an operator sets
-- `plan_limits_enforced`. Billing RPCs let admins start a subscription or open the customer portal.

alter table public.feature_flags add column value jsonb;
comment on column public.feature_flags.value is 'Settings carried by a flag, e.g. a plan''s limits (null limit = unlimited).';

insert into public.feature_flags (organization_id, key, enabled, description, value) values
  (null, 'plan.free', true, 'Free plan limits', '{"max_active_projects": 5, "max_staff": 3}'),
  (null, 'plan.pro', true, 'Pro plan limits', '{"max_active_projects": 50, "max_staff": 20}'),
  (null, 'plan.business', true, 'Business plan limits (null = unlimited)', '{"max_active_projects": null, "max_staff": null}');

alter table public.organizations
  add column plan_limits_enforced boolean not null default (auth.uid() is not null);
comment on column public.organizations.plan_limits_enforced is 'Whether plan limits hold: true for organizations created by a signed-in person.';

-- The limits of an organization's plan: its own override row first, then the platform row.
create function private.plan_limits_of(org uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select f.value from public.feature_flags f join public.organizations o on o.id = org
      where f.organization_id = org and f.key = 'plan.' || o.plan::text and f.value is not null),
    (select f.value from public.feature_flags f join public.organizations o on o.id = org
      where f.organization_id is null and f.key = 'plan.' || o.plan::text),
    '{}'::jsonb)
$$;
revoke execute on function private.plan_limits_of(uuid) from public, anon, authenticated;

create function private.plan_usage_of(org uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'active_projects', (select count(*) from public.projects p where p.organization_id = org and p.status in ('planning', 'active', 'on_hold')),
    'staff', (select count(*) from public.organization_members m where m.organization_id = org and m.role >= 'member'))
$$;
revoke execute on function private.plan_usage_of(uuid) from public, anon, authenticated;

create function public.plan_limits(org uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_user();
  if not org = any (array(select private.staff_org_ids())) then
    raise exception 'Only staff of the organization can see its plan' using errcode = '42501';
  end if;
  return private.plan_limits_of(org);
end $$;
comment on function public.plan_limits is 'The limits of the organization''s plan, e.g. {"max_active_projects": 5, "max_staff": 3}; null = unlimited.';

create function public.plan_usage(org uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_user();
  if not org = any (array(select private.staff_org_ids())) then
    raise exception 'Only staff of the organization can see its plan' using errcode = '42501';
  end if;
  return private.plan_usage_of(org);
end $$;
comment on function public.plan_usage is 'What the organization uses of its plan: active projects and staff seats.';
revoke execute on function public.plan_limits(uuid), public.plan_usage(uuid) from public, anon;
grant execute on function public.plan_limits(uuid), public.plan_usage(uuid) to authenticated;

create function private.plan_name(org uuid) returns text
language sql stable security definer set search_path = '' as $$
  select initcap(o.plan::text) from public.organizations o where o.id = org
$$;
revoke execute on function private.plan_name(uuid) from public, anon, authenticated;

-- Active projects: planning, active and on hold count; completed and archived do not.
create function private.enforce_project_limit() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  org public.organizations;
  lim bigint;
  used bigint;
begin
  if new.status not in ('planning', 'active', 'on_hold') then return new; end if;
  if tg_op = 'UPDATE' and old.status in ('planning', 'active', 'on_hold') and old.organization_id = new.organization_id then return new; end if;
  select * into org from public.organizations o where o.id = new.organization_id;
  if org.id is null or not org.plan_limits_enforced then return new; end if;
  lim := (private.plan_limits_of(org.id) ->> 'max_active_projects')::bigint;
  if lim is null then return new; end if;
  -- One organization's project inserts queue here, so two at once cannot both take the last place.
  perform 1 from public.organizations o where o.id = org.id for update;
  select count(*) into used from public.projects p
    where p.organization_id = org.id and p.status in ('planning', 'active', 'on_hold') and p.id <> new.id;
  if used >= lim then
    raise exception 'Your % plan allows % active projects — upgrade to add more', private.plan_name(org.id), lim
      using errcode = '23514', hint = 'Complete or archive a project, or upgrade on Settings → Plan.';
  end if;
  return new;
end $$;
revoke execute on function private.enforce_project_limit() from public, anon, authenticated;
create trigger projects_plan_limit before insert or update of status, organization_id on public.projects
  for each row execute function private.enforce_project_limit();

-- Staff seats: owners, admins, managers and members; client members are free.
create function private.enforce_staff_limit() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  org public.organizations;
  lim bigint;
  used bigint;
begin
  if new.role < 'member' then return new; end if;
  if tg_op = 'UPDATE' and old.role >= 'member' and old.organization_id = new.organization_id then return new; end if;
  select * into org from public.organizations o where o.id = new.organization_id;
  if org.id is null or not org.plan_limits_enforced then return new; end if;
  lim := (private.plan_limits_of(org.id) ->> 'max_staff')::bigint;
  if lim is null then return new; end if;
  perform 1 from public.organizations o where o.id = org.id for update;
  select count(*) into used from public.organization_members m
    where m.organization_id = org.id and m.role >= 'member' and m.id <> new.id;
  if used >= lim then
    raise exception 'Your % plan allows % staff seats — upgrade to add more', private.plan_name(org.id), lim
      using errcode = '23514', hint = 'Remove a staff member, or upgrade on Settings → Plan.';
  end if;
  return new;
end $$;
revoke execute on function private.enforce_staff_limit() from public, anon, authenticated;
create trigger organization_members_plan_limit before insert or update of role, organization_id on public.organization_members
  for each row execute function private.enforce_staff_limit();

-- ---------------------------------------------------------------------------------------------------
-- Billing RPCs for the billing-checkout and billing-portal functions (run as the caller).
-- ---------------------------------------------------------------------------------------------------
create function public.billing_account(org uuid)
returns table (organization_id uuid, name text, plan public.org_plan, stripe_customer_id text, email text, subscription_status text)
language plpgsql stable security definer set search_path = '' as $$
declare uid uuid := private.require_user();
begin
  if not org = any (array(select private.org_ids_with_role('admin'))) then
    raise exception 'Only owners and admins can manage billing' using errcode = '42501';
  end if;
  return query
  select o.id, o.name, o.plan, o.stripe_customer_id, (select u.email::text from auth.users u where u.id = uid),
    (select s.status from public.subscriptions s where s.organization_id = o.id)
  from public.organizations o where o.id = org;
end $$;
comment on function public.billing_account is 'What starting a subscription or opening the billing portal needs; admins only.';

create function public.set_billing_customer(org uuid, customer text) returns text
language plpgsql security definer set search_path = '' as $$
declare kept text;
begin
  perform private.require_user();
  if not org = any (array(select private.org_ids_with_role('admin'))) then
    raise exception 'Only owners and admins can manage billing' using errcode = '42501';
  end if;
  if customer !~ '^cus_[A-Za-z0-9_]+$' then
    raise exception 'Not a Stripe customer id' using errcode = '22023';
  end if;
  update public.organizations o set stripe_customer_id = coalesce(o.stripe_customer_id, customer)
  where o.id = org returning o.stripe_customer_id into kept;
  return kept;
end $$;
comment on function public.set_billing_customer is 'Keeps the organization''s Stripe customer (the first one wins); admins only.';
revoke execute on function public.billing_account(uuid), public.set_billing_customer(uuid, text) from public, anon;
grant execute on function public.billing_account(uuid), public.set_billing_customer(uuid, text) to authenticated;
