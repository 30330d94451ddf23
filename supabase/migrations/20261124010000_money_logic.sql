-- Money logic on top of the money tables: invoice totals kept by triggers, invoice status kept from the
-- payments, the estimate flow (answer, decide, withdraw, turn into a project), sending, voiding and paying
-- invoices, invoices from unbilled time, the checkout quote the Stripe function asks for, and the daily
-- jobs (reminders with late fees 06:00, recurring invoices 05:00, estimate expiry 03:30, all UTC).
-- Amounts are integers in minor units; the browser never computes or sets a total.
--
-- Rounding rule (one rule everywhere): every derived amount is rounded to whole minor units, half away
-- from zero (Postgres `round(numeric)`), at the level where it is shown:
--   item.amount     = round(quantity * unit_amount)
--   subtotal        = sum(item.amount)
--   discount        = round(subtotal * discount_bp / 10000)
--   tax             = sum over items of round(item.amount * (10000 - discount_bp) / 10000 * tax_rate_bp / 10000)
--   total           = subtotal - discount + tax
-- Intermediate products are exact numerics; only these results are rounded.

-- ---------------------------------------------------------------------------------------------------
-- Small helpers
-- ---------------------------------------------------------------------------------------------------
-- System writers (the reminder and recurring jobs) may change what users may not (late fees on a sent
-- invoice); they say so for the rest of their transaction.
create function private.money_system() returns boolean
language sql stable set search_path = '' as $$
  select coalesce(current_setting('atrium.money_system', true), '') = 'on'
$$;

create function private.enter_money_system() returns void
language sql volatile set search_path = '' as $$
  select set_config('atrium.money_system', 'on', true)
$$;

-- ISO 4217 minor-unit exponent (0 for JPY and friends, 3 for the dinars, 2 otherwise).
create function public.currency_exponent(currency text) returns integer
language sql immutable set search_path = '' as $$
  select case
    when upper(currency) in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') then 0
    when upper(currency) in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') then 3
    else 2
  end
$$;
comment on function public.currency_exponent is 'Digits after the decimal point of a currency''s minor unit (ISO 4217): 0, 2 or 3.';
grant execute on function public.currency_exponent(text) to anon, authenticated, service_role;

-- "1,234.56 USD": for e-mail subjects and notification titles.
create function private.format_money(amount bigint, currency text) returns text
language sql immutable set search_path = '' as $$
  select case when public.currency_exponent(currency) = 0
    then to_char(amount, 'FM999,999,999,999,990')
    else to_char(amount / power(10::numeric, public.currency_exponent(currency)),
                 'FM999,999,999,999,990.' || repeat('0', public.currency_exponent(currency)))
  end || ' ' || currency
$$;

-- The caller's role in the organization when it is staff (member or above); raises otherwise.
create function private.require_staff(org uuid, min_role public.org_role default 'member') returns public.org_role
language plpgsql stable security definer set search_path = '' as $$
declare r public.org_role := private.role_in(org);
begin
  if r is null or r < min_role then
    raise exception 'Only % or above of this organization may do this', min_role using errcode = '42501';
  end if;
  return r;
end $$;

create function private.user_email(uid uuid) returns text
language sql stable security definer set search_path = '' as $$
  select u.email::text from auth.users u where u.id = uid
$$;

-- Who receives an invoice: the bill-to user, else the client's members, else the client's own address.
create function private.invoice_recipient_emails(inv public.invoices) returns text[]
language sql stable security definer set search_path = '' as $$
  select coalesce(
    case when inv.bill_to_user_id is not null then
      (select array_agg(u.email::text) from auth.users u where u.id = inv.bill_to_user_id and u.email is not null)
    end,
    (select array_agg(distinct u.email::text) from public.organization_members m join auth.users u on u.id = m.user_id
      where m.client_id = inv.client_id and m.role = 'client' and u.email is not null),
    (select array[c.email] from public.clients c where c.id = inv.client_id and c.email is not null),
    '{}')
$$;

create function private.invoice_recipient_user_ids(inv public.invoices) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select case when inv.bill_to_user_id is not null then array[inv.bill_to_user_id]
              else private.client_user_ids(inv.client_id) end
$$;

create function private.queue_email(org uuid, recipients text[], subject text, template text, payload jsonb) returns integer
language plpgsql security definer set search_path = '' as $$
declare queued integer;
begin
  insert into public.email_outbox (organization_id, to_email, subject, template, payload)
  select org, lower(r), left(subject, 300), template, payload
  from (select distinct lower(btrim(r)) as r from unnest(recipients) r where r is not null and btrim(r) <> '') e(r);
  get diagnostics queued = row_count;
  return queued;
end $$;

-- What every invoice e-mail shows.
create function private.invoice_email_payload(inv public.invoices) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'invoice_id', inv.id, 'number', inv.number, 'organization_name', o.name, 'client_name', c.name,
    'currency', inv.currency, 'total_amount', inv.total_amount, 'amount_paid', inv.amount_paid,
    'amount_due', inv.amount_due, 'deposit_amount', inv.deposit_amount, 'deposit_due_on', inv.deposit_due_on,
    'issue_on', inv.issue_on, 'due_on', inv.due_on, 'status', inv.status, 'reminder_count', inv.reminder_count,
    'items', coalesce((select jsonb_agg(jsonb_build_object('description', i.description, 'quantity', i.quantity,
        'unit_amount', i.unit_amount, 'amount', i.amount, 'tax_rate_bp', i.tax_rate_bp) order by i.position, i.created_at)
      from public.invoice_items i where i.invoice_id = inv.id), '[]'::jsonb),
    'subtotal_amount', inv.subtotal_amount, 'discount_amount', inv.discount_amount, 'tax_amount', inv.tax_amount,
    'path', '/invoices/' || inv.id)
  from public.organizations o left join public.clients c on c.id = inv.client_id
  where o.id = inv.organization_id
$$;

revoke execute on all functions in schema private from public, anon;
grant execute on function private.money_system() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- 1. Totals
-- ---------------------------------------------------------------------------------------------------
create function private.invoice_totals(target uuid, discount integer)
returns table (subtotal bigint, discount_amount bigint, tax bigint, total bigint)
language sql stable security definer set search_path = '' as $$
  with sums as (
    select coalesce(sum(i.amount), 0)::bigint as subtotal,
           coalesce(sum(round(i.amount::numeric * (10000 - discount) * i.tax_rate_bp / 100000000)), 0)::bigint as tax
    from public.invoice_items i where i.invoice_id = target
  )
  select s.subtotal, round(s.subtotal::numeric * discount / 10000)::bigint, s.tax,
         s.subtotal - round(s.subtotal::numeric * discount / 10000)::bigint + s.tax
  from sums s
$$;

create function private.recompute_invoice_totals(target uuid) returns void
language sql security definer set search_path = '' as $$
  update public.invoices v
     set subtotal_amount = t.subtotal, discount_amount = t.discount_amount, tax_amount = t.tax, total_amount = t.total
    from public.invoices i cross join lateral private.invoice_totals(i.id, i.discount_bp) t
   where v.id = target and i.id = target
     and (v.subtotal_amount, v.discount_amount, v.tax_amount, v.total_amount) is distinct from (t.subtotal, t.discount_amount, t.tax, t.total)
$$;

-- Items: amount from quantity x unit price; only a draft's items change (late fees from the job excepted).
create function private.invoice_item_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  inv_status public.invoice_status;
  target uuid := case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end;
begin
  select i.status into inv_status from public.invoices i where i.id = target;
  -- The invoice itself is being deleted (cascade): nothing to guard.
  if inv_status is not null and inv_status <> 'draft'
     and not (private.money_system() and tg_op = 'INSERT' and new.kind = 'late_fee') then
    raise exception 'This invoice is % and its items can no longer change', inv_status
      using errcode = '23514', hint = 'Only draft invoices can be edited; void it and issue a new one instead.';
  end if;
  if tg_op = 'UPDATE' and new.invoice_id <> old.invoice_id then
    raise exception 'An item cannot move to another invoice' using errcode = '23514';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  new.amount := round(new.quantity * new.unit_amount);
  return new;
end $$;
create trigger invoice_items_rules before insert or update or delete on public.invoice_items
  for each row execute function private.invoice_item_rules();

create function private.invoice_items_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.recompute_invoice_totals(old.invoice_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.invoice_id <> old.invoice_id) then
    perform private.recompute_invoice_totals(new.invoice_id);
  elsif tg_op = 'UPDATE' then
    null; -- same invoice, recomputed above
  end if;
  return null;
end $$;
create trigger invoice_items_totals after insert or update or delete on public.invoice_items
  for each row execute function private.invoice_items_changed();

-- Invoices: terms change only while draft; a new discount recomputes the totals in the same statement.
create function private.invoice_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare t record;
begin
  if old.status <> 'draft' and not private.money_system()
     and (new.client_id, new.bill_to_user_id, new.issue_on, new.due_on, new.discount_bp, new.deposit_amount,
          new.deposit_due_on, new.currency)
         is distinct from
         (old.client_id, old.bill_to_user_id, old.issue_on, old.due_on, old.discount_bp, old.deposit_amount,
          old.deposit_due_on, old.currency) then
    raise exception 'This invoice is % and its terms can no longer change', old.status
      using errcode = '23514', hint = 'Only draft invoices can be edited; void it and issue a new one instead.';
  end if;
  if new.organization_id <> old.organization_id or new.number <> old.number or new.sequence_number <> old.sequence_number then
    raise exception 'An invoice keeps its organization and number' using errcode = '23514';
  end if;
  if new.discount_bp is distinct from old.discount_bp then
    select * into t from private.invoice_totals(new.id, new.discount_bp);
    new.subtotal_amount := t.subtotal;
    new.discount_amount := t.discount_amount;
    new.tax_amount := t.tax;
    new.total_amount := t.total;
  end if;
  return new;
end $$;
create trigger invoices_rules before update on public.invoices
  for each row execute function private.invoice_rules();

-- ---------------------------------------------------------------------------------------------------
-- 2. Payments keep the invoice's amount paid and status
-- ---------------------------------------------------------------------------------------------------
create function private.settle_invoice(target uuid) returns public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  delay integer;
  paid bigint;
  next_status public.invoice_status;
begin
  select * into inv from public.invoices i where i.id = target for update;
  select o.reminder_delay_days into delay from public.organizations o where o.id = inv.organization_id;
  select coalesce(sum(p.amount - p.amount_refunded), 0) into paid
    from public.payments p where p.invoice_id = target and p.status in ('succeeded', 'refunded');
  next_status := case
    when inv.status in ('draft', 'void') then inv.status::text
    when inv.total_amount > 0 and paid >= inv.total_amount then 'paid'
    when paid > 0 then 'partially_paid'
    when inv.status in ('paid', 'partially_paid') then
      case when inv.due_on + delay < current_date then 'overdue' else 'sent' end
    else inv.status::text
  end::public.invoice_status;
  if paid is distinct from inv.amount_paid or next_status is distinct from inv.status then
    update public.invoices i
       set amount_paid = paid, status = next_status,
           paid_at = case when next_status = 'paid' then coalesce(i.paid_at, now()) else null end
     where i.id = target
    returning * into inv;
  end if;
  return inv;
end $$;

create function private.payment_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare inv public.invoices;
begin
  select * into inv from public.invoices i where i.id = new.invoice_id;
  if inv.id is null then
    raise exception 'Invoice not found' using errcode = 'P0002';
  end if;
  if (tg_op = 'INSERT' or new.status is distinct from old.status) and new.status in ('pending', 'succeeded')
     and inv.status in ('draft', 'void') then
    raise exception 'Invoice % is %; it cannot take payments', inv.number, inv.status
      using errcode = '23514', hint = case when inv.status = 'draft' then 'Send the invoice first.' else 'A void invoice is closed.' end;
  end if;
  if tg_op = 'UPDATE' and (new.invoice_id <> old.invoice_id or new.amount <> old.amount) then
    raise exception 'A payment keeps its invoice and amount' using errcode = '23514';
  end if;
  new.organization_id := inv.organization_id;
  new.currency := inv.currency;
  if new.status in ('succeeded', 'refunded') and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end $$;
create trigger payments_rules before insert or update on public.payments
  for each row execute function private.payment_rules();

create function private.payment_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  payload jsonb;
  amount_text text;
begin
  inv := private.settle_invoice(new.invoice_id);
  -- A newly succeeded payment: staff hear of it, the payer gets a notification and a receipt (once).
  if new.status = 'succeeded' then
    if tg_op = 'UPDATE' then
      if old.status = 'succeeded' then
        return null;
      end if;
    end if;
    amount_text := private.format_money(new.amount, new.currency);
    perform private.notify(private.staff_user_ids(inv.organization_id, 'manager'), inv.organization_id, 'invoice.paid',
      format('Payment received: %s on %s', amount_text, inv.number),
      case when inv.status = 'paid' then 'The invoice is paid in full.'
           else format('%s still due.', private.format_money(inv.amount_due, inv.currency)) end,
      '/invoices/' || inv.id, jsonb_build_object('invoice_id', inv.id, 'payment_id', new.id, 'amount', new.amount));
    perform private.notify(private.invoice_recipient_user_ids(inv), inv.organization_id, 'payment.received',
      format('Payment of %s received for %s', amount_text, inv.number), 'Thank you. Your receipt is on its way by e-mail.',
      '/invoices/' || inv.id, jsonb_build_object('invoice_id', inv.id, 'payment_id', new.id, 'amount', new.amount));
    payload := private.invoice_email_payload(inv) || jsonb_build_object(
      'payment_id', new.id, 'payment_amount', new.amount, 'payment_method', new.method, 'paid_at', new.paid_at,
      'payment_reference', new.reference);
    perform private.queue_email(inv.organization_id, private.invoice_recipient_emails(inv),
      format('Receipt: %s paid on %s', amount_text, inv.number), 'payment_receipt', payload);
  end if;
  return null;
end $$;
create trigger payments_settle after insert or update on public.payments
  for each row execute function private.payment_changed();

-- ---------------------------------------------------------------------------------------------------
-- Issuing an invoice (shared by send_invoice, decide_estimate and the recurring job)
-- ---------------------------------------------------------------------------------------------------
create function private.issue_invoice(target uuid) returns public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  org_name text;
begin
  select * into inv from public.invoices i where i.id = target for update;
  if inv.status = 'draft' then
    if not exists (select 1 from public.invoice_items i where i.invoice_id = target) or inv.total_amount <= 0 then
      raise exception 'Invoice % needs at least one item and a total above zero before it is sent', inv.number
        using errcode = '23514', hint = 'Add an item with a price.';
    end if;
    update public.invoices i set status = 'sent', sent_at = now() where i.id = target returning * into inv;
  elsif inv.status in ('sent', 'partially_paid', 'overdue') then
    update public.invoices i set sent_at = now() where i.id = target returning * into inv;
  else
    raise exception 'Invoice % is % and cannot be sent', inv.number, inv.status using errcode = '23514';
  end if;
  select o.name into org_name from public.organizations o where o.id = inv.organization_id;
  perform private.queue_email(inv.organization_id, private.invoice_recipient_emails(inv),
    format('Invoice %s from %s: %s due %s', inv.number, org_name, private.format_money(inv.amount_due, inv.currency), to_char(inv.due_on, 'Mon DD, YYYY')),
    'invoice_sent', private.invoice_email_payload(inv));
  perform private.notify(private.invoice_recipient_user_ids(inv), inv.organization_id, 'invoice.sent',
    format('New invoice %s from %s', inv.number, org_name),
    format('%s due %s.', private.format_money(inv.amount_due, inv.currency), to_char(inv.due_on, 'Mon DD, YYYY')),
    '/invoices/' || inv.id, jsonb_build_object('invoice_id', inv.id));
  return inv;
end $$;

-- ---------------------------------------------------------------------------------------------------
-- 3. RPCs
-- ---------------------------------------------------------------------------------------------------
-- Validates [{description, quantity, unit_amount, tax_rate_bp?}] and fills in the default tax rate.
create function private.clean_line_items(items jsonb, default_tax integer) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  item jsonb;
  cleaned jsonb := '[]'::jsonb;
  q numeric;
  u numeric;
  t numeric;
  n integer := 0;
begin
  if items is null or jsonb_typeof(items) <> 'array' or jsonb_array_length(items) = 0 then
    raise exception 'Add at least one line item' using errcode = '22023', hint = 'line_items is a list of {description, quantity, unit_amount, tax_rate_bp}.';
  end if;
  if jsonb_array_length(items) > 200 then
    raise exception 'At most 200 line items' using errcode = '22023';
  end if;
  for item in select value from jsonb_array_elements(items) loop
    n := n + 1;
    if jsonb_typeof(item) <> 'object' or jsonb_typeof(item -> 'description') <> 'string'
       or char_length(btrim(item ->> 'description')) not between 1 and 500 then
      raise exception 'Line item %: give a description of 1 to 500 characters', n using errcode = '22023';
    end if;
    if jsonb_typeof(item -> 'quantity') <> 'number' or jsonb_typeof(item -> 'unit_amount') <> 'number'
       or (item ? 'tax_rate_bp' and jsonb_typeof(item -> 'tax_rate_bp') not in ('number', 'null')) then
      raise exception 'Line item %: quantity, unit_amount and tax_rate_bp are numbers', n using errcode = '22023';
    end if;
    q := (item ->> 'quantity')::numeric;
    u := (item ->> 'unit_amount')::numeric;
    t := coalesce((item ->> 'tax_rate_bp')::numeric, default_tax);
    if q <= 0 or q >= 1000000000 or q <> round(q, 3) then
      raise exception 'Line item %: quantity must be above 0 with at most 3 decimals', n using errcode = '22023';
    end if;
    if u < 0 or u <> trunc(u) or u > 100000000000000 then
      raise exception 'Line item %: unit_amount is a whole number of minor units, 0 or more', n using errcode = '22023';
    end if;
    if t < 0 or t > 10000 or t <> trunc(t) then
      raise exception 'Line item %: tax_rate_bp is a whole number of basis points from 0 to 10000', n using errcode = '22023';
    end if;
    cleaned := cleaned || jsonb_build_array(jsonb_build_object(
      'description', btrim(item ->> 'description'), 'quantity', q, 'unit_amount', u::bigint, 'tax_rate_bp', t::integer));
  end loop;
  return cleaned;
end $$;

-- Price of estimate line items: the same rounding as invoice totals (no discount).
create function private.line_items_price(items jsonb) returns bigint
language sql immutable set search_path = '' as $$
  select coalesce(sum(a.amount + round(a.amount * (e ->> 'tax_rate_bp')::numeric / 10000)), 0)::bigint
  from jsonb_array_elements(items) e
  cross join lateral (select round((e ->> 'quantity')::numeric * (e ->> 'unit_amount')::numeric) as amount) a
$$;

create function private.estimate_recipient_user_ids(est public.estimates) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select case when est.crowd_project_id is not null then
      (select coalesce(array_agg(p.user_id), '{}') from public.crowd_participants p
        where p.crowd_project_id = est.crowd_project_id and p.status = 'joined')
    else private.client_user_ids(est.client_id) end
$$;

create function private.estimate_recipient_emails(est public.estimates) returns text[]
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select array_agg(distinct u.email::text) from auth.users u
      where u.id = any (private.estimate_recipient_user_ids(est)) and u.email is not null),
    case when est.crowd_project_id is null then
      (select array[c.email] from public.clients c where c.id = est.client_id and c.email is not null) end,
    '{}')
$$;

create function public.answer_estimate(
  estimate_id uuid, scope text, line_items jsonb, timeline text, starts_on date, delivers_on date,
  valid_until date default null
) returns public.estimates
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  est public.estimates;
  org public.organizations;
  items jsonb;
  org_name text;
begin
  select * into est from public.estimates e where e.id = answer_estimate.estimate_id for update;
  if est.id is null then
    raise exception 'Estimate not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(est.organization_id);
  if est.status not in ('requested', 'answered') then
    raise exception 'This estimate is % and can no longer be answered', est.status using errcode = '23514';
  end if;
  select * into org from public.organizations o where o.id = est.organization_id;
  items := private.clean_line_items(answer_estimate.line_items, org.default_tax_rate_bp);
  if coalesce(btrim(answer_estimate.scope), '') = '' then
    raise exception 'Describe the scope of the work' using errcode = '22023';
  end if;
  if answer_estimate.delivers_on is not null and answer_estimate.starts_on is not null
     and answer_estimate.delivers_on < answer_estimate.starts_on then
    raise exception 'Delivery comes before the start' using errcode = '22023';
  end if;
  if answer_estimate.valid_until is not null and answer_estimate.valid_until < current_date then
    raise exception 'The estimate would already have expired' using errcode = '22023', hint = 'valid_until is today or later.';
  end if;
  update public.estimates e set
    scope = btrim(answer_estimate.scope), line_items = items, price_amount = private.line_items_price(items),
    timeline = nullif(btrim(answer_estimate.timeline), ''), starts_on = answer_estimate.starts_on,
    delivers_on = answer_estimate.delivers_on,
    valid_until = coalesce(answer_estimate.valid_until, current_date + org.estimate_valid_days),
    status = 'answered', answered_by = uid, answered_at = now()
  where e.id = est.id
  returning * into est;
  org_name := org.name;
  perform private.notify(private.estimate_recipient_user_ids(est), est.organization_id, 'estimate.answered',
    format('Estimate from %s: %s', org_name, private.format_money(est.price_amount, est.currency)),
    format('%s. Valid until %s.', est.service_type, to_char(est.valid_until, 'Mon DD, YYYY')),
    '/estimates/' || est.id, jsonb_build_object('estimate_id', est.id));
  perform private.queue_email(est.organization_id, private.estimate_recipient_emails(est),
    format('Your estimate from %s: %s', org_name, private.format_money(est.price_amount, est.currency)),
    'estimate_answered',
    jsonb_build_object('estimate_id', est.id, 'organization_name', org_name, 'service_type', est.service_type,
      'scope', est.scope, 'line_items', est.line_items, 'price_amount', est.price_amount, 'currency', est.currency,
      'timeline', est.timeline, 'starts_on', est.starts_on, 'delivers_on', est.delivers_on,
      'valid_until', est.valid_until, 'path', '/estimates/' || est.id));
  return est;
end $$;
comment on function public.answer_estimate is 'Staff: answers (or re-answers) an estimate with scope, line items, timeline and validity; tells the client.';

create function public.decide_estimate(estimate_id uuid, approve boolean, comment text default null)
returns public.estimates
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  est public.estimates;
  inv public.invoices;
  item jsonb;
  pos integer := 0;
begin
  select * into est from public.estimates e where e.id = decide_estimate.estimate_id for update;
  if est.id is null or not (est.client_id = any (array(select private.client_ids()))
                            or coalesce(private.role_in(est.organization_id) >= 'member', false)
                            or est.crowd_project_id = any (array(select private.crowd_project_ids()))) then
    raise exception 'Estimate not found' using errcode = 'P0002';
  end if;
  if est.crowd_project_id is not null then
    raise exception 'Crowd estimates are approved on their crowd project' using errcode = '23514',
      hint = 'Open the crowd project to approve its estimate.';
  end if;
  if approve is null then
    raise exception 'Approve or decline the estimate' using errcode = '22023';
  end if;
  if est.status <> 'answered' then
    raise exception 'This estimate is % and cannot be decided', est.status using errcode = '23514';
  end if;
  if est.valid_until < current_date then
    raise exception 'This estimate expired on %', to_char(est.valid_until, 'Mon DD, YYYY')
      using errcode = '23514', hint = 'Ask for a new estimate.';
  end if;
  if char_length(comment) > 2000 then
    raise exception 'The comment is at most 2000 characters' using errcode = '22023';
  end if;

  update public.estimates e set status = case when approve then 'approved' else 'declined' end::public.estimate_status,
    decided_by = uid, decided_at = now(), decision_comment = nullif(btrim(comment), '')
  where e.id = est.id returning * into est;

  if approve then
    insert into public.invoices (organization_id, client_id, project_id, estimate_id, issue_on, notes, created_by)
    values (est.organization_id, est.client_id, est.project_id, est.id, current_date,
            format('Estimate: %s', est.service_type), uid)
    returning * into inv;
    for item in select value from jsonb_array_elements(est.line_items) loop
      insert into public.invoice_items (organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp)
      values (est.organization_id, inv.id, pos, 'service', item ->> 'description', (item ->> 'quantity')::numeric,
              (item ->> 'unit_amount')::bigint, coalesce((item ->> 'tax_rate_bp')::integer, 0));
      pos := pos + 1;
    end loop;
    inv := private.issue_invoice(inv.id);
    update public.estimates e set invoice_id = inv.id where e.id = est.id returning * into est;
  end if;

  perform private.notify(private.staff_user_ids(est.organization_id, 'manager') || est.answered_by, est.organization_id,
    case when approve then 'estimate.approved' else 'estimate.declined' end,
    format('Estimate %s: %s', case when approve then 'approved' else 'declined' end, est.service_type),
    coalesce(est.decision_comment, case when approve then format('Invoice %s was sent.', inv.number) end),
    '/estimates/' || est.id, jsonb_build_object('estimate_id', est.id, 'invoice_id', inv.id));
  return est;
end $$;
comment on function public.decide_estimate is 'The client (or staff on their behalf) approves or declines an answered estimate; approval sends its invoice.';

create function public.withdraw_estimate(estimate_id uuid) returns public.estimates
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  est public.estimates;
begin
  select * into est from public.estimates e where e.id = withdraw_estimate.estimate_id for update;
  if est.id is null or not (est.requested_by = uid or coalesce(private.role_in(est.organization_id) >= 'member', false)) then
    raise exception 'Estimate not found' using errcode = 'P0002';
  end if;
  if est.status not in ('requested', 'answered') then
    raise exception 'This estimate is % and cannot be withdrawn', est.status using errcode = '23514';
  end if;
  update public.estimates e set status = 'withdrawn', decided_by = uid, decided_at = now()
  where e.id = est.id returning * into est;
  return est;
end $$;
comment on function public.withdraw_estimate is 'The requester or staff withdraws an estimate that is still requested or answered.';

create function public.estimate_to_project(estimate_id uuid) returns public.projects
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  est public.estimates;
  project public.projects;
  client_name text;
begin
  select * into est from public.estimates e where e.id = estimate_to_project.estimate_id for update;
  if est.id is null then
    raise exception 'Estimate not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(est.organization_id);
  if est.status <> 'approved' then
    raise exception 'Only an approved estimate becomes a project (this one is %)', est.status using errcode = '23514';
  end if;
  if est.client_id is null then
    raise exception 'A crowd estimate has no client to hold a project' using errcode = '23514';
  end if;
  if est.project_id is not null then
    raise exception 'This estimate already has a project' using errcode = '23514', hint = 'Open the linked project.';
  end if;
  select c.name into client_name from public.clients c where c.id = est.client_id;
  insert into public.projects (organization_id, client_id, name, description, status, budget, start_on, end_on, created_by)
  values (est.organization_id, est.client_id, left(est.service_type || ' for ' || client_name, 160), left(est.scope, 10000),
          'planning', est.price_amount / power(10::numeric, public.currency_exponent(est.currency)),
          est.starts_on, est.delivers_on, uid)
  returning * into project;
  update public.estimates e set project_id = project.id where e.id = est.id;
  if est.invoice_id is not null then
    update public.invoices i set project_id = project.id where i.id = est.invoice_id;
  end if;
  return project;
end $$;
comment on function public.estimate_to_project is 'Staff: turns an approved estimate into a project (budget = its price) and links it and its invoice.';

create function public.send_invoice(invoice_id uuid) returns public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
begin
  perform private.require_user();
  select * into inv from public.invoices i where i.id = send_invoice.invoice_id;
  if inv.id is null then
    raise exception 'Invoice not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(inv.organization_id);
  return private.issue_invoice(inv.id);
end $$;
comment on function public.send_invoice is 'Staff: sends a draft invoice (or sends an open one again) by e-mail with a link, and tells the client.';

create function public.void_invoice(invoice_id uuid, reason text) returns public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
begin
  perform private.require_user();
  select * into inv from public.invoices i where i.id = void_invoice.invoice_id for update;
  if inv.id is null then
    raise exception 'Invoice not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(inv.organization_id, 'manager');
  if inv.status = 'void' then
    raise exception 'Invoice % is already void', inv.number using errcode = '23514';
  end if;
  if inv.amount_paid > 0 then
    raise exception 'Invoice % has received money and cannot be voided', inv.number
      using errcode = '23514', hint = 'Refund the payments first.';
  end if;
  if char_length(btrim(coalesce(reason, ''))) not between 1 and 1000 then
    raise exception 'Give a reason (1 to 1000 characters)' using errcode = '22023';
  end if;
  update public.invoices i set status = 'void', voided_at = now(), void_reason = btrim(reason), recurrence = null
  where i.id = inv.id returning * into inv;
  update public.time_entries e set invoice_id = null where e.invoice_id = inv.id;
  return inv;
end $$;
comment on function public.void_invoice is 'Managers: voids an invoice that has received no money and releases its tracked time.';

create function public.record_payment(
  invoice_id uuid, amount bigint, method public.payment_method, paid_on date default current_date,
  reference text default null, note text default null
) returns public.payments
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  inv public.invoices;
  payment public.payments;
begin
  select * into inv from public.invoices i where i.id = record_payment.invoice_id for update;
  if inv.id is null then
    raise exception 'Invoice not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(inv.organization_id);
  if inv.status not in ('sent', 'partially_paid', 'overdue') then
    raise exception 'Invoice % is % and takes no payments', inv.number, inv.status using errcode = '23514';
  end if;
  if amount is null or amount <= 0 or amount > inv.amount_due then
    raise exception 'The amount must be above zero and at most the %s due', private.format_money(inv.amount_due, inv.currency)
      using errcode = '23514';
  end if;
  if method is null then
    raise exception 'Say how it was paid' using errcode = '22023';
  end if;
  if paid_on is null or paid_on > current_date then
    raise exception 'The payment date cannot be in the future' using errcode = '22023';
  end if;
  insert into public.payments (organization_id, invoice_id, amount, currency, method, status, provider, reference, note, paid_at, recorded_by)
  values (inv.organization_id, inv.id, amount, inv.currency, method, 'succeeded', 'manual',
          nullif(btrim(reference), ''), nullif(btrim(note), ''),
          case when paid_on = current_date then now() else paid_on::timestamp + interval '12 hours' end, uid)
  returning * into payment;
  return payment;
end $$;
comment on function public.record_payment is 'Staff: records a manual payment (bank transfer, cash) of at most the amount due.';

create function public.invoice_from_unbilled_time(project_id uuid, until_on date default current_date)
returns public.invoices
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  project public.projects;
  org public.organizations;
  inv public.invoices;
  grp record;
  pos integer := 0;
  billed uuid[];
begin
  select * into project from public.projects p where p.id = invoice_from_unbilled_time.project_id;
  if project.id is null then
    raise exception 'Project not found' using errcode = 'P0002';
  end if;
  perform private.require_staff(project.organization_id);
  select * into org from public.organizations o where o.id = project.organization_id;
  -- Lock the entries first: a second call waits, then finds them billed.
  select array_agg(e.id) into billed from (
    select e.id from public.time_entries e
    where e.project_id = project.id and e.billable and e.ended_at is not null and e.invoice_id is null
      and (e.started_at at time zone org.timezone)::date <= until_on
    for update
  ) e;
  select array_agg(e.id) into billed from public.time_entries e where e.id = any (billed) and e.invoice_id is null;
  if billed is null then
    raise exception 'No unbilled time on this project up to %', to_char(until_on, 'Mon DD, YYYY')
      using errcode = '23514', hint = 'Only finished, billable entries not yet on an invoice are billed.';
  end if;
  insert into public.invoices (organization_id, client_id, project_id, issue_on, notes, created_by)
  values (project.organization_id, project.client_id, project.id, current_date,
          format('Time tracked on %s up to %s', project.name, to_char(until_on, 'Mon DD, YYYY')), uid)
  returning * into inv;
  for grp in
    select e.user_id, e.hourly_rate, round(sum(e.minutes) / 60.0, 2) as hours,
           coalesce(nullif(btrim(p.display_name), ''), 'Team member') as person
    from public.time_entries e left join public.profiles p on p.id = e.user_id
    where e.id = any (billed)
    group by e.user_id, e.hourly_rate, p.display_name
    having round(sum(e.minutes) / 60.0, 2) > 0
    order by person, e.hourly_rate
  loop
    insert into public.invoice_items (organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp)
    values (project.organization_id, inv.id, pos, 'time', left(format('%s: %s h on %s', grp.person, grp.hours, project.name), 500),
            grp.hours, round(grp.hourly_rate * power(10::numeric, public.currency_exponent(org.currency)))::bigint,
            org.default_tax_rate_bp);
    pos := pos + 1;
  end loop;
  if pos = 0 then
    raise exception 'The unbilled time on this project rounds to zero hours' using errcode = '23514';
  end if;
  update public.time_entries e set invoice_id = inv.id where e.id = any (billed);
  select * into inv from public.invoices i where i.id = inv.id;
  return inv;
end $$;
comment on function public.invoice_from_unbilled_time is 'Staff: a draft invoice with one time item per person and rate for the project''s unbilled billable time.';

-- A parameter and an output column cannot share the name invoice_id, so the rows are of a named type
-- with exactly the columns of `table (invoice_id, organization_id, number, currency, amount, payer_email,
-- organization_name)`: over RPC it is the same array of objects.
create type public.checkout_quote as (invoice_id uuid, organization_id uuid, number text, currency text, amount bigint,
  payer_email text, organization_name text);
grant usage on type public.checkout_quote to authenticated, service_role;

create function public.invoice_checkout_quote(invoice_id uuid, part text default 'balance')
returns setof public.checkout_quote
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  inv public.invoices;
  quoted bigint;
begin
  select * into inv from public.invoices i where i.id = invoice_checkout_quote.invoice_id;
  if inv.id is null or not (
       (inv.status <> 'draft' and (inv.client_id = any (array(select private.client_ids())) or inv.bill_to_user_id = uid))
       or coalesce(private.role_in(inv.organization_id) >= 'member', false)) then
    raise exception 'You are not allowed to pay this invoice' using errcode = '42501';
  end if;
  if inv.status not in ('sent', 'partially_paid', 'overdue') then
    raise exception 'Invoice % is % and cannot be paid', inv.number, inv.status using errcode = '23514',
      hint = case when inv.status = 'paid' then 'It is already paid.' else 'Only sent invoices can be paid.' end;
  end if;
  if part = 'balance' then
    quoted := inv.amount_due;
  elsif part = 'deposit' then
    if inv.deposit_amount is null then
      raise exception 'Invoice % has no deposit', inv.number using errcode = '23514';
    end if;
    quoted := least(inv.deposit_amount - inv.amount_paid, inv.amount_due);
  else
    raise exception 'part is balance or deposit' using errcode = '22023';
  end if;
  if quoted <= 0 then
    raise exception 'Nothing is due on invoice %', inv.number using errcode = '23514',
      hint = case when part = 'deposit' then 'The deposit is already paid.' else 'It is already paid.' end;
  end if;
  return query
  select inv.id, inv.organization_id, inv.number, inv.currency::text, quoted, private.user_email(uid), o.name
  from public.organizations o where o.id = inv.organization_id;
end $$;
comment on function public.invoice_checkout_quote is 'For create-checkout, as the caller: what they may pay on an invoice now (balance or deposit), in minor units.';

revoke execute on function public.answer_estimate(uuid, text, jsonb, text, date, date, date),
  public.decide_estimate(uuid, boolean, text), public.withdraw_estimate(uuid), public.estimate_to_project(uuid),
  public.send_invoice(uuid), public.void_invoice(uuid, text),
  public.record_payment(uuid, bigint, public.payment_method, date, text, text),
  public.invoice_from_unbilled_time(uuid, date), public.invoice_checkout_quote(uuid, text) from public, anon;
grant execute on function public.answer_estimate(uuid, text, jsonb, text, date, date, date),
  public.decide_estimate(uuid, boolean, text), public.withdraw_estimate(uuid), public.estimate_to_project(uuid),
  public.send_invoice(uuid), public.void_invoice(uuid, text),
  public.record_payment(uuid, bigint, public.payment_method, date, text, text),
  public.invoice_from_unbilled_time(uuid, date), public.invoice_checkout_quote(uuid, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Organizations: currency fixed once invoices exist; numbering does not flood the audit trail.
-- ---------------------------------------------------------------------------------------------------
create function private.organization_currency_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.currency is distinct from old.currency
     and exists (select 1 from public.invoices i where i.organization_id = old.id) then
    raise exception 'The currency cannot change once the organization has invoices' using errcode = '23514',
      hint = 'Invoices, payments and estimates all use the organization''s one currency.';
  end if;
  return new;
end $$;
create trigger organizations_currency_rules before update of currency on public.organizations
  for each row execute function private.organization_currency_rules();

create or replace function private.audit_row() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_data jsonb := coalesce(after_row, before_row);
  org uuid;
begin
  -- Secrets never reach the audit trail.
  before_row := before_row - 'token_hash';
  after_row := after_row - 'token_hash';
  if tg_op = 'UPDATE' and before_row = after_row then
    return null;
  end if;
  -- Handing out an invoice number moves only invoice_sequence (and updated_at): not an audited change.
  if tg_op = 'UPDATE' and tg_table_name = 'organizations'
     and before_row - 'invoice_sequence' - 'updated_at' = after_row - 'invoice_sequence' - 'updated_at' then
    return null;
  end if;
  org := case when tg_table_name = 'organizations' then (row_data ->> 'id')::uuid
              else (row_data ->> 'organization_id')::uuid end;
  -- When an organization is deleted, its audit rows go with it; do not write new ones for the cascade.
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations o where o.id = org) then
    return null;
  end if;
  insert into public.audit_logs (organization_id, actor_id, action, table_name, row_id, before, after)
  values (org, (select auth.uid()), lower(tg_op), tg_table_name, row_data ->> 'id', before_row, after_row);
  return null;
end $$;

-- Money changes are audited too.
create trigger invoices_audit after insert or update or delete on public.invoices for each row execute function private.audit_row();
create trigger payments_audit after insert or update or delete on public.payments for each row execute function private.audit_row();

-- A client asking for an estimate: managers hear of it in the app and by e-mail.
create function private.estimate_requested() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  org_name text;
  client_name text;
  managers uuid[];
begin
  if new.status <> 'requested' or new.crowd_project_id is not null or private.role_in(new.organization_id) is distinct from 'client' then
    return null;
  end if;
  select o.name into org_name from public.organizations o where o.id = new.organization_id;
  select c.name into client_name from public.clients c where c.id = new.client_id;
  managers := private.staff_user_ids(new.organization_id, 'manager');
  perform private.notify(managers, new.organization_id, 'estimate.requested',
    format('Estimate requested by %s: %s', client_name, new.service_type), left(new.description, 200),
    '/estimates/' || new.id, jsonb_build_object('estimate_id', new.id));
  perform private.queue_email(new.organization_id,
    (select coalesce(array_agg(u.email::text), '{}') from auth.users u where u.id = any (managers)),
    format('%s asks for an estimate: %s', client_name, new.service_type), 'estimate_requested',
    jsonb_build_object('estimate_id', new.id, 'organization_name', org_name, 'client_name', client_name,
      'service_type', new.service_type, 'description', new.description, 'budget_min', new.budget_min,
      'budget_max', new.budget_max, 'currency', new.currency, 'wished_deadline', new.wished_deadline,
      'path', '/estimates/' || new.id));
  return null;
end $$;
create trigger estimates_requested after insert on public.estimates
  for each row execute function private.estimate_requested();

-- A recurring template issues each period once.
create unique index invoices_recurring_period_idx on public.invoices (recurring_source_id, issue_on) where recurring_source_id is not null;

-- ---------------------------------------------------------------------------------------------------
-- 4. Jobs
-- ---------------------------------------------------------------------------------------------------
create function private.send_invoice_reminders(today date default current_date) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  inv public.invoices;
  org public.organizations;
  fee bigint;
  reminded integer := 0;
begin
  perform private.enter_money_system();
  for inv in
    select i.* from public.invoices i join public.organizations o on o.id = i.organization_id
    where i.status in ('sent', 'partially_paid', 'overdue')
      and (i.due_on + o.reminder_delay_days < today
           or (i.deposit_due_on is not null and i.deposit_due_on + o.reminder_delay_days < today and i.amount_paid < i.deposit_amount))
    order by i.due_on
    for update of i skip locked
  loop
    select * into org from public.organizations o where o.id = inv.organization_id;
    if inv.status <> 'overdue' then
      update public.invoices i set status = 'overdue' where i.id = inv.id returning * into inv;
    end if;
    continue when inv.reminder_count >= org.reminder_max
      or (inv.last_reminder_at is not null and (inv.last_reminder_at at time zone 'utc')::date > today - org.reminder_interval_days);
    fee := case org.late_fee_kind
      when 'flat' then org.late_fee_value
      when 'percent' then round(inv.amount_due::numeric * org.late_fee_value / 10000)::bigint
      else 0 end;
    if fee > 0 then
      insert into public.invoice_items (organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp)
      values (inv.organization_id, inv.id, 1000 + inv.reminder_count, 'late_fee',
              format('Late fee (reminder %s)', inv.reminder_count + 1), 1, fee, 0);
    end if;
    update public.invoices i set reminder_count = i.reminder_count + 1, last_reminder_at = now()
    where i.id = inv.id returning * into inv;
    perform private.queue_email(inv.organization_id, private.invoice_recipient_emails(inv),
      format('Reminder %s: invoice %s from %s is overdue (%s due)', inv.reminder_count, inv.number, org.name,
             private.format_money(inv.amount_due, inv.currency)),
      'invoice_reminder', private.invoice_email_payload(inv) || jsonb_build_object('late_fee', fee));
    perform private.notify(private.invoice_recipient_user_ids(inv), inv.organization_id, 'invoice.overdue',
      format('Invoice %s is overdue', inv.number), format('%s due.', private.format_money(inv.amount_due, inv.currency)),
      '/invoices/' || inv.id, jsonb_build_object('invoice_id', inv.id));
    reminded := reminded + 1;
  end loop;
  return reminded;
end $$;

create function private.next_recurrence(d date, every public.recurrence_interval) returns date
language sql immutable set search_path = '' as $$
  select (d + case every
    when 'weekly' then interval '7 days' when 'biweekly' then interval '14 days'
    when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months'
    else interval '1 year' end)::date
$$;

create function private.issue_recurring_invoices(today date default current_date) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  template public.invoices;
  copy public.invoices;
  terms integer;
  next_on date;
  remaining integer;
  issued integer := 0;
begin
  perform private.enter_money_system();
  for template in
    select * from public.invoices i
    where i.recurrence is not null and i.recurrence_next_on <= today and i.status not in ('draft', 'void')
    order by i.recurrence_next_on
    for update skip locked
  loop
    select o.payment_terms_days into terms from public.organizations o where o.id = template.organization_id;
    next_on := template.recurrence_next_on;
    remaining := template.recurrence_remaining;
    while next_on <= today
      and (template.recurrence_ends_on is null or next_on <= template.recurrence_ends_on)
      and (remaining is null or remaining > 0) loop
      if not exists (select 1 from public.invoices i where i.recurring_source_id = template.id and i.issue_on = next_on) then
        insert into public.invoices (organization_id, client_id, bill_to_user_id, project_id, issue_on, due_on, discount_bp,
                                     notes, terms, recurring_source_id, created_by)
        values (template.organization_id, template.client_id, template.bill_to_user_id, template.project_id, next_on,
                next_on + terms, template.discount_bp, template.notes, template.terms, template.id, template.created_by)
        returning * into copy;
        insert into public.invoice_items (organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp)
        select i.organization_id, copy.id, i.position, i.kind, i.description, i.quantity, i.unit_amount, i.tax_rate_bp
        from public.invoice_items i where i.invoice_id = template.id and i.kind <> 'late_fee';
        perform private.issue_invoice(copy.id);
        issued := issued + 1;
      end if;
      next_on := private.next_recurrence(next_on, template.recurrence);
      remaining := remaining - 1;
    end loop;
    update public.invoices i set
      recurrence_next_on = next_on, recurrence_remaining = remaining,
      recurrence = case when (template.recurrence_ends_on is not null and next_on > template.recurrence_ends_on)
                          or (remaining is not null and remaining <= 0) then null else i.recurrence end
    where i.id = template.id;
  end loop;
  return issued;
end $$;

create function private.expire_estimates(today date default current_date) returns integer
language sql security definer set search_path = '' as $$
  with expired as (
    update public.estimates e set status = 'expired' where e.status = 'answered' and e.valid_until < today returning 1
  )
  select count(*)::integer from expired
$$;

revoke execute on all functions in schema private from public, anon;
grant execute on function private.money_system() to authenticated, service_role;

select cron.schedule('invoice-reminders', '0 6 * * *', $$ select private.send_invoice_reminders() $$);
select cron.schedule('recurring-invoices', '0 5 * * *', $$ select private.issue_recurring_invoices() $$);
select cron.schedule('expire-estimates', '30 3 * * *', $$ select private.expire_estimates() $$);

-- ---------------------------------------------------------------------------------------------------
-- 7. Budget status: what was invoiced and paid (minor units, non-void invoices), as new last columns.
-- ---------------------------------------------------------------------------------------------------
create or replace view public.project_budget_status with (security_invoker = true) as
select
  p.id as project_id,
  p.organization_id,
  p.client_id,
  p.budget,
  p.budget_hours,
  coalesce(t.tracked_minutes, 0) / 60.0 as tracked_hours,
  coalesce(t.billable_minutes, 0) / 60.0 as billable_hours,
  round(coalesce(t.cost, 0), 2) as spent,
  public.budget_band(coalesce(t.tracked_minutes, 0) / 60.0, p.budget_hours) as hours_band,
  public.budget_band(round(coalesce(t.cost, 0), 2), p.budget) as money_band,
  coalesce(m.invoiced, 0)::bigint as invoiced_amount,
  coalesce(m.paid, 0)::bigint as paid_amount
from public.projects p
left join lateral (
  select sum(e.minutes) as tracked_minutes,
         sum(e.minutes) filter (where e.billable) as billable_minutes,
         sum(e.minutes * e.hourly_rate / 60.0) as cost
  from public.time_entries e where e.project_id = p.id and e.ended_at is not null
) t on true
left join lateral (
  select sum(i.total_amount) as invoiced, sum(i.amount_paid) as paid
  from public.invoices i where i.project_id = p.id and i.status <> 'void'
) m on true
where p.organization_id = any (array(select private.staff_org_ids()));
comment on view public.project_budget_status is 'Budget burn per project: tracked hours and cost (hours x rate) against budget_hours and budget, with bands; invoiced and paid amounts in minor units (non-void invoices).';
