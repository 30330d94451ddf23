import { Download, FileText } from 'lucide-react';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { formatBytes, isImage } from '../attachments';
import { downloadFile, useSignedUrl } from '../api/attachments';
import type { Attachment } from '../types';

function ImagePreview({ attachment }: { attachment: Attachment }) {
  const url = useSignedUrl(attachment.path);
  if (url.isPending) return <div aria-hidden className="h-40 w-56 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />;
  if (url.error) return <FileChip attachment={attachment} />;
  return (
    <a href={url.data} target="_blank" rel="noopener noreferrer" className="block overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700">
      <img src={url.data} alt={attachment.name} loading="lazy" decoding="async" className="h-40 max-w-72 object-cover" />
    </a>
  );
}

function FileChip({ attachment }: { attachment: Attachment }) {
  return (
    <button
      type="button"
      onClick={() => downloadFile(attachment).catch((error: unknown) => toast(`The file could not be opened: ${errorMessage(error)}`, { tone: 'error' }))}
      className="inline-flex max-w-72 items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      <FileText className="size-5 shrink-0 text-slate-500 dark:text-slate-400" aria-hidden />
      <span className="min-w-0">
        <span className="block truncate font-medium">{attachment.name}</span>
        <span className="block text-xs text-slate-500 dark:text-slate-400">{formatBytes(attachment.size)}</span>
      </span>
      <Download className="size-4 shrink-0 text-slate-500 dark:text-slate-400" aria-label="Download" />
    </button>
  );
}

/** Images as previews (signed links, fetched when the row is on screen), other files as chips. */
export function MessageAttachments({ attachments, pending }: { attachments: Attachment[]; pending?: boolean }) {
  if (!attachments.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.path}>{!pending && isImage(a.content_type) ? <ImagePreview attachment={a} /> : <FileChip attachment={a} />}</li>
      ))}
    </ul>
  );
}
