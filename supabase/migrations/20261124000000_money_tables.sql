-- Money: estimates, invoices and their items, payments, Stripe events, crowd commissioning and the
-- organization's own subscription. This migration holds the tables, their read rules and the columns a
-- caller may write; the money logic (numbering, totals, state changes, reminders, Stripe) lives in the
-- migrations that follow it. Amounts are integers in minor units of the organization's one currency
-- (ISO 4217); rates are basis points (2000 = 20 %). Clients never see another client's money, and only
-- staff set prices: every write a client makes goes through a security-definer RPC.

create type public.estimate_status as enum ('requested', 'answered', 'approved', 'declined', 'expired', 'withdrawn');
create type public.invoice_status as enum ('draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void');
create type public.payment_status as enum ('pending', 'succeeded', 'failed', 'refunded');
create type public.payment_method as enum ('card', 'bank_transfer', 'cash', 'other');
create type public.recurrence_interval as enum ('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly');
create type public.crowd_status as enum ('open', 'quorum_reached', 'estimated', 'invoiced', 'completed', 'cancelled');
create type public.crowd_split as enum ('equal', 'pledge');
create type public.org_plan as enum ('free', 'pro', 'business');
grant usage on type public.estimate_status, public.invoice_status, public.payment_status, public.payment_method,
  public.recurrence_interval, public.crowd_status, public.crowd_split, public.org_plan to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Billing settings per organization (the currency column already exists).
-- ---------------------------------------------------------------------------------------------------
alter table public.organizations
  add column invoice_prefix text not null default 'INV-' check (invoice_prefix ~ '^[A-Za-z0-9-]{0,12}$'),
  -- Last invoice number handed out; only the numbering trigger moves it (row lock = no gaps, no repeats).
  add column invoice_sequence integer not null default 0 check (invoice_sequence >= 0),
  add column payment_terms_days integer not null default 14 check (payment_terms_days between 0 and 365),
  add column default_tax_rate_bp integer not null default 0 check (default_tax_rate_bp between 0 and 10000),
  add column estimate_valid_days integer not null default 30 check (estimate_valid_days between 1 and 365),
  -- Reminders: first one this many days after the due date, then every interval days, at most max times.
  add column reminder_delay_days integer not null default 3 check (reminder_delay_days between 0 and 90),
  add column reminder_interval_days integer not null default 7 check (reminder_interval_days between 1 and 90),
  add column reminder_max integer not null default 3 check (reminder_max between 0 and 3),
  -- Late fee added with each reminder: a flat amount (minor units) or a percentage (basis points) of the amount due.
  add column late_fee_kind text not null default 'none' check (late_fee_kind in ('none', 'flat', 'percent')),
  add column late_fee_value integer not null default 0 check (late_fee_value >= 0),
  add column plan public.org_plan not null default 'free',
  add column stripe_customer_id text;
grant update (invoice_prefix, payment_terms_days, default_tax_rate_bp, estimate_valid_days, reminder_delay_days,
  reminder_interval_days, reminder_max, late_fee_kind, late_fee_value) on public.organizations to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------
create table public.crowd_projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 160),
  description text check (char_length(description) <= 10000),
  quorum integer not null check (quorum between 2 and 1000),
  target_budget bigint not null check (target_budget > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  deadline date not null,
  split public.crowd_split not null default 'equal',
  status public.crowd_status not null default 'open',
  quorum_reached_at timestamptz,
  estimate_id uuid,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id)
);
comment on table public.crowd_projects is 'Jointly funded commissions: clients (of any organization) join; at quorum an estimate is requested and each participant pays a share.';
create index crowd_projects_org_status_idx on public.crowd_projects (organization_id, status, deadline);
create index crowd_projects_open_idx on public.crowd_projects (deadline) where status = 'open';
create index crowd_projects_created_by_idx on public.crowd_projects (created_by);

create table public.estimates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- Who it is for: a client of the organization, or (crowd) the crowd project's participants.
  client_id uuid,
  project_id uuid,
  crowd_project_id uuid,
  -- The request.
  service_type text not null check (char_length(btrim(service_type)) between 1 and 80),
  description text not null check (char_length(btrim(description)) between 1 and 10000),
  budget_min bigint check (budget_min >= 0),
  budget_max bigint check (budget_max >= 0),
  wished_deadline date,
  requested_by uuid references public.profiles (id) on delete set null default auth.uid(),
  -- The answer: [{description, quantity, unit_amount, tax_rate_bp?}], price = the sum, in minor units.
  status public.estimate_status not null default 'requested',
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  scope text check (char_length(scope) <= 20000),
  line_items jsonb not null default '[]'::jsonb check (jsonb_typeof(line_items) = 'array' and jsonb_array_length(line_items) <= 200),
  price_amount bigint check (price_amount >= 0),
  timeline text check (char_length(timeline) <= 2000),
  starts_on date,
  delivers_on date,
  valid_until date,
  answered_by uuid references public.profiles (id) on delete set null,
  answered_at timestamptz,
  -- The client's decision.
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_comment text check (char_length(decision_comment) <= 2000),
  invoice_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  foreign key (client_id, organization_id) references public.clients (id, organization_id),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete set null (project_id),
  foreign key (crowd_project_id, organization_id) references public.crowd_projects (id, organization_id) on delete cascade,
  constraint estimates_for_someone check (client_id is not null or crowd_project_id is not null),
  constraint estimates_budget_range check (budget_min is null or budget_max is null or budget_max >= budget_min),
  constraint estimates_answer_dates check (delivers_on is null or starts_on is null or delivers_on >= starts_on)
);
comment on table public.estimates is 'Estimate requests and staff answers (scope, line items, price, timeline); approval creates the invoice.';
create index estimates_org_status_idx on public.estimates (organization_id, status, created_at desc);
create index estimates_client_idx on public.estimates (client_id, created_at desc);
create index estimates_project_idx on public.estimates (project_id) where project_id is not null;
create index estimates_crowd_idx on public.estimates (crowd_project_id) where crowd_project_id is not null;
create index estimates_expiring_idx on public.estimates (valid_until) where status = 'answered';
create index estimates_requested_by_idx on public.estimates (requested_by);

alter table public.crowd_projects
  add constraint crowd_projects_estimate_fkey foreign key (estimate_id, organization_id)
    references public.estimates (id, organization_id) on delete set null (estimate_id);

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- Billed to a client of the organization, or (crowd participants from anywhere) to a user.
  client_id uuid,
  bill_to_user_id uuid references public.profiles (id) on delete set null,
  project_id uuid,
  estimate_id uuid,
  crowd_project_id uuid,
  -- Per-organization number, e.g. INV-0001: assigned on insert, unique, without gaps.
  sequence_number integer not null,
  number text not null,
  status public.invoice_status not null default 'draft',
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  issue_on date not null default current_date,
  due_on date not null,
  -- Totals are kept by triggers from the items and payments; the browser never sets them.
  discount_bp integer not null default 0 check (discount_bp between 0 and 10000),
  subtotal_amount bigint not null default 0 check (subtotal_amount >= 0),
  discount_amount bigint not null default 0 check (discount_amount >= 0),
  tax_amount bigint not null default 0 check (tax_amount >= 0),
  total_amount bigint not null default 0 check (total_amount >= 0),
  amount_paid bigint not null default 0 check (amount_paid >= 0),
  amount_due bigint generated always as (greatest(total_amount - amount_paid, 0)) stored,
  -- A deposit: part of the total due earlier, on its own date.
  deposit_amount bigint check (deposit_amount > 0),
  deposit_due_on date,
  -- Recurring: this invoice is a template; each period a copy is issued (recurring_source_id points back).
  recurrence public.recurrence_interval,
  recurrence_next_on date,
  recurrence_ends_on date,
  recurrence_remaining integer check (recurrence_remaining >= 0),
  recurring_source_id uuid references public.invoices (id) on delete set null,
  notes text check (char_length(notes) <= 5000),
  terms text check (char_length(terms) <= 5000),
  sent_at timestamptz,
  paid_at timestamptz,
  voided_at timestamptz,
  void_reason text check (char_length(void_reason) <= 1000),
  reminder_count integer not null default 0 check (reminder_count between 0 and 3),
  last_reminder_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id),
  unique (organization_id, sequence_number),
  unique (organization_id, number),
  foreign key (client_id, organization_id) references public.clients (id, organization_id),
  foreign key (project_id, organization_id) references public.projects (id, organization_id) on delete set null (project_id),
  foreign key (estimate_id, organization_id) references public.estimates (id, organization_id) on delete set null (estimate_id),
  foreign key (crowd_project_id, organization_id) references public.crowd_projects (id, organization_id) on delete set null (crowd_project_id),
  constraint invoices_billed_to_someone check (client_id is not null or bill_to_user_id is not null),
  constraint invoices_due_after_issue check (due_on >= issue_on),
  constraint invoices_deposit_fields check ((deposit_amount is null) = (deposit_due_on is null)),
  constraint invoices_recurrence_fields check (recurrence is null or recurrence_next_on is not null)
);
comment on table public.invoices is 'Invoices with per-organization gapless numbers; totals and status follow their items and payments.';
create index invoices_org_status_idx on public.invoices (organization_id, status, due_on);
create index invoices_org_issue_idx on public.invoices (organization_id, issue_on desc, sequence_number desc);
create index invoices_client_idx on public.invoices (client_id, issue_on desc);
create index invoices_bill_to_user_idx on public.invoices (bill_to_user_id) where bill_to_user_id is not null;
create index invoices_project_idx on public.invoices (project_id) where project_id is not null;
create index invoices_estimate_idx on public.invoices (estimate_id) where estimate_id is not null;
create index invoices_crowd_idx on public.invoices (crowd_project_id) where crowd_project_id is not null;
create index invoices_recurring_due_idx on public.invoices (recurrence_next_on) where recurrence is not null;
create index invoices_recurring_source_idx on public.invoices (recurring_source_id) where recurring_source_id is not null;
create index invoices_unpaid_due_idx on public.invoices (due_on) where status in ('sent', 'partially_paid', 'overdue');
create index invoices_created_by_idx on public.invoices (created_by);

alter table public.estimates
  add constraint estimates_invoice_fkey foreign key (invoice_id, organization_id)
    references public.invoices (id, organization_id) on delete set null (invoice_id);

create table public.invoice_items (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  invoice_id uuid not null,
  position integer not null default 0,
  kind text not null default 'service' check (kind in ('service', 'time', 'expense', 'late_fee', 'other')),
  description text not null check (char_length(btrim(description)) between 1 and 500),
  quantity numeric(12, 3) not null default 1 check (quantity > 0),
  unit_amount bigint not null check (unit_amount >= 0),
  tax_rate_bp integer not null default 0 check (tax_rate_bp between 0 and 10000),
  -- quantity x unit_amount, rounded half away from zero to minor units (kept by a trigger).
  amount bigint not null default 0 check (amount >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (invoice_id, organization_id) references public.invoices (id, organization_id) on delete cascade
);
comment on table public.invoice_items is 'Invoice lines: services, tracked time, expenses and late fees; amounts in minor units.';
create index invoice_items_invoice_idx on public.invoice_items (invoice_id, position);
create index invoice_items_organization_idx on public.invoice_items (organization_id);

-- Time billed on an invoice is not offered again.
alter table public.time_entries add column invoice_id uuid;
alter table public.time_entries
  add constraint time_entries_invoice_fkey foreign key (invoice_id, organization_id)
    references public.invoices (id, organization_id) on delete set null (invoice_id);
create index time_entries_unbilled_idx on public.time_entries (project_id, started_at) where invoice_id is null and billable;
create index time_entries_invoice_idx on public.time_entries (invoice_id) where invoice_id is not null;

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  invoice_id uuid not null,
  amount bigint not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  method public.payment_method not null,
  status public.payment_status not null default 'pending',
  provider text not null default 'manual' check (provider in ('manual', 'stripe')),
  -- Stripe ids: each appears once, so a replayed event finds the payment it already made.
  stripe_checkout_session_id text unique,
  stripe_payment_intent_id text unique,
  stripe_charge_id text,
  amount_refunded bigint not null default 0 check (amount_refunded >= 0),
  reference text check (char_length(reference) <= 200),
  note text check (char_length(note) <= 1000),
  failure_message text check (char_length(failure_message) <= 1000),
  paid_at timestamptz,
  recorded_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (invoice_id, organization_id) references public.invoices (id, organization_id) on delete cascade,
  constraint payments_refund_within_amount check (amount_refunded <= amount)
);
comment on table public.payments is 'Payments against invoices: manual (bank transfer, cash) recorded by staff, or Stripe (from webhooks only).';
create index payments_invoice_idx on public.payments (invoice_id, created_at);
create index payments_org_created_idx on public.payments (organization_id, created_at desc);
create index payments_recorded_by_idx on public.payments (recorded_by);

create table public.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
  type text not null,
  organization_id uuid references public.organizations (id) on delete set null,
  livemode boolean not null default false,
  -- When Stripe created the event: later state wins over earlier state when events arrive out of order.
  stripe_created_at timestamptz not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  error text
);
comment on table public.stripe_events is 'Every Stripe webhook event, recorded once by id (replays do nothing); server only.';
create index stripe_events_org_idx on public.stripe_events (organization_id, received_at desc);
create index stripe_events_unprocessed_idx on public.stripe_events (received_at) where processed_at is null;

create table public.crowd_participants (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  crowd_project_id uuid not null,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- Set when the participant is a client member of the organization.
  client_id uuid,
  pledge_amount bigint check (pledge_amount > 0),
  status text not null default 'joined' check (status in ('joined', 'left')),
  joined_at timestamptz not null default now(),
  left_at timestamptz,
  -- Saved card (Stripe SetupIntent) and consent to be charged off-session once the invoices exist.
  stripe_customer_id text,
  stripe_setup_intent_id text,
  stripe_payment_method_id text,
  agreed_to_charge boolean not null default false,
  share_amount bigint check (share_amount >= 0),
  invoice_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (crowd_project_id, user_id),
  foreign key (crowd_project_id, organization_id) references public.crowd_projects (id, organization_id) on delete cascade,
  foreign key (client_id, organization_id) references public.clients (id, organization_id) on delete set null (client_id),
  foreign key (invoice_id, organization_id) references public.invoices (id, organization_id) on delete set null (invoice_id)
);
comment on table public.crowd_participants is 'Who joined a crowd project, their pledge, saved payment method and their own invoice.';
create index crowd_participants_user_idx on public.crowd_participants (user_id);
create index crowd_participants_org_idx on public.crowd_participants (organization_id);
create index crowd_participants_client_idx on public.crowd_participants (client_id) where client_id is not null;
create index crowd_participants_invoice_idx on public.crowd_participants (invoice_id) where invoice_id is not null;

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null unique references public.organizations (id) on delete cascade,
  plan public.org_plan not null,
  status text not null check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused')),
  stripe_customer_id text not null,
  stripe_subscription_id text not null unique,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  -- Stripe's created time of the last event applied, so an older event never overwrites a newer state.
  stripe_updated_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.subscriptions is 'The organization''s own Atrium plan through Stripe, kept in sync from webhooks; admins read it.';

create trigger estimates_touch before update on public.estimates for each row execute function private.touch_updated_at();
create trigger invoices_touch before update on public.invoices for each row execute function private.touch_updated_at();
create trigger invoice_items_touch before update on public.invoice_items for each row execute function private.touch_updated_at();
create trigger payments_touch before update on public.payments for each row execute function private.touch_updated_at();
create trigger crowd_projects_touch before update on public.crowd_projects for each row execute function private.touch_updated_at();
create trigger crowd_participants_touch before update on public.crowd_participants for each row execute function private.touch_updated_at();
create trigger subscriptions_touch before update on public.subscriptions for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------
-- Numbering and currency: an invoice takes the next number of its organization under the organization's
-- row lock, so concurrent inserts queue, a rolled-back insert gives its number back, and numbers never
-- repeat or skip. Money rows take the organization's currency.
-- ---------------------------------------------------------------------------------------------------
create function private.invoice_numbering() returns trigger
language plpgsql security definer set search_path = '' as $$
declare org public.organizations;
begin
  update public.organizations o set invoice_sequence = o.invoice_sequence + 1
  where o.id = new.organization_id returning * into org;
  if org.id is null then
    raise exception 'Organization not found' using errcode = '23503';
  end if;
  new.sequence_number := org.invoice_sequence;
  new.number := org.invoice_prefix || lpad(org.invoice_sequence::text, 4, '0');
  new.currency := org.currency;
  if new.due_on is null then
    new.due_on := coalesce(new.issue_on, current_date) + org.payment_terms_days;
  end if;
  return new;
end $$;
revoke execute on function private.invoice_numbering() from public, anon, authenticated;
create trigger invoices_numbering before insert on public.invoices for each row execute function private.invoice_numbering();

create function private.money_row_currency() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  select o.currency into new.currency from public.organizations o where o.id = new.organization_id;
  return new;
end $$;
revoke execute on function private.money_row_currency() from public, anon, authenticated;
create trigger estimates_currency before insert on public.estimates for each row execute function private.money_row_currency();
create trigger crowd_projects_currency before insert on public.crowd_projects for each row execute function private.money_row_currency();

-- ---------------------------------------------------------------------------------------------------
-- Policy helpers
-- ---------------------------------------------------------------------------------------------------
create function private.crowd_project_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' rows 10 as $$
begin
  return query
  select c.crowd_project_id from public.crowd_participants c where c.user_id = (select auth.uid()) and c.status = 'joined';
end $$;
comment on function private.crowd_project_ids is 'Crowd projects the current user has joined (and not left).';
revoke execute on function private.crowd_project_ids() from public, anon;
grant execute on function private.crowd_project_ids() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------------------------------
alter table public.estimates enable row level security;
alter table public.invoices enable row level security;
alter table public.invoice_items enable row level security;
alter table public.payments enable row level security;
alter table public.stripe_events enable row level security;
alter table public.crowd_projects enable row level security;
alter table public.crowd_participants enable row level security;
alter table public.subscriptions enable row level security;

-- estimates: staff work with all of them; a client reads and requests its own; crowd participants read theirs.
create policy "Staff can read estimates" on public.estimates
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read their estimates" on public.estimates
  for select to authenticated using (client_id = any (array(select private.client_ids())));
create policy "Crowd participants can read their estimate" on public.estimates
  for select to authenticated using (crowd_project_id = any (array(select private.crowd_project_ids())));
create policy "Staff can request estimates for a client" on public.estimates
  for insert to authenticated with check (
    organization_id = any (array(select private.staff_org_ids())) and status = 'requested');
create policy "Clients can request estimates" on public.estimates
  for insert to authenticated with check (
    client_id = any (array(select private.client_ids())) and status = 'requested' and requested_by = (select auth.uid())
    and crowd_project_id is null
    and (project_id is null or project_id = any (array(select private.client_project_ids()))));
create policy "Staff can answer estimates" on public.estimates
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete estimates" on public.estimates
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- invoices: staff write them; a client reads its own (never drafts); a crowd participant reads the one billed to them.
create policy "Staff can read invoices" on public.invoices
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Clients can read their invoices" on public.invoices
  for select to authenticated using (status <> 'draft' and client_id = any (array(select private.client_ids())));
create policy "People can read invoices billed to them" on public.invoices
  for select to authenticated using (status <> 'draft' and bill_to_user_id = (select auth.uid()));
create policy "Staff can create invoices" on public.invoices
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())) and status = 'draft');
create policy "Staff can edit invoices" on public.invoices
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete draft invoices" on public.invoices
  for delete to authenticated using (status = 'draft' and organization_id = any (array(select private.org_ids_with_role('manager'))));

-- invoice_items: follow their invoice.
create policy "Staff can read invoice items" on public.invoice_items
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Invoice readers can read its items" on public.invoice_items
  for select to authenticated using (exists (
    select 1 from public.invoices i where i.id = invoice_items.invoice_id and i.status <> 'draft'
      and (i.client_id = any (array(select private.client_ids())) or i.bill_to_user_id = (select auth.uid()))));
create policy "Staff can add invoice items" on public.invoice_items
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can edit invoice items" on public.invoice_items
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Staff can remove invoice items" on public.invoice_items
  for delete to authenticated using (organization_id = any (array(select private.staff_org_ids())));

-- payments: staff read; invoice readers read the history of their invoice; writes go through RPCs and webhooks.
create policy "Staff can read payments" on public.payments
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Invoice readers can read its payments" on public.payments
  for select to authenticated using (exists (
    select 1 from public.invoices i where i.id = payments.invoice_id and i.status <> 'draft'
      and (i.client_id = any (array(select private.client_ids())) or i.bill_to_user_id = (select auth.uid()))));

-- stripe_events has no policies: only the webhook function (service role) reads or writes it.

-- crowd_projects: staff manage them; any signed-in person can read the open ones and the ones they joined.
create policy "Staff can read crowd projects" on public.crowd_projects
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Anyone signed in can read open crowd projects" on public.crowd_projects
  for select to authenticated using (status = 'open');
create policy "Participants can read their crowd projects" on public.crowd_projects
  for select to authenticated using (id = any (array(select private.crowd_project_ids())));
create policy "Staff can open crowd projects" on public.crowd_projects
  for insert to authenticated with check (organization_id = any (array(select private.staff_org_ids())) and status = 'open');
create policy "Staff can edit crowd projects" on public.crowd_projects
  for update to authenticated
  using (organization_id = any (array(select private.staff_org_ids())))
  with check (organization_id = any (array(select private.staff_org_ids())));
create policy "Managers can delete crowd projects" on public.crowd_projects
  for delete to authenticated using (organization_id = any (array(select private.org_ids_with_role('manager'))));

-- crowd_participants: staff and fellow participants see who joined; joining and leaving go through RPCs.
create policy "Staff can read crowd participants" on public.crowd_participants
  for select to authenticated using (organization_id = any (array(select private.staff_org_ids())));
create policy "Participants can read their own row" on public.crowd_participants
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Participants can see each other" on public.crowd_participants
  for select to authenticated using (crowd_project_id = any (array(select private.crowd_project_ids())));

-- subscriptions: admins read their organization's plan; webhooks write it.
create policy "Admins can read the subscription" on public.subscriptions
  for select to authenticated using (organization_id = any (array(select private.org_ids_with_role('admin'))));

-- ---------------------------------------------------------------------------------------------------
-- Grants: the columns a caller may set. Totals, numbers, statuses and Stripe ids are never writable.
-- ---------------------------------------------------------------------------------------------------
revoke all on public.estimates, public.invoices, public.invoice_items, public.payments, public.stripe_events,
  public.crowd_projects, public.crowd_participants, public.subscriptions from anon, authenticated;

grant select on public.estimates, public.invoices, public.invoice_items, public.payments, public.crowd_projects,
  public.subscriptions to authenticated;
grant select (id, organization_id, crowd_project_id, user_id, client_id, pledge_amount, status, joined_at, left_at,
  agreed_to_charge, share_amount, invoice_id, created_at, updated_at) on public.crowd_participants to authenticated;
grant delete on public.estimates, public.invoices, public.invoice_items, public.crowd_projects to authenticated;
grant insert (id, organization_id, client_id, project_id, service_type, description, budget_min, budget_max, wished_deadline,
    requested_by, currency),
  update (scope, line_items, timeline, starts_on, delivers_on, valid_until, project_id)
  on public.estimates to authenticated;
grant insert (id, organization_id, client_id, project_id, issue_on, due_on, discount_bp, deposit_amount, deposit_due_on,
    recurrence, recurrence_next_on, recurrence_ends_on, recurrence_remaining, notes, terms, currency),
  update (client_id, project_id, issue_on, due_on, discount_bp, deposit_amount, deposit_due_on, recurrence,
    recurrence_next_on, recurrence_ends_on, recurrence_remaining, notes, terms)
  on public.invoices to authenticated;
grant insert (id, organization_id, invoice_id, position, kind, description, quantity, unit_amount, tax_rate_bp),
  update (position, description, quantity, unit_amount, tax_rate_bp)
  on public.invoice_items to authenticated;
grant insert (id, organization_id, title, description, quorum, target_budget, currency, deadline, split),
  update (title, description, quorum, target_budget, deadline, split)
  on public.crowd_projects to authenticated;
grant all on public.estimates, public.invoices, public.invoice_items, public.payments, public.stripe_events,
  public.crowd_projects, public.crowd_participants, public.subscriptions to service_role;

-- Money changes show live on open invoice and crowd pages.
alter publication supabase_realtime add table public.invoices, public.payments, public.estimates;
