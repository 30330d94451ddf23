-- Policy helpers in PL/pgSQL, and policies that call them as `= any (array(select ...))`.
-- A security-definer SQL function is never inlined and is re-planned on every call; PL/pgSQL caches its
-- plan per session. Called as `col = any (array(select private.x()))` the helper runs once per statement
-- (an InitPlan) and, unlike `col in (select ...)` (which stays a per-row filter inside an RLS qual), its
-- result can drive an index scan, so a member's unfiltered list does not read the whole table
-- (bench/scenarios/rls.ts: member/owner p50 from 1.56x to about 1.4x). Every later policy uses this form.

create or replace function private.org_ids_with_role(min_role public.org_role) returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select m.organization_id from public.organization_members m
    where m.user_id = (select auth.uid()) and m.role >= min_role;
end $$;

create or replace function private.member_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select m.organization_id from public.organization_members m where m.user_id = (select auth.uid());
end $$;

create or replace function private.staff_org_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select m.organization_id from public.organization_members m
    where m.user_id = (select auth.uid()) and m.role >= 'member';
end $$;

create or replace function private.client_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select m.client_id from public.organization_members m
    where m.user_id = (select auth.uid()) and m.role = 'client' and m.client_id is not null;
end $$;

create or replace function private.co_member_user_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select distinct other.user_id
    from public.organization_members mine
    join public.organization_members other on other.organization_id = mine.organization_id
    where mine.user_id = (select auth.uid());
end $$;

alter policy "Members can read their organizations" on public.organizations
  using (id = any (array(select private.member_org_ids())));
alter policy "Admins can update their organization" on public.organizations
  using (id = any (array(select private.org_ids_with_role('admin'))))
  with check (id = any (array(select private.org_ids_with_role('admin'))));
alter policy "Owners can delete their organization" on public.organizations
  using (id = any (array(select private.org_ids_with_role('owner'))));

alter policy "Staff can read their organization's members" on public.organization_members
  using (organization_id = any (array(select private.staff_org_ids())));
alter policy "Clients can read their own membership and the staff" on public.organization_members
  using (
    organization_id = any (array(select private.member_org_ids()))
    and (user_id = (select auth.uid()) or role >= 'member')
  );

alter policy "Managers can read their organization's invitations" on public.invitations
  using (organization_id = any (array(select private.org_ids_with_role('manager'))));

alter policy "Users can read their own, co-members' and public profiles" on public.profiles
  using (is_public or id = (select auth.uid()) or id = any (array(select private.co_member_user_ids())));

alter policy "Members can read platform and organization flags" on public.feature_flags
  using (organization_id is null or organization_id = any (array(select private.member_org_ids())));

alter policy "Admins can read their organization's audit trail" on public.audit_logs
  using (organization_id = any (array(select private.org_ids_with_role('admin'))));

-- The audit trail is append-only for the service role too: `grant all` gave it update and delete.
revoke all on public.audit_logs from service_role;
grant select, insert on public.audit_logs to service_role;
