import { useState } from 'react';
import { format } from 'date-fns';
import { Download, Eye, FileText, Lock } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { downloadAttachment } from '../api/attachments';
import { formatBytes } from '../files';

export interface FileRowData {
  id: string;
  file_name: string;
  size_bytes: number;
  client_visible: boolean;
  object_path: string;
  created_at: string;
  profiles: { display_name: string | null } | null;
}

/** One stored file: name, size, who added it and when, a download through a short-lived link, and actions. */
export function FileRow({ file, showVisibility, children, compact = false }: { file: FileRowData; showVisibility: boolean; children?: React.ReactNode; compact?: boolean }) {
  const [downloading, setDownloading] = useState(false);
  const handleDownload = async () => {
    setDownloading(true);
    try {
      await downloadAttachment(file);
    } catch (error) {
      toast(`${file.file_name} could not be downloaded: ${errorMessage(error)}`, { tone: 'error' });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <li className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${compact ? 'py-1.5' : 'py-3'}`}>
      <FileText className="size-4 shrink-0 text-slate-400" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={file.file_name}>
          {file.file_name}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {formatBytes(file.size_bytes)}
          {!compact && (
            <>
              {' · '}
              {file.profiles?.display_name ? `${file.profiles.display_name}, ` : ''}
              {format(new Date(file.created_at), 'MMM d, yyyy')}
            </>
          )}
        </p>
      </div>
      {showVisibility &&
        (file.client_visible ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900/40 dark:text-sky-200">
            <Eye className="size-3" aria-hidden /> Shared with client
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-200">
            <Lock className="size-3" aria-hidden /> Team only
          </span>
        ))}
      <Button variant="ghost" className="px-2" loading={downloading} aria-label={`Download ${file.file_name}`} onClick={() => void handleDownload()}>
        {!downloading && <Download className="size-4" aria-hidden />}
      </Button>
      {children}
    </li>
  );
}
