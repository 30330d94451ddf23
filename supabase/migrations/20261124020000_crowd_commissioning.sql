-- Crowd commissioning: people (clients of any organization who have an account) join a crowd project
-- while it is open; reaching the quorum requests an estimate; once staff answer it and a manager approves
-- it, every participant gets an invoice for their share (equal, or in proportion to pledges), and those who
-- agreed and saved a card are charged off-session by the `crowd-charge` edge function. Joining, leaving,
-- quorum, splitting and approval live here so they hold for every surface; the browser never sends amounts.
--
-- Rules chosen here (see the functions for details):
-- - Joining and leaving happen only while the project is `open` and on or before its deadline (the
--   deadline is the last day to join). Once the quorum is reached the roster is fixed.
-- - Staff of the project's own organization cannot join it (they would be billing themselves).
-- - A manager (or above) approves the crowd estimate on the crowd's behalf: there is no single client who
--   could, and a vote of all participants would let one absentee block everyone. Participants see the
--   answered price before approval and may be told by staff (notify_crowd_participants).
-- - Tax: the estimate's price_amount already includes tax (money-sql's rounding). Shares split that
--   tax-inclusive total, and each invoice carries one line "Share of <title>" at its share with tax rate 0,
--   so the invoices add up to the estimate's total exactly, cent for cent. The invoice notes say so.

-- How many have joined, kept by a trigger so lists and progress bars need no participant rows (which only
-- staff and fellow participants may read).
alter table public.crowd_projects add column joined_count integer not null default 0 check (joined_count >= 0);

-- ---------------------------------------------------------------------------------------------------
-- Splitting a total into parts by weight: the largest remainder method. Each part first takes
-- floor(total * weight / sum); the cents left over go one each to the parts with the largest remainders,
-- ties going to the earlier position, so the parts always add up to the total and the same input always
-- gives the same output.
-- ---------------------------------------------------------------------------------------------------
create function private.split_amount(total bigint, weights bigint[]) returns bigint[]
language plpgsql immutable set search_path = '' as $$
declare
  n integer := coalesce(cardinality(weights), 0);
  weight_sum numeric := 0;
  parts bigint[] := '{}';
  leftover bigint;
  i integer;
begin
  if total is null or total < 0 then
    raise exception 'The total to split must be zero or more' using errcode = '22023';
  end if;
  if n = 0 then
    raise exception 'There is nobody to split the total between' using errcode = '22023';
  end if;
  for i in 1 .. n loop
    if weights[i] is null or weights[i] <= 0 then
      raise exception 'Every weight must be more than zero' using errcode = '22023';
    end if;
    weight_sum := weight_sum + weights[i];
  end loop;
  for i in 1 .. n loop
    parts := parts || floor(total::numeric * weights[i] / weight_sum)::bigint;
  end loop;
  leftover := total - (select sum(p) from unnest(parts) p);
  -- leftover < n always; hand out one cent each by largest remainder, then by position.
  for i in
    select r.pos from (
      select w.pos, (total::numeric * w.weight) % weight_sum as remainder
      from unnest(weights) with ordinality w(weight, pos)
    ) r order by r.remainder desc, r.pos limit leftover
  loop
    parts[i] := parts[i] + 1;
  end loop;
  return parts;
end $$;
comment on function private.split_amount is 'Splits total (minor units) by weights with the largest remainder method; parts add up exactly, ties go to the earlier position.';
revoke execute on function private.split_amount(bigint, bigint[]) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Rules on the project itself (staff open and edit it through REST under RLS).
-- ---------------------------------------------------------------------------------------------------
create function private.crowd_project_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.deadline < current_date then
      raise exception 'The deadline must be today or later' using errcode = '23514';
    end if;
    new.joined_count := 0;
    new.quorum_reached_at := null;
    new.estimate_id := null;
    return new;
  end if;
  -- Only the functions below move status, counts and links; a REST caller cannot (column grants), and
  -- terms are fixed once the quorum is reached.
  if old.status <> 'open' and (new.quorum, new.target_budget, new.deadline, new.split)
      is distinct from (old.quorum, old.target_budget, old.deadline, old.split) then
    raise exception 'The quorum, budget, deadline and split cannot change once the quorum is reached'
      using errcode = '23514', hint = 'Cancel the crowd project and open a new one instead.';
  end if;
  if new.split is distinct from old.split and old.joined_count > 0 then
    raise exception 'The split cannot change once people have joined' using errcode = '23514';
  end if;
  if new.deadline is distinct from old.deadline and new.deadline < current_date then
    raise exception 'The deadline must be today or later' using errcode = '23514';
  end if;
  return new;
end $$;
revoke execute on function private.crowd_project_rules() from public, anon, authenticated;
create trigger crowd_projects_rules before insert or update on public.crowd_projects
  for each row execute function private.crowd_project_rules();

-- ---------------------------------------------------------------------------------------------------
-- Quorum: called with the project's row locked (join_crowd_project and quorum edits take the lock), so
-- concurrent joins queue and exactly one of them creates the estimate request.
-- ---------------------------------------------------------------------------------------------------
create function private.check_crowd_quorum(project_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
  cp public.crowd_projects;
  joined integer;
  estimate public.estimates;
  participants uuid[];
begin
  select * into cp from public.crowd_projects c where c.id = project_id for update;
  select count(*), coalesce(array_agg(p.user_id), '{}') into joined, participants
  from public.crowd_participants p where p.crowd_project_id = project_id and p.status = 'joined';
  if cp.status <> 'open' then
    update public.crowd_projects c set joined_count = joined where c.id = project_id and c.joined_count <> joined;
    return;
  end if;
  if joined < cp.quorum then
    update public.crowd_projects c set joined_count = joined where c.id = project_id;
    return;
  end if;

  insert into public.estimates (organization_id, crowd_project_id, client_id, service_type, description, budget_max,
    wished_deadline, requested_by, currency)
  values (cp.organization_id, cp.id, null, 'Crowd commission',
    coalesce(nullif(btrim(cp.description), ''), cp.title), cp.target_budget, null, cp.created_by, cp.currency)
  returning * into estimate;
  update public.crowd_projects c
  set joined_count = joined, status = 'quorum_reached', quorum_reached_at = now(), estimate_id = estimate.id
  where c.id = project_id;

  perform private.notify(
    array(select distinct u from unnest(private.staff_user_ids(cp.organization_id, 'manager') || cp.created_by) u),
    cp.organization_id, 'crowd.quorum_reached', format('Quorum reached: %s', cp.title),
    format('%s people joined. An estimate request is waiting for an answer.', joined),
    '/crowd/' || cp.id, jsonb_build_object('crowd_project_id', cp.id, 'estimate_id', estimate.id));
  perform private.notify(participants, cp.organization_id, 'crowd.quorum_reached', format('Quorum reached: %s', cp.title),
    'Enough people joined. The studio will now prepare an estimate.', '/crowd/' || cp.id,
    jsonb_build_object('crowd_project_id', cp.id, 'estimate_id', estimate.id));
end $$;
revoke execute on function private.check_crowd_quorum(uuid) from public, anon, authenticated;

-- Lowering the quorum to the number already joined reaches it too.
create function private.crowd_quorum_edited() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.check_crowd_quorum(new.id);
  return null;
end $$;
revoke execute on function private.crowd_quorum_edited() from public, anon, authenticated;
create trigger crowd_projects_quorum_edited after update of quorum on public.crowd_projects
  for each row when (new.status = 'open' and new.quorum < old.quorum) execute function private.crowd_quorum_edited();

-- Any change to who has joined recounts (and may reach the quorum).
create function private.crowd_participants_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.check_crowd_quorum(new.crowd_project_id);
  return null;
end $$;
revoke execute on function private.crowd_participants_changed() from public, anon, authenticated;
create trigger crowd_participants_count after insert or update of status on public.crowd_participants
  for each row execute function private.crowd_participants_changed();

-- ---------------------------------------------------------------------------------------------------
-- Joining and leaving.
-- ---------------------------------------------------------------------------------------------------
create function private.lock_open_crowd_project(project_id uuid) returns public.crowd_projects
language plpgsql security definer set search_path = '' as $$
declare cp public.crowd_projects;
begin
  select * into cp from public.crowd_projects c where c.id = project_id for update;
  if cp.id is null then
    raise exception 'Crowd project not found' using errcode = 'P0002';
  end if;
  if cp.status <> 'open' then
    raise exception 'This crowd project is no longer open' using errcode = '23514',
      hint = case when cp.status = 'cancelled' then 'It was cancelled.' else 'Its quorum has been reached.' end;
  end if;
  if cp.deadline < current_date then
    raise exception 'The deadline to join this crowd project has passed' using errcode = '23514';
  end if;
  return cp;
end $$;
revoke execute on function private.lock_open_crowd_project(uuid) from public, anon, authenticated;

create function public.join_crowd_project(crowd_project_id uuid, pledge_amount bigint default null, agree_to_charge boolean default false)
returns public.crowd_participants
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  cp public.crowd_projects := private.lock_open_crowd_project(join_crowd_project.crowd_project_id);
  member_role public.org_role;
  member_client uuid;
  pledge bigint := join_crowd_project.pledge_amount;
  result public.crowd_participants;
begin
  select m.role, m.client_id into member_role, member_client
  from public.organization_members m where m.organization_id = cp.organization_id and m.user_id = uid;
  if member_role is not null and member_role <> 'client' then
    raise exception 'Staff cannot join their own organization''s crowd project' using errcode = '42501';
  end if;
  if cp.split = 'pledge' then
    if pledge is null or pledge <= 0 then
      raise exception 'Enter the amount you pledge' using errcode = '23514',
        hint = 'This project splits its price in proportion to pledges.';
    end if;
  else
    pledge := null;
  end if;

  insert into public.crowd_participants as p (organization_id, crowd_project_id, user_id, client_id, pledge_amount,
    agreed_to_charge, status, joined_at, left_at)
  values (cp.organization_id, cp.id, uid, member_client, pledge, coalesce(agree_to_charge, false), 'joined', now(), null)
  on conflict on constraint crowd_participants_crowd_project_id_user_id_key do update
    set status = 'joined', client_id = excluded.client_id, pledge_amount = excluded.pledge_amount,
        agreed_to_charge = excluded.agreed_to_charge, left_at = null,
        joined_at = case when p.status = 'joined' then p.joined_at else now() end
  returning * into result;
  -- The count trigger may have reached the quorum; read the row back as it is now.
  return result;
end $$;
comment on function public.join_crowd_project is 'Joins (or rejoins, or updates the pledge/consent of) the caller in an open crowd project before its deadline.';

create function public.leave_crowd_project(crowd_project_id uuid) returns public.crowd_participants
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  cp public.crowd_projects := private.lock_open_crowd_project(leave_crowd_project.crowd_project_id);
  result public.crowd_participants;
begin
  update public.crowd_participants p set status = 'left', left_at = now()
  where p.crowd_project_id = cp.id and p.user_id = uid and p.status = 'joined'
  returning * into result;
  if result.id is null then
    raise exception 'You have not joined this crowd project' using errcode = 'P0002';
  end if;
  return result;
end $$;
comment on function public.leave_crowd_project is 'Leaves an open crowd project; before the quorum nobody owes anything.';

revoke execute on function public.join_crowd_project(uuid, bigint, boolean), public.leave_crowd_project(uuid) from public, anon;
grant execute on function public.join_crowd_project(uuid, bigint, boolean), public.leave_crowd_project(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Staff: cancel, and tell the participants something.
-- ---------------------------------------------------------------------------------------------------
create function private.require_crowd_staff(project_id uuid, min_role public.org_role) returns public.crowd_projects
language plpgsql security definer set search_path = '' as $$
declare cp public.crowd_projects;
begin
  perform private.require_user();
  select * into cp from public.crowd_projects c where c.id = project_id for update;
  if cp.id is null or private.role_in(cp.organization_id) is null or private.role_in(cp.organization_id) = 'client' then
    raise exception 'Crowd project not found' using errcode = 'P0002';
  end if;
  if private.role_in(cp.organization_id) < min_role then
    raise exception 'Only a % or above can do this', min_role using errcode = '42501';
  end if;
  return cp;
end $$;
revoke execute on function private.require_crowd_staff(uuid, public.org_role) from public, anon, authenticated;

create function public.cancel_crowd_project(crowd_project_id uuid) returns public.crowd_projects
language plpgsql security definer set search_path = '' as $$
declare
  cp public.crowd_projects := private.require_crowd_staff(cancel_crowd_project.crowd_project_id, 'manager');
begin
  if cp.status in ('invoiced', 'completed', 'cancelled') then
    raise exception 'A crowd project that is % cannot be cancelled', cp.status using errcode = '23514',
      hint = case when cp.status = 'invoiced' then 'Void its invoices instead.' end;
  end if;
  update public.estimates e set status = 'withdrawn'
  where e.id = cp.estimate_id and e.status in ('requested', 'answered');
  update public.crowd_projects c set status = 'cancelled' where c.id = cp.id returning * into cp;
  perform private.notify(
    array(select p.user_id from public.crowd_participants p where p.crowd_project_id = cp.id and p.status = 'joined'),
    cp.organization_id, 'crowd.cancelled', format('Cancelled: %s', cp.title), 'The studio cancelled this crowd project. You owe nothing.',
    '/crowd/' || cp.id, jsonb_build_object('crowd_project_id', cp.id));
  return cp;
end $$;
comment on function public.cancel_crowd_project is 'Managers cancel a crowd project before it is invoiced; participants are told and owe nothing.';

create function public.notify_crowd_participants(crowd_project_id uuid, message text) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  cp public.crowd_projects := private.require_crowd_staff(notify_crowd_participants.crowd_project_id, 'member');
  recipients uuid[];
begin
  if message is null or char_length(btrim(message)) not between 1 and 2000 then
    raise exception 'Write a message of 1 to 2000 characters' using errcode = '22023';
  end if;
  recipients := array(select p.user_id from public.crowd_participants p where p.crowd_project_id = cp.id and p.status = 'joined');
  perform private.notify(recipients, cp.organization_id, 'crowd.message', format('News about %s', cp.title), btrim(message),
    '/crowd/' || cp.id, jsonb_build_object('crowd_project_id', cp.id));
  return cardinality(recipients);
end $$;
comment on function public.notify_crowd_participants is 'Staff send a notification to everyone who joined a crowd project; returns how many were told.';

revoke execute on function public.cancel_crowd_project(uuid), public.notify_crowd_participants(uuid, text) from public, anon;
grant execute on function public.cancel_crowd_project(uuid), public.notify_crowd_participants(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- The crowd's estimate: answering it (money-sql's answer_estimate) moves the project to `estimated`;
-- a manager approves it here, which invoices every participant.
-- ---------------------------------------------------------------------------------------------------
create function private.crowd_estimate_answered() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.crowd_projects c set status = 'estimated'
  where c.id = new.crowd_project_id and c.status = 'quorum_reached';
  return null;
end $$;
revoke execute on function private.crowd_estimate_answered() from public, anon, authenticated;
create trigger estimates_crowd_answered after update of status on public.estimates
  for each row when (new.crowd_project_id is not null and new.status = 'answered' and old.status is distinct from 'answered')
  execute function private.crowd_estimate_answered();

create function public.approve_crowd_estimate(estimate_id uuid) returns setof public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  est public.estimates;
  cp public.crowd_projects;
  participant record;
  shares bigint[];
  total bigint;
  inv public.invoices;
  invoice_ids uuid[] := '{}';
  to_charge integer;
  i integer := 0;
begin
  select * into est from public.estimates e where e.id = approve_crowd_estimate.estimate_id for update;
  if est.id is null or private.role_in(est.organization_id) is null or private.role_in(est.organization_id) = 'client' then
    raise exception 'Estimate not found' using errcode = 'P0002';
  end if;
  if private.role_in(est.organization_id) < 'manager' then
    raise exception 'Only a manager or above can approve a crowd estimate' using errcode = '42501';
  end if;
  if est.crowd_project_id is null then
    raise exception 'This estimate is not a crowd estimate' using errcode = '23514', hint = 'The client approves it.';
  end if;
  if est.status <> 'answered' then
    raise exception 'Only an answered estimate can be approved (this one is %)', est.status using errcode = '23514';
  end if;
  if est.valid_until is not null and est.valid_until < current_date then
    update public.estimates e set status = 'expired' where e.id = est.id;
    raise exception 'This estimate expired on %', est.valid_until using errcode = '23514', hint = 'Answer it again with a new validity date.';
  end if;
  total := coalesce(est.price_amount, 0);
  if total <= 0 then
    raise exception 'The estimate has no price' using errcode = '23514';
  end if;
  select * into cp from public.crowd_projects c where c.id = est.crowd_project_id for update;
  if cp.status not in ('quorum_reached', 'estimated') then
    raise exception 'This crowd project is % and cannot be invoiced', cp.status using errcode = '23514';
  end if;

  -- Participants in a fixed order (joined first, then id), so the split is deterministic.
  select private.split_amount(total, array_agg(case when cp.split = 'pledge' then p.pledge_amount else 1 end order by p.joined_at, p.id))
  into shares
  from public.crowd_participants p where p.crowd_project_id = cp.id and p.status = 'joined';
  if shares is null then
    raise exception 'Nobody is left in this crowd project' using errcode = '23514';
  end if;

  update public.estimates e set status = 'approved', decided_by = uid, decided_at = now(),
    decision_comment = 'Approved for the crowd by staff'
  where e.id = est.id;

  for participant in
    select p.* from public.crowd_participants p where p.crowd_project_id = cp.id and p.status = 'joined' order by p.joined_at, p.id
  loop
    i := i + 1;
    if shares[i] = 0 then
      -- A share rounded to nothing owes nothing: no invoice.
      update public.crowd_participants p set share_amount = 0 where p.id = participant.id;
      continue;
    end if;
    insert into public.invoices (organization_id, client_id, bill_to_user_id, estimate_id, crowd_project_id, status, issue_on, notes)
    values (cp.organization_id, participant.client_id, participant.user_id, est.id, cp.id, 'draft', current_date,
      format('Your share of the crowd commission "%s" (%s participants). The estimate total of %s %s includes tax; the shares add up to it exactly.',
        cp.title, cardinality(shares), to_char(total / 100.0, 'FM999999999990.00'), cp.currency))
    returning * into inv;
    insert into public.invoice_items (organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp)
    values (cp.organization_id, inv.id, 0, 'service', left(format('Share of %s', cp.title), 500), 1, shares[i], 0);
    update public.crowd_participants p set share_amount = shares[i], invoice_id = inv.id where p.id = participant.id;
    -- money-sql's send_invoice: status sent, e-mail with the link, notification.
    perform public.send_invoice(inv.id);
    invoice_ids := invoice_ids || inv.id;
  end loop;

  update public.crowd_projects c set status = 'invoiced' where c.id = cp.id;

  select count(*) into to_charge from public.crowd_participants p
  where p.crowd_project_id = cp.id and p.status = 'joined' and p.agreed_to_charge and p.stripe_payment_method_id is not null
    and p.invoice_id is not null;
  if to_charge > 0 then
    -- pg_net sends after commit; the function charges each agreed participant once (idempotent per invoice).
    perform private.call_edge_function('crowd-charge', jsonb_build_object('crowd_project_id', cp.id));
  end if;

  return query select * from public.invoices v where v.id = any (invoice_ids) order by v.sequence_number;
end $$;
comment on function public.approve_crowd_estimate is 'Managers approve a crowd estimate: one sent invoice per participant for their share; agreed participants with a saved card are charged off-session.';
revoke execute on function public.approve_crowd_estimate(uuid) from public, anon;
grant execute on function public.approve_crowd_estimate(uuid) to authenticated;

-- When every invoice of an invoiced crowd project is paid (or void), the project is completed.
create function private.crowd_invoice_settled() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.crowd_projects c set status = 'completed'
  where c.id = new.crowd_project_id and c.status = 'invoiced'
    and not exists (select 1 from public.invoices i where i.crowd_project_id = c.id and i.status not in ('paid', 'void'));
  return null;
end $$;
revoke execute on function private.crowd_invoice_settled() from public, anon, authenticated;
create trigger invoices_crowd_settled after update of status on public.invoices
  for each row when (new.crowd_project_id is not null and new.status in ('paid', 'void') and old.status is distinct from new.status)
  execute function private.crowd_invoice_settled();

-- ---------------------------------------------------------------------------------------------------
-- Who has joined and who has paid: staff and participants read every participant's name, share and paid
-- state (co-participants cannot read each other's invoices or profiles directly); Stripe ids never leave.
-- ---------------------------------------------------------------------------------------------------
create function public.crowd_project_status(crowd_project_id uuid)
returns table (participant_id uuid, user_id uuid, display_name text, avatar_url text, is_me boolean, status text,
  pledge_amount bigint, joined_at timestamptz, agreed_to_charge boolean, has_saved_card boolean, share_amount bigint,
  invoice_id uuid, invoice_number text, invoice_status public.invoice_status, amount_paid bigint, amount_due bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  cp public.crowd_projects;
  is_staff boolean;
begin
  select * into cp from public.crowd_projects c where c.id = crowd_project_status.crowd_project_id;
  is_staff := cp.id is not null and coalesce(private.role_in(cp.organization_id) >= 'member', false);
  if cp.id is null or not (is_staff or exists (
      select 1 from public.crowd_participants p where p.crowd_project_id = cp.id and p.user_id = uid and p.status = 'joined')) then
    raise exception 'Crowd project not found' using errcode = 'P0002', hint = 'Only its participants and its studio see who joined.';
  end if;
  return query
  select p.id, p.user_id, coalesce(nullif(btrim(pr.display_name), ''), 'Participant'), pr.avatar_url, p.user_id = uid, p.status,
    p.pledge_amount, p.joined_at, p.agreed_to_charge,
    case when is_staff or p.user_id = uid then p.stripe_payment_method_id is not null end,
    p.share_amount, p.invoice_id, i.number, i.status, i.amount_paid, i.amount_due
  from public.crowd_participants p
  left join public.profiles pr on pr.id = p.user_id
  left join public.invoices i on i.id = p.invoice_id
  where p.crowd_project_id = cp.id and (p.status = 'joined' or is_staff)
  order by p.status, p.joined_at, p.id;
end $$;
comment on function public.crowd_project_status is 'Participants of a crowd project with names, shares and paid state, for its staff and participants.';
revoke execute on function public.crowd_project_status(uuid) from public, anon;
grant execute on function public.crowd_project_status(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- For the edge functions.
-- ---------------------------------------------------------------------------------------------------
-- crowd-setup, AS THE CALLER: the caller's own participation (must have joined), and a Stripe customer
-- to reuse (theirs from this or another crowd project: one platform Stripe account holds them all).
create function public.crowd_setup_quote(crowd_project_id uuid)
returns table (participant_id uuid, organization_id uuid, organization_name text, title text, currency text, email text,
  display_name text, stripe_customer_id text)
language plpgsql stable security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  p public.crowd_participants;
  cp public.crowd_projects;
begin
  select * into p from public.crowd_participants x where x.crowd_project_id = crowd_setup_quote.crowd_project_id and x.user_id = uid;
  if p.id is null or p.status <> 'joined' then
    raise exception 'Join the crowd project before saving a card' using errcode = '42501';
  end if;
  select * into cp from public.crowd_projects c where c.id = p.crowd_project_id;
  if cp.status in ('completed', 'cancelled') then
    raise exception 'This crowd project is % and needs no card', cp.status using errcode = '23514';
  end if;
  return query
  select p.id, cp.organization_id, o.name, cp.title, lower(cp.currency::text), u.email::text,
    coalesce(pr.display_name, u.email::text),
    coalesce(p.stripe_customer_id, (select x.stripe_customer_id from public.crowd_participants x
      where x.user_id = uid and x.stripe_customer_id is not null order by x.updated_at desc limit 1))
  from public.organizations o, auth.users u left join public.profiles pr on pr.id = u.id
  where o.id = cp.organization_id and u.id = uid;
end $$;
comment on function public.crowd_setup_quote is 'For crowd-setup (caller''s JWT): the caller''s participation and a Stripe customer to reuse.';
revoke execute on function public.crowd_setup_quote(uuid) from public, anon;
grant execute on function public.crowd_setup_quote(uuid) to authenticated;

-- crowd-setup (service): remembers the Stripe customer made for a participant.
create function public.save_crowd_customer(participant_id uuid, customer_id text) returns void
language sql security definer set search_path = '' as $$
  update public.crowd_participants p set stripe_customer_id = customer_id where p.id = participant_id
$$;
revoke execute on function public.save_crowd_customer(uuid, text) from public, anon, authenticated;
grant execute on function public.save_crowd_customer(uuid, text) to service_role;

-- crowd-charge (service): the invoices to charge now, amounts from SQL. An invoice with a Stripe payment
-- already pending or succeeded is left out, so a retry never charges twice (Stripe's idempotency key per
-- invoice and amount guards the rest).
create function public.crowd_charge_plan(crowd_project_id uuid)
returns table (invoice_id uuid, organization_id uuid, participant_id uuid, user_id uuid, amount bigint, currency text,
  stripe_customer_id text, stripe_payment_method_id text, number text)
language sql stable security definer set search_path = '' as $$
  select i.id, i.organization_id, p.id, p.user_id, i.amount_due, lower(i.currency::text), p.stripe_customer_id,
    p.stripe_payment_method_id, i.number
  from public.crowd_participants p
  join public.invoices i on i.id = p.invoice_id
  where p.crowd_project_id = crowd_charge_plan.crowd_project_id and p.status = 'joined' and p.agreed_to_charge
    and p.stripe_customer_id is not null and p.stripe_payment_method_id is not null
    and i.status in ('sent', 'partially_paid', 'overdue') and i.amount_due > 0
    and not exists (select 1 from public.payments y where y.invoice_id = i.id and y.provider = 'stripe' and y.status in ('pending', 'succeeded'))
  order by i.sequence_number
$$;
revoke execute on function public.crowd_charge_plan(uuid) from public, anon, authenticated;
grant execute on function public.crowd_charge_plan(uuid) to service_role;

-- crowd-charge (service): the outcome of one off-session charge. A success records the payment by its
-- PaymentIntent id (the webhook may record the same PaymentIntent first or later; the unique id keeps it
-- one payment); a failure tells the participant to pay by link, once per invoice.
create function public.record_crowd_charge(invoice_id uuid, payment_intent_id text, succeeded boolean, amount bigint default null,
  failure_message text default null)
returns text
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  cp_title text;
begin
  select * into inv from public.invoices i where i.id = record_crowd_charge.invoice_id for update;
  if inv.id is null then
    raise exception 'Invoice not found' using errcode = 'P0002';
  end if;
  if succeeded then
    if payment_intent_id is null then
      raise exception 'A succeeded charge needs its PaymentIntent id' using errcode = '22023';
    end if;
    if amount is null or amount <= 0 then
      raise exception 'A succeeded charge needs the amount Stripe charged' using errcode = '22023';
    end if;
    -- What Stripe charged is what was paid; the webhook may have recorded this PaymentIntent already.
    insert into public.payments (organization_id, invoice_id, amount, currency, method, status, provider,
      stripe_payment_intent_id, paid_at, note)
    values (inv.organization_id, inv.id, amount, inv.currency, 'card', 'succeeded', 'stripe', payment_intent_id, now(),
      'Charged to the saved card (crowd commission)')
    on conflict (stripe_payment_intent_id) do nothing;
    return case when found then 'recorded' else 'duplicate' end;
  end if;
  select c.title into cp_title from public.crowd_projects c where c.id = inv.crowd_project_id;
  if not exists (select 1 from public.notifications n where n.kind = 'crowd.charge_failed' and n.data ->> 'invoice_id' = inv.id::text) then
    perform private.notify(array[inv.bill_to_user_id], inv.organization_id, 'crowd.charge_failed',
      format('Your card was not charged for %s', coalesce(cp_title, inv.number)),
      coalesce(left(failure_message, 500), 'The charge did not go through.') || ' Please pay invoice ' || inv.number || ' by link.',
      '/invoices/' || inv.id, jsonb_build_object('invoice_id', inv.id, 'crowd_project_id', inv.crowd_project_id));
  end if;
  return 'failed';
end $$;
revoke execute on function public.record_crowd_charge(uuid, text, boolean, bigint, text) from public, anon, authenticated;
grant execute on function public.record_crowd_charge(uuid, text, boolean, bigint, text) to service_role;

-- Progress bars and participant lists update live (each change checked against the subscriber's RLS).
alter publication supabase_realtime add table public.crowd_projects, public.crowd_participants;
