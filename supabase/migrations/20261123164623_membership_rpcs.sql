-- Membership changes happen only through these functions, so the role rules hold for every surface
-- (SPA, CLI, edge functions). They are security definer because members cannot write the membership
-- tables directly; each one checks the caller itself before it writes.

create function private.require_user() returns uuid
language plpgsql stable set search_path = '' as $$
declare uid uuid := (select auth.uid());
begin
  if uid is null then
    raise exception 'You must be signed in' using errcode = '42501';
  end if;
  return uid;
end $$;

create function private.new_invitation_token() returns text
language sql volatile set search_path = '' as $$
  select translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/=', '-_')
$$;

create function private.hash_token(token text) returns text
language sql immutable set search_path = '' as $$
  select encode(extensions.digest(convert_to(token, 'UTF8'), 'sha256'), 'hex')
$$;

create function private.queue_invitation_email(inv public.invitations, token text) returns void
language plpgsql security definer set search_path = '' as $$
declare org public.organizations;
begin
  select * into org from public.organizations where id = inv.organization_id;
  insert into public.email_outbox (organization_id, to_email, subject, template, payload)
  values (inv.organization_id, inv.email, format('You are invited to join %s on Atrium', org.name), 'invitation',
    jsonb_build_object('token', token, 'organization_name', org.name, 'role', inv.role,
      'invited_by', (select coalesce(p.display_name, u.email) from auth.users u left join public.profiles p on p.id = u.id where u.id = inv.invited_by),
      'path', '/invite/' || token, 'expires_at', inv.expires_at));
end $$;

revoke execute on all functions in schema private from public, anon;

-- ---------------------------------------------------------------------------------------------------
create function public.create_organization(name text, slug text) returns public.organizations
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  org public.organizations;
begin
  if slug is null or slug !~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$' then
    raise exception 'The address may use lowercase letters, digits and dashes (2-48 characters)' using errcode = '22023';
  end if;
  if exists (select 1 from public.organizations o where o.slug = create_organization.slug) then
    raise exception 'The address "%" is taken', slug using errcode = '23505', hint = 'Choose another address.';
  end if;
  insert into public.organizations (name, slug, created_by) values (btrim(name), slug, uid) returning * into org;
  insert into public.organization_members (organization_id, user_id, role) values (org.id, uid, 'owner');
  return org;
end $$;
comment on function public.create_organization is 'Creates an organization; the caller becomes its owner.';

-- ---------------------------------------------------------------------------------------------------
create function public.invite_member(organization_id uuid, email text, role public.org_role, client_id uuid default null)
returns table (id uuid, token text, expires_at timestamptz)
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  uid uuid := private.require_user();
  my_role public.org_role := private.role_in(invite_member.organization_id);
  raw_token text := private.new_invitation_token();
  inv public.invitations;
begin
  if my_role is null or my_role < 'manager' then
    raise exception 'Only owners, admins and managers can invite people' using errcode = '42501';
  end if;
  if role = 'owner' then
    raise exception 'Invite as admin, then transfer ownership' using errcode = '22023';
  end if;
  if my_role = 'manager' and role not in ('member', 'client') then
    raise exception 'Managers can invite members and clients only' using errcode = '42501';
  end if;
  if client_id is not null and role <> 'client' then
    raise exception 'Only client invitations name a client' using errcode = '22023';
  end if;
  if exists (select 1 from public.organization_members m join auth.users u on u.id = m.user_id
             where m.organization_id = invite_member.organization_id and lower(u.email) = lower(btrim(invite_member.email))) then
    raise exception '% is already a member', btrim(email) using errcode = '23505';
  end if;
  -- A new invitation to the same address replaces the open one.
  update public.invitations i set revoked_at = now()
  where i.organization_id = invite_member.organization_id and lower(i.email) = lower(btrim(invite_member.email))
    and i.accepted_at is null and i.revoked_at is null;
  insert into public.invitations (organization_id, email, role, client_id, token_hash, invited_by)
  values (invite_member.organization_id, lower(btrim(email)), role, client_id, private.hash_token(raw_token), uid)
  returning * into inv;
  perform private.queue_invitation_email(inv, raw_token);
  return query select inv.id, raw_token, inv.expires_at;
end $$;
comment on function public.invite_member is 'Invites an email address; owners/admins any role but owner, managers members and clients. Returns the token once.';

create function public.resend_invitation(invitation_id uuid) returns table (id uuid, token text, expires_at timestamptz)
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  inv public.invitations;
begin
  perform private.require_user();
  select * into inv from public.invitations i where i.id = resend_invitation.invitation_id;
  if inv.id is null or private.role_in(inv.organization_id) is null or private.role_in(inv.organization_id) < 'manager' then
    raise exception 'Invitation not found' using errcode = 'P0002';
  end if;
  if inv.accepted_at is not null or inv.revoked_at is not null then
    raise exception 'This invitation is no longer open' using errcode = '22023';
  end if;
  return query select * from public.invite_member(inv.organization_id, inv.email, inv.role, inv.client_id);
end $$;
comment on function public.resend_invitation is 'Replaces an open invitation with a fresh token and expiry, and emails it again.';

create function public.revoke_invitation(invitation_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare inv public.invitations;
begin
  perform private.require_user();
  select * into inv from public.invitations i where i.id = revoke_invitation.invitation_id;
  if inv.id is null or private.role_in(inv.organization_id) is null or private.role_in(inv.organization_id) < 'manager' then
    raise exception 'Invitation not found' using errcode = 'P0002';
  end if;
  if private.role_in(inv.organization_id) = 'manager' and inv.role not in ('member', 'client') then
    raise exception 'Managers can revoke member and client invitations only' using errcode = '42501';
  end if;
  update public.invitations i set revoked_at = now() where i.id = inv.id and i.accepted_at is null and i.revoked_at is null;
end $$;

-- What the invitation page shows before someone accepts (the token is the only key; no sign-in needed).
create function public.invitation_preview(token text)
returns table (organization_name text, role public.org_role, email text, expires_at timestamptz, status text)
language sql stable security definer set search_path = '' as $$
  select o.name, i.role, i.email, i.expires_at,
    case when i.accepted_at is not null then 'accepted' when i.revoked_at is not null then 'revoked'
         when i.expires_at < now() then 'expired' else 'open' end
  from public.invitations i join public.organizations o on o.id = i.organization_id
  where i.token_hash = private.hash_token(token)
$$;

create function public.accept_invitation(token text) returns public.organization_members
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  inv public.invitations;
  member public.organization_members;
begin
  select * into inv from public.invitations i where i.token_hash = private.hash_token(token) for update;
  if inv.id is null then
    raise exception 'This invitation link is not valid' using errcode = 'P0002';
  end if;
  if inv.accepted_at is not null then
    raise exception 'This invitation has already been used' using errcode = '22023';
  end if;
  if inv.revoked_at is not null then
    raise exception 'This invitation was withdrawn' using errcode = '22023';
  end if;
  if inv.expires_at < now() then
    raise exception 'This invitation has expired' using errcode = '22023', hint = 'Ask for a new invitation.';
  end if;
  if lower(coalesce((select auth.email()), '')) <> lower(inv.email) then
    raise exception 'This invitation is for %', inv.email using errcode = '42501',
      hint = 'Sign in with the invited email address.';
  end if;
  insert into public.organization_members (organization_id, user_id, role, client_id)
  values (inv.organization_id, uid, inv.role, inv.client_id)
  on conflict (organization_id, user_id) do nothing
  returning * into member;
  if member.id is null then
    raise exception 'You are already a member of this organization' using errcode = '23505';
  end if;
  update public.invitations set accepted_at = now(), accepted_by = uid where id = inv.id;
  return member;
end $$;
comment on function public.accept_invitation is 'Joins the inviting organization with the invited role, if the token is open and the email matches.';

-- ---------------------------------------------------------------------------------------------------
create function public.change_member_role(member_id uuid, new_role public.org_role) returns public.organization_members
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  target public.organization_members;
  my_role public.org_role;
begin
  select * into target from public.organization_members m where m.id = member_id for update;
  my_role := private.role_in(target.organization_id);
  if target.id is null or my_role is null or my_role < 'member' then
    raise exception 'Member not found' using errcode = 'P0002';
  end if;
  if target.user_id = uid then
    raise exception 'You cannot change your own role' using errcode = '42501';
  end if;
  if my_role < 'admin' then
    raise exception 'Only owners and admins can change roles' using errcode = '42501';
  end if;
  if my_role = 'admin' and (target.role >= 'admin' or new_role >= 'admin') then
    raise exception 'Only owners can grant or change admin and owner roles' using errcode = '42501';
  end if;
  if new_role = 'client' and target.client_id is null then
    raise exception 'A client member must be linked to a client: invite them as a client instead' using errcode = '22023';
  end if;
  update public.organization_members m set role = new_role, client_id = case when new_role = 'client' then m.client_id end
  where m.id = target.id returning * into target;
  return target;
end $$;

create function public.remove_member(member_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  target public.organization_members;
  my_role public.org_role;
begin
  select * into target from public.organization_members m where m.id = member_id;
  my_role := private.role_in(target.organization_id);
  if target.id is null or my_role is null or my_role < 'member' then
    raise exception 'Member not found' using errcode = 'P0002';
  end if;
  if target.user_id = uid then
    raise exception 'Use leave_organization to leave' using errcode = '22023';
  end if;
  if my_role < 'admin' or (my_role = 'admin' and target.role >= 'admin') then
    raise exception 'You cannot remove this member' using errcode = '42501';
  end if;
  delete from public.organization_members m where m.id = target.id;
end $$;

create function public.leave_organization(organization_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare uid uuid := private.require_user();
begin
  if private.role_in(leave_organization.organization_id) = 'owner'
     and not exists (select 1 from public.organization_members m where m.organization_id = leave_organization.organization_id
                     and m.role = 'owner' and m.user_id <> uid) then
    raise exception 'You are the only owner' using errcode = '23514', hint = 'Transfer ownership before you leave.';
  end if;
  delete from public.organization_members m where m.organization_id = leave_organization.organization_id and m.user_id = uid;
  if not found then
    raise exception 'You are not a member of this organization' using errcode = 'P0002';
  end if;
end $$;

create function public.transfer_ownership(organization_id uuid, new_owner_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare uid uuid := private.require_user();
begin
  if private.role_in(transfer_ownership.organization_id) is distinct from 'owner' then
    raise exception 'Only an owner can transfer ownership' using errcode = '42501';
  end if;
  if new_owner_id = uid then
    raise exception 'You already own this organization' using errcode = '22023';
  end if;
  update public.organization_members m set role = 'owner', client_id = null
  where m.organization_id = transfer_ownership.organization_id and m.user_id = new_owner_id and m.role >= 'member';
  if not found then
    raise exception 'The new owner must be a staff member of this organization' using errcode = 'P0002';
  end if;
  update public.organization_members m set role = 'admin'
  where m.organization_id = transfer_ownership.organization_id and m.user_id = uid;
end $$;

revoke execute on function public.create_organization(text, text), public.invite_member(uuid, text, public.org_role, uuid),
  public.resend_invitation(uuid), public.revoke_invitation(uuid), public.accept_invitation(text),
  public.change_member_role(uuid, public.org_role), public.remove_member(uuid), public.leave_organization(uuid),
  public.transfer_ownership(uuid, uuid), public.invitation_preview(text) from public, anon;
grant execute on function public.create_organization(text, text), public.invite_member(uuid, text, public.org_role, uuid),
  public.resend_invitation(uuid), public.revoke_invitation(uuid), public.accept_invitation(text),
  public.change_member_role(uuid, public.org_role), public.remove_member(uuid), public.leave_organization(uuid),
  public.transfer_ownership(uuid, uuid), public.invitation_preview(text) to authenticated, service_role;
grant execute on function public.invitation_preview(text) to anon;
