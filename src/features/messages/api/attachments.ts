import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { attachmentPath } from '../attachments';
import type { Attachment } from '../types';
import { messageKeys } from './keys';

export const BUCKET = 'message-attachments';
const URL_SECONDS = 3600;

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';

/** Uploads one by one (progress per file); on a failure removes what was stored and throws. */
export async function uploadMessageFiles(
  { organizationId, channelId, files }: { organizationId: string; channelId: string; files: File[] },
  onProgress: (index: number, state: UploadState) => void,
): Promise<Attachment[]> {
  const stored: Attachment[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, 'uploading');
    const path = attachmentPath(organizationId, channelId, crypto.randomUUID(), file.name);
    const contentType = file.type || 'application/octet-stream';
    const { error } = await supabase.storage.from(BUCKET).upload(path, file, { contentType, upsert: false });
    if (error) {
      onProgress(index, 'failed');
      if (stored.length) await supabase.storage.from(BUCKET).remove(stored.map((a) => a.path));
      throw new Error(`${file.name} could not be uploaded: ${error.message}`);
    }
    stored.push({ path, name: file.name, size: file.size, content_type: contentType });
    onProgress(index, 'done');
  }
  return stored;
}

/** A signed address for one stored file, renewed before it expires. */
export const signedUrlQuery = (path: string) =>
  queryOptions({
    queryKey: messageKeys.file(path),
    queryFn: async () => {
      const { data, error } = await supabase.storage.from(BUCKET).createSignedUrl(path, URL_SECONDS);
      if (error) throw error;
      return data.signedUrl;
    },
    staleTime: (URL_SECONDS - 300) * 1000,
    gcTime: (URL_SECONDS - 300) * 1000,
  });

export function useSignedUrl(path: string, enabled = true) {
  return useQuery({ ...signedUrlQuery(path), enabled });
}

/** Opens a stored file through a short-lived signed link that downloads it under its own name. */
export async function downloadFile(attachment: Attachment): Promise<void> {
  const { data, error } = await supabase.storage.from(BUCKET).createSignedUrl(attachment.path, 60, { download: attachment.name });
  if (error) throw error;
  const link = document.createElement('a');
  link.href = data.signedUrl;
  link.rel = 'noopener noreferrer';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
