// Checks made before any byte is uploaded, and the naming of stored files. The database and the
// bucket repeat the limits (attachments trigger: 5 per item; bucket: 10 MB), and their word is final.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_ITEM = 5;
export type FileHolder = 'project' | 'update';

const MB = 1024 * 1024;

/** "800 B", "12 KB", "12.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * A file name Storage accepts in an object key and the attachments table accepts as file_name:
 * accents dropped, anything outside letters, digits, space, dot, dash, underscore and brackets
 * replaced, at most 200 characters with the extension kept.
 */
export function sanitizeFileName(name: string): string {
  let clean = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._() -]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s._-]+|[\s.]+$/g, '');
  if (clean.length > 200) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
    clean = clean.slice(0, 200 - ext.length).trimEnd() + ext;
  }
  return clean || 'file';
}

/** Where a file lives in the attachments bucket (the table checks this exact layout). */
export function attachmentPath(organizationId: string, projectId: string, attachmentId: string, fileName: string): string {
  return `${organizationId}/${projectId}/${attachmentId}/${fileName}`;
}

/** Why these files cannot be added to an item that already holds `existing` files; null when they can. */
export function filesProblem(files: ReadonlyArray<{ name: string; size: number }>, existing: number, holder: FileHolder): string | null {
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) return `${tooBig.name} is ${formatBytes(tooBig.size)}; files can be at most ${MAX_FILE_BYTES / MB} MB.`;
  if (existing + files.length > MAX_FILES_PER_ITEM) {
    const room = Math.max(0, MAX_FILES_PER_ITEM - existing);
    const what = holder === 'project' ? 'A project can hold at most 5 files here' : 'An update can hold at most 5 files';
    if (room === 0) return `${what}, and it has ${existing}. Remove one before adding another.`;
    return `${what}: it has ${existing}, so you can add ${room} more (you chose ${files.length}).`;
  }
  return null;
}
