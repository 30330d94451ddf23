-- A client member stands for one client (they see only that client's records), so a client invitation
-- must name one. The SPA already asks for it; this makes it hold for every surface (CLI, API).
create or replace function public.invite_member(organization_id uuid, email text, role public.org_role, client_id uuid default null)
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
  if client_id is null and role = 'client' then
    raise exception 'A client invitation names the client the person stands for' using errcode = '22023',
      hint = 'Pick a client, or create one first.';
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
