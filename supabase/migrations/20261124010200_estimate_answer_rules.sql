-- Estimates edited directly (staff may update the answer columns through REST): the price always
-- follows the line items, with the same validation and rounding as answer_estimate, and an estimate
-- that is decided (approved, declined, expired, withdrawn) keeps its answer.
create function private.estimate_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if (new.scope, new.line_items, new.timeline, new.starts_on, new.delivers_on, new.valid_until)
     is distinct from (old.scope, old.line_items, old.timeline, old.starts_on, old.delivers_on, old.valid_until)
     and old.status not in ('requested', 'answered') then
    raise exception 'This estimate is % and its answer can no longer change', old.status
      using errcode = '23514', hint = 'Ask the client to request a new estimate.';
  end if;
  if new.line_items is distinct from old.line_items then
    new.line_items := case when jsonb_array_length(new.line_items) = 0 then '[]'::jsonb
      else private.clean_line_items(new.line_items,
        (select o.default_tax_rate_bp from public.organizations o where o.id = new.organization_id)) end;
    new.price_amount := case when jsonb_array_length(new.line_items) = 0 then null else private.line_items_price(new.line_items) end;
  end if;
  return new;
end $$;
revoke execute on function private.estimate_rules() from public, anon, authenticated;
create trigger estimates_rules before update on public.estimates
  for each row execute function private.estimate_rules();
