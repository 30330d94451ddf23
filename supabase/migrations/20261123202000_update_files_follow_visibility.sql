-- Files attached to a project update follow the update when its visibility changes.
-- attachment_rules() copies the update's visibility into attachments.client_visible when a file is
-- added, and staff cannot change client_visible on update files afterwards ("Staff can share or
-- unshare files" excludes them). So an internal note with files that was later shared with the client
-- kept its files hidden, and a client update made internal left its files marked client-visible.
-- This trigger keeps the two in step, for every surface that changes an update's visibility.

create function private.update_files_follow_visibility() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.attachments a
     set client_visible = (new.visibility = 'client')
   where a.update_id = new.id and a.client_visible is distinct from (new.visibility = 'client');
  return null;
end $$;
comment on function private.update_files_follow_visibility is 'After an update''s visibility changes, its files become client-visible (or not) with it.';
revoke execute on function private.update_files_follow_visibility() from public, anon, authenticated;

create trigger project_updates_files_follow_visibility
  after update of visibility on public.project_updates
  for each row when (old.visibility is distinct from new.visibility)
  execute function private.update_files_follow_visibility();
