-- Stripe webhooks: one service-only function applies a verified event in one transaction. The event is
-- recorded once by id (a replay changes nothing); payments are found by their PaymentIntent or Checkout
-- Session, so one PaymentIntent never makes two payments; a payment's status only moves forward
-- (pending → failed → succeeded → refunded), so late or out-of-order events cannot undo a newer state;
-- subscriptions apply only events not older than the last one applied. The invoice's amount_paid and
-- status follow the payments through the money triggers; nothing here computes invoice totals.

-- Text that is a uuid, or null (metadata comes from outside).
create function private.uuid_or_null(value text) returns uuid
language sql immutable set search_path = '' as $$
  select case when value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then value::uuid end
$$;
revoke execute on function private.uuid_or_null(text) from public, anon, authenticated;

-- An id field that Stripe may send as a string or, expanded, as an object.
create function private.stripe_id(value jsonb) returns text
language sql immutable set search_path = '' as $$
  select case jsonb_typeof(value) when 'string' then value #>> '{}' when 'object' then value ->> 'id' end
$$;
revoke execute on function private.stripe_id(jsonb) from public, anon, authenticated;

create function private.payment_status_rank(status public.payment_status) returns integer
language sql immutable set search_path = '' as $$
  select case status when 'pending' then 0 when 'failed' then 1 when 'succeeded' then 2 when 'refunded' then 3 end
$$;
revoke execute on function private.payment_status_rank(public.payment_status) from public, anon, authenticated;

-- Creates or moves forward the one payment of a PaymentIntent (or, before it has one, a Checkout
-- Session). The invoice and organization come from the database, never from the event's metadata alone.
create function private.stripe_upsert_payment(
  p_invoice_id uuid, p_payment_intent text, p_session text, p_amount bigint, p_currency text,
  p_status public.payment_status, p_failure text, p_charge text, p_amount_refunded bigint, p_at timestamptz
) returns text
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  pay public.payments;
begin
  if p_payment_intent is not null then
    select * into pay from public.payments p where p.stripe_payment_intent_id = p_payment_intent for update;
  end if;
  if pay.id is null and p_session is not null then
    select * into pay from public.payments p where p.stripe_checkout_session_id = p_session for update;
  end if;
  if pay.id is null then
    select * into inv from public.invoices i where i.id = p_invoice_id;
    if inv.id is null then
      return 'ignored: no invoice';
    end if;
    if coalesce(p_amount, 0) <= 0 then
      return 'ignored: no amount';
    end if;
    insert into public.payments (organization_id, invoice_id, amount, currency, method, status, provider,
      stripe_checkout_session_id, stripe_payment_intent_id, stripe_charge_id, amount_refunded, failure_message, paid_at)
    values (inv.organization_id, inv.id, p_amount, upper(coalesce(p_currency, inv.currency)), 'card',
      case when p_status = 'refunded' and coalesce(p_amount_refunded, 0) < p_amount then 'succeeded' else p_status end,
      'stripe', p_session, p_payment_intent, p_charge, least(coalesce(p_amount_refunded, 0), p_amount),
      case when p_status = 'failed' then left(p_failure, 1000) end,
      case when p_status in ('succeeded', 'refunded') then p_at end);
    return 'payment created';
  end if;
  update public.payments p set
    stripe_checkout_session_id = coalesce(p.stripe_checkout_session_id, p_session),
    stripe_payment_intent_id = coalesce(p.stripe_payment_intent_id, p_payment_intent),
    stripe_charge_id = coalesce(p.stripe_charge_id, p_charge),
    amount_refunded = greatest(p.amount_refunded, least(coalesce(p_amount_refunded, 0), p.amount)),
    status = case
      when greatest(p.amount_refunded, least(coalesce(p_amount_refunded, 0), p.amount)) >= p.amount then 'refunded'
      when p_status = 'refunded' then greatest_status.s
      when private.payment_status_rank(p_status) > private.payment_status_rank(p.status) then p_status
      else p.status end,
    failure_message = case
      when p_status = 'failed' and private.payment_status_rank(p.status) <= 1 then left(p_failure, 1000)
      when p_status in ('succeeded', 'refunded') then null
      else p.failure_message end,
    paid_at = case when p_status in ('succeeded', 'refunded') then coalesce(p.paid_at, p_at) else p.paid_at end
  from (select case when private.payment_status_rank(pay.status) >= 2 then pay.status else 'succeeded'::public.payment_status end as s) greatest_status
  where p.id = pay.id;
  return 'payment updated';
end $$;
revoke execute on function private.stripe_upsert_payment(uuid, text, text, bigint, text, public.payment_status, text, text, bigint, timestamptz) from public, anon, authenticated;

-- Saved card of a crowd participant (Checkout in setup mode, or the SetupIntent itself).
create function private.stripe_save_card(p_participant uuid, p_setup_intent text, p_customer text, p_payment_method text) returns text
language plpgsql security definer set search_path = '' as $$
declare found_id uuid;
begin
  update public.crowd_participants c set
    stripe_setup_intent_id = coalesce(p_setup_intent, c.stripe_setup_intent_id),
    stripe_customer_id = coalesce(p_customer, c.stripe_customer_id),
    stripe_payment_method_id = coalesce(p_payment_method, c.stripe_payment_method_id)
  where (p_participant is not null and c.id = p_participant)
     or (p_participant is null and p_setup_intent is not null and c.stripe_setup_intent_id = p_setup_intent)
  returning c.id into found_id;
  return case when found_id is null then 'ignored: no participant' else 'card saved' end;
end $$;
revoke execute on function private.stripe_save_card(uuid, text, text, text) from public, anon, authenticated;

-- A subscription event: upsert the organization's subscription and its plan, unless a newer event was
-- applied already. Events created in the same second are ordered created < updated < deleted.
create function private.stripe_apply_subscription(sub jsonb, etype text, created timestamptz) returns text
language plpgsql security definer set search_path = '' as $$
declare
  org uuid;
  item jsonb := sub -> 'items' -> 'data' -> 0;
  lookup text := coalesce(item -> 'price' ->> 'lookup_key', sub -> 'metadata' ->> 'plan', sub -> 'plan' -> 'metadata' ->> 'plan');
  new_plan public.org_plan;
  sub_status text := coalesce(sub ->> 'status', 'incomplete');
  stamp timestamptz := created + case etype when 'customer.subscription.created' then interval '0 ms'
    when 'customer.subscription.updated' then interval '1 ms' else interval '2 ms' end;
  period_end bigint := coalesce((sub ->> 'current_period_end')::bigint, (item ->> 'current_period_end')::bigint);
  applied uuid;
begin
  org := private.uuid_or_null(sub -> 'metadata' ->> 'organization_id');
  if org is not null and not exists (select 1 from public.organizations o where o.id = org) then org := null; end if;
  if org is null then
    select s.organization_id into org from public.subscriptions s where s.stripe_subscription_id = sub ->> 'id';
  end if;
  if org is null then
    select o.id into org from public.organizations o where o.stripe_customer_id = private.stripe_id(sub -> 'customer');
  end if;
  if org is null then
    return 'ignored: no organization';
  end if;
  if lookup not in ('pro', 'business') then
    return 'ignored: unknown plan';
  end if;
  new_plan := lookup::public.org_plan;
  if etype = 'customer.subscription.deleted' then sub_status := 'canceled'; end if;
  if sub_status not in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused') then
    sub_status := 'incomplete';
  end if;
  insert into public.subscriptions as s (organization_id, plan, status, stripe_customer_id, stripe_subscription_id,
    current_period_end, cancel_at_period_end, stripe_updated_at)
  values (org, new_plan, sub_status, private.stripe_id(sub -> 'customer'), sub ->> 'id',
    case when period_end is not null then to_timestamp(period_end) end, coalesce((sub ->> 'cancel_at_period_end')::boolean, false), stamp)
  on conflict (organization_id) do update set
    plan = excluded.plan, status = excluded.status, stripe_customer_id = excluded.stripe_customer_id,
    stripe_subscription_id = excluded.stripe_subscription_id, current_period_end = excluded.current_period_end,
    cancel_at_period_end = excluded.cancel_at_period_end, stripe_updated_at = excluded.stripe_updated_at
  where s.stripe_updated_at <= excluded.stripe_updated_at
    -- An older subscription's late events never replace a newer subscription of the organization.
    and (s.stripe_subscription_id = excluded.stripe_subscription_id or s.status in ('canceled', 'incomplete_expired') or excluded.status not in ('canceled', 'incomplete_expired'))
  returning s.id into applied;
  if applied is null then
    return 'ignored: older than the applied state';
  end if;
  update public.organizations o set
    plan = case when sub_status in ('trialing', 'active', 'past_due') then new_plan else 'free' end,
    stripe_customer_id = coalesce(o.stripe_customer_id, private.stripe_id(sub -> 'customer'))
  where o.id = org;
  return 'subscription ' || sub_status;
end $$;
revoke execute on function private.stripe_apply_subscription(jsonb, text, timestamptz) from public, anon, authenticated;

-- The organization's Stripe customer, kept from its first subscription checkout.
create function private.stripe_link_customer(org uuid, customer text) returns text
language plpgsql security definer set search_path = '' as $$
begin
  update public.organizations o set stripe_customer_id = coalesce(o.stripe_customer_id, customer) where o.id = org;
  return case when found then 'customer linked' else 'ignored: no organization' end;
end $$;
revoke execute on function private.stripe_link_customer(uuid, text) from public, anon, authenticated;

create function private.stripe_event_organization(obj jsonb) returns uuid
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select o.id from public.organizations o where o.id = private.uuid_or_null(obj -> 'metadata' ->> 'organization_id')),
    (select i.organization_id from public.invoices i where i.id = private.uuid_or_null(obj -> 'metadata' ->> 'invoice_id')),
    (select s.organization_id from public.subscriptions s where s.stripe_subscription_id = obj ->> 'id'),
    (select o.id from public.organizations o where o.stripe_customer_id = private.stripe_id(obj -> 'customer') limit 1))
$$;
revoke execute on function private.stripe_event_organization(jsonb) from public, anon, authenticated;

create function public.handle_stripe_event(event jsonb, context jsonb default '{}'::jsonb) returns text
language plpgsql security definer set search_path = '' as $$
declare
  obj jsonb := event -> 'data' -> 'object';
  etype text := event ->> 'type';
  created timestamptz;
  recorded text;
  result text;
  invoice uuid;
begin
  if coalesce(event ->> 'id', '') !~ '^evt_[A-Za-z0-9_]+$' or etype is null or jsonb_typeof(obj) <> 'object' then
    raise exception 'Not a Stripe event' using errcode = '22023', hint = 'Send the verified event object as it came from Stripe.';
  end if;
  created := to_timestamp(coalesce((event ->> 'created')::bigint, extract(epoch from now())::bigint));
  insert into public.stripe_events (id, type, organization_id, livemode, stripe_created_at, payload)
  values (event ->> 'id', etype, private.stripe_event_organization(obj), coalesce((event ->> 'livemode')::boolean, false), created, event)
  on conflict (id) do nothing
  returning id into recorded;
  if recorded is null then
    return 'duplicate';
  end if;

  begin
    invoice := private.uuid_or_null(obj -> 'metadata' ->> 'invoice_id');
    result := case
      when etype = 'checkout.session.completed' and obj ->> 'mode' = 'payment' then
        case when invoice is null then 'ignored: no invoice'
        else private.stripe_upsert_payment(invoice, private.stripe_id(obj -> 'payment_intent'), obj ->> 'id',
          (obj ->> 'amount_total')::bigint, obj ->> 'currency',
          case when obj ->> 'payment_status' = 'paid' then 'succeeded' else 'pending' end::public.payment_status,
          null, null, 0, created) end
      when etype = 'checkout.session.completed' and obj ->> 'mode' = 'setup' then
        private.stripe_save_card(private.uuid_or_null(obj -> 'metadata' ->> 'crowd_participant_id'),
          private.stripe_id(obj -> 'setup_intent'), private.stripe_id(obj -> 'customer'), context ->> 'payment_method')
      when etype = 'setup_intent.succeeded' then
        private.stripe_save_card(private.uuid_or_null(obj -> 'metadata' ->> 'crowd_participant_id'),
          obj ->> 'id', private.stripe_id(obj -> 'customer'), private.stripe_id(obj -> 'payment_method'))
      when etype = 'checkout.session.completed' and obj ->> 'mode' = 'subscription' then
        private.stripe_link_customer(private.uuid_or_null(obj -> 'metadata' ->> 'organization_id'), private.stripe_id(obj -> 'customer'))
      when etype in ('payment_intent.succeeded', 'payment_intent.payment_failed') then
        case when invoice is null then 'ignored: no invoice'
        else private.stripe_upsert_payment(invoice, obj ->> 'id', null,
          coalesce(nullif((obj ->> 'amount_received')::bigint, 0), (obj ->> 'amount')::bigint), obj ->> 'currency',
          case when etype = 'payment_intent.succeeded' then 'succeeded' else 'failed' end::public.payment_status,
          coalesce(obj -> 'last_payment_error' ->> 'message', 'The payment failed.'), private.stripe_id(obj -> 'latest_charge'), 0, created) end
      when etype = 'charge.refunded' then
        private.stripe_upsert_payment(invoice, private.stripe_id(obj -> 'payment_intent'), null, (obj ->> 'amount')::bigint,
          obj ->> 'currency', 'refunded', null, obj ->> 'id', (obj ->> 'amount_refunded')::bigint, created)
      when etype in ('customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted') then
        private.stripe_apply_subscription(obj, etype, created)
      else 'ignored'
    end;
  exception when integrity_constraint_violation or raise_exception or check_violation then
    -- A rule of ours refused the change (e.g. a voided invoice takes no payment): keep the event with its
    -- error for staff to see, and do not make Stripe retry something that cannot succeed.
    update public.stripe_events e set error = left(sqlerrm, 1000) where e.id = recorded;
    return 'error: ' || sqlerrm;
  end;
  update public.stripe_events e set processed_at = now() where e.id = recorded;
  return result;
end $$;
comment on function public.handle_stripe_event is 'Applies one verified Stripe webhook event exactly once (service role only): payments, saved cards, subscriptions and plans.';
revoke execute on function public.handle_stripe_event(jsonb, jsonb) from public, anon, authenticated;
grant execute on function public.handle_stripe_event(jsonb, jsonb) to service_role;
