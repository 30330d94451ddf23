-- Attachment files follow their rows, in two places the portal schema missed.
--
-- 1. Files on an update follow the update when its visibility changes. attachment_rules() copies the
--    update's visibility into attachments.client_visible when a file is added, and staff cannot
--    change client_visible on update files afterwards ("Staff can share or unshare files" excludes
--    them). So an internal note with files that was later shared kept its files hidden from the
--    client, and a client update made internal left its files marked client-visible.
--
-- 2. The bytes of a deleted file can be removed by the people who could remove the file. The upload
--    order is "row, then object" and deleting is "row, then object" too, but DELETE only matches rows
--    its caller may SELECT, and an object is readable only while its attachments row exists. Once the
--    row was gone nobody but the service role could delete the object, so every removed file stayed
--    in the bucket until the nightly clean-up. Staff of the organization, and whoever uploaded the
--    file, may now see (and so delete) objects whose row has gone; clients never see other orphans.

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

create policy "Staff and uploaders can see attachment files whose row has gone" on storage.objects
  for select to authenticated using (
    bucket_id = 'attachments'
    and not exists (select 1 from public.attachments a where a.object_path = objects.name)
    and (
      (storage.foldername(objects.name))[1] = any (array(select o::text from private.staff_org_ids() o))
      or objects.owner_id = (select auth.uid())::text
    )
  );

create policy "Staff and uploaders can remove attachment files whose row has gone" on storage.objects
  for delete to authenticated using (
    bucket_id = 'attachments'
    and not exists (select 1 from public.attachments a where a.object_path = objects.name)
    and (
      (storage.foldername(objects.name))[1] = any (array(select o::text from private.staff_org_ids() o))
      or objects.owner_id = (select auth.uid())::text
    )
  );
