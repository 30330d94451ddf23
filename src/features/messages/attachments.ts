// Files on messages: checked before anything is uploaded (the bucket repeats the 10 MB limit and the
// table the 5-files rule), stored at <organization>/<channel>/<uuid>/<file name>.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** Why these files cannot go on one message; null when they can. */
export function attachmentProblem(files: ReadonlyArray<{ name: string; size: number }>): string | null {
  if (files.length > MAX_FILES) return `A message can carry at most ${MAX_FILES} files (you chose ${files.length}).`;
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) return `${tooBig.name} is ${formatBytes(tooBig.size)}; files can be at most 10 MB.`;
  const empty = files.find((f) => f.size === 0);
  if (empty) return `${empty.name} is empty.`;
  return null;
}

/** A file name Storage accepts in an object key: accents dropped, odd characters replaced, ≤ 120 characters. */
export function safeFileName(name: string): string {
  let clean = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._() -]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s._-]+|[\s.]+$/g, '');
  if (clean.length > 120) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  return clean || 'file';
}

export function attachmentPath(organizationId: string, channelId: string, id: string, fileName: string): string {
  return `${organizationId}/${channelId}/${id}/${safeFileName(fileName)}`;
}

export const isImage = (contentType: string) => /^image\/(png|jpe?g|gif|webp|avif)$/i.test(contentType);
