// Project updates: two streams (internal notes for staff, client updates for the portal), each paged
// newest first with "load older", with their comments and files.
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { FILE_COLUMNS, uploadAttachments, type UploadState } from './attachments';
import { projectKeys } from './keys';
import type { UpdateVisibility } from './schemas';

export const UPDATES_PAGE_SIZE = 10;
const UPDATE_COLUMNS = 'id, project_id, visibility, body, parent_id, author_id, edited_at, created_at, profiles(display_name, avatar_url)';

async function fetchStreamPage(projectId: string, visibility: UpdateVisibility, before: string | null) {
  let query = supabase
    .from('project_updates')
    .select(UPDATE_COLUMNS)
    .eq('project_id', projectId)
    .eq('visibility', visibility)
    .is('parent_id', null)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(UPDATES_PAGE_SIZE + 1);
  if (before) query = query.lt('created_at', before);
  const { data } = await query.throwOnError();
  const page = data.slice(0, UPDATES_PAGE_SIZE);
  const ids = page.map((u) => u.id);
  const { data: comments } = ids.length
    ? await supabase.from('project_updates').select(UPDATE_COLUMNS).in('parent_id', ids).order('created_at').throwOnError()
    : { data: [] };
  const allIds = [...ids, ...comments.map((c) => c.id)];
  const { data: files } = allIds.length
    ? await supabase.from('attachments').select(FILE_COLUMNS).in('update_id', allIds).order('created_at').throwOnError()
    : { data: [] };
  const filesOf = (id: string) => files.filter((f) => f.update_id === id);
  return {
    threads: page.map((u) => ({
      ...u,
      files: filesOf(u.id),
      comments: comments.filter((c) => c.parent_id === u.id).map((c) => ({ ...c, files: filesOf(c.id) })),
    })),
    nextCursor: data.length > UPDATES_PAGE_SIZE ? page[page.length - 1]!.created_at : null,
  };
}

export type UpdateThread = Awaited<ReturnType<typeof fetchStreamPage>>['threads'][number];
export type UpdateComment = UpdateThread['comments'][number];
export type UpdateFile = UpdateThread['files'][number];

export const updateStreamQuery = (projectId: string, visibility: UpdateVisibility) =>
  infiniteQueryOptions({
    queryKey: projectKeys.updateStream(projectId, visibility),
    queryFn: ({ pageParam }) => fetchStreamPage(projectId, visibility, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useUpdateStream(projectId: string, visibility: UpdateVisibility, enabled = true) {
  return useInfiniteQuery({ ...updateStreamQuery(projectId, visibility), enabled });
}

function useUpdatesMutation<T, R>(projectId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: projectKeys.updates(projectId) }), queryClient.invalidateQueries({ queryKey: projectKeys.files(projectId) })]),
  });
}

export interface PostUpdateInput {
  organizationId: string;
  userId: string;
  visibility: UpdateVisibility;
  body: string;
  /** Set for a comment: it answers this update and shares its visibility. */
  parentId?: string;
  files?: File[];
  onProgress?: (index: number, state: UploadState) => void;
}

export class FilesNotUploadedError extends Error {
  constructor(cause: unknown) {
    super(`The update was posted, but not all files were attached: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'FilesNotUploadedError';
  }
}

export function usePostUpdate(projectId: string) {
  return useUpdatesMutation(projectId, async ({ organizationId, userId, visibility, body, parentId, files = [], onProgress }: PostUpdateInput) => {
    const { data } = await supabase
      .from('project_updates')
      .insert({ organization_id: organizationId, project_id: projectId, visibility, body: body.trim(), parent_id: parentId ?? null, author_id: userId })
      .select('id')
      .single()
      .throwOnError();
    if (files.length) {
      try {
        await uploadAttachments({ organizationId, projectId, userId, files, updateId: data.id, existing: 0, onProgress });
      } catch (error) {
        throw new FilesNotUploadedError(error);
      }
    }
    return data;
  });
}

export function useEditUpdate(projectId: string) {
  return useUpdatesMutation(projectId, async ({ id, body }: { id: string; body: string }) => {
    const { data } = await supabase.from('project_updates').update({ body: body.trim() }).eq('id', id).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('Only the author can edit this.');
    return data;
  });
}

/** Moves an update between the streams (the author only; not once it has comments). */
export function useChangeVisibility(projectId: string) {
  return useUpdatesMutation(projectId, async ({ id, visibility }: { id: string; visibility: UpdateVisibility }) => {
    const { data } = await supabase.from('project_updates').update({ visibility }).eq('id', id).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('Only the author can change who sees this.');
    return data;
  });
}

/** Deletes an update (its comments and files go with it), then the stored bytes of its files. */
export function useDeleteUpdate(projectId: string) {
  return useUpdatesMutation(projectId, async ({ id, objectPaths }: { id: string; objectPaths: string[] }) => {
    const { data } = await supabase.from('project_updates').delete().eq('id', id).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('You cannot delete this.');
    if (objectPaths.length) await supabase.storage.from('attachments').remove(objectPaths);
    return data;
  });
}
