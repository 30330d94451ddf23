// Files on a project and its updates. Upload order is the one the database is built for: insert the
// attachments row first (the trigger checks the 5-files rule and serialises concurrent uploads), then
// store the bytes at the row's object_path; if storing fails, the row goes again.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { attachmentPath, filesProblem, sanitizeFileName, type FileHolder } from '../files';
import { projectKeys } from './keys';

export const FILE_COLUMNS = 'id, file_name, size_bytes, content_type, client_visible, object_path, created_at, uploaded_by, update_id, task_id, profiles(display_name)';
const BUCKET = 'attachments';

export const projectFilesQuery = (projectId: string) =>
  queryOptions({
    queryKey: projectKeys.files(projectId),
    queryFn: async () => {
      const [{ data: own }, { data: onItems, count }] = await Promise.all([
        supabase.from('attachments').select(FILE_COLUMNS).eq('project_id', projectId).is('task_id', null).is('update_id', null).order('created_at').throwOnError(),
        supabase
          .from('attachments')
          .select(FILE_COLUMNS, { count: 'exact' })
          .eq('project_id', projectId)
          .or('task_id.not.is.null,update_id.not.is.null')
          .order('created_at', { ascending: false })
          .limit(50)
          .throwOnError(),
      ]);
      return { projectFiles: own, itemFiles: onItems, itemTotal: count ?? onItems.length };
    },
  });

export type ProjectFile = Awaited<ReturnType<NonNullable<ReturnType<typeof projectFilesQuery>['queryFn']>>>['projectFiles'][number];

export function useProjectFiles(projectId: string) {
  return useQuery(projectFilesQuery(projectId));
}

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';

export interface UploadInput {
  organizationId: string;
  projectId: string;
  userId: string;
  files: File[];
  /** The update the files hang on; none for files on the project itself. */
  updateId?: string | null;
  /** Files the item already holds (for the 5-files check made before anything is sent). */
  existing: number;
  onProgress?: (index: number, state: UploadState) => void;
}

/** Uploads one by one; stops at the first failure with the server's message. Returns the ids stored. */
export async function uploadAttachments({ organizationId, projectId, userId, files, updateId = null, existing, onProgress }: UploadInput): Promise<string[]> {
  const holder: FileHolder = updateId ? 'update' : 'project';
  const problem = filesProblem(files, existing, holder);
  if (problem) throw new Error(problem);
  const stored: string[] = [];
  for (const [index, file] of files.entries()) {
    onProgress?.(index, 'uploading');
    const id = crypto.randomUUID();
    const fileName = sanitizeFileName(file.name);
    const objectPath = attachmentPath(organizationId, projectId, id, fileName);
    const contentType = file.type || 'application/octet-stream';
    const { error: rowError } = await supabase.from('attachments').insert({
      id,
      organization_id: organizationId,
      project_id: projectId,
      update_id: updateId,
      object_path: objectPath,
      file_name: fileName,
      size_bytes: file.size,
      content_type: contentType,
      client_visible: false,
      uploaded_by: userId,
    });
    if (rowError) {
      onProgress?.(index, 'failed');
      throw rowError;
    }
    const { error: uploadError } = await supabase.storage.from(BUCKET).upload(objectPath, file, { contentType, upsert: false });
    if (uploadError) {
      onProgress?.(index, 'failed');
      await supabase.from('attachments').delete().eq('id', id);
      throw new Error(`${file.name} could not be uploaded: ${uploadError.message}`);
    }
    stored.push(id);
    onProgress?.(index, 'done');
  }
  return stored;
}

function useFilesMutation<T, R>(projectId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: projectKeys.files(projectId) }), queryClient.invalidateQueries({ queryKey: projectKeys.updates(projectId) })]),
  });
}

export function useUploadAttachments(projectId: string) {
  return useFilesMutation(projectId, uploadAttachments);
}

/** Staff: share a project file with the client, or stop sharing it. */
export function useShareFile(projectId: string) {
  return useFilesMutation(projectId, async ({ id, shared }: { id: string; shared: boolean }) => {
    const { data } = await supabase.from('attachments').update({ client_visible: shared }).eq('id', id).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('You cannot change who sees this file.');
    return data;
  });
}

/** Deletes the row (which is what grants access), then the stored bytes. */
export async function deleteAttachment({ id, objectPath }: { id: string; objectPath: string }) {
  const { data } = await supabase.from('attachments').delete().eq('id', id).select('id').maybeSingle().throwOnError();
  if (!data) throw new Error('You cannot delete this file.');
  // If removing the bytes fails, the daily clean-up job removes objects whose row is gone.
  await supabase.storage.from(BUCKET).remove([objectPath]);
}

export function useDeleteFile(projectId: string) {
  return useFilesMutation(projectId, deleteAttachment);
}

/** Downloads through a signed link that expires after a minute. */
export async function downloadAttachment(file: { object_path: string; file_name: string }) {
  const { data, error } = await supabase.storage.from(BUCKET).createSignedUrl(file.object_path, 60, { download: file.file_name });
  if (error) throw error;
  const link = document.createElement('a');
  link.href = data.signedUrl;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
