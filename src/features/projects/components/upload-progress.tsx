import { Check, LoaderCircle, X, Clock } from 'lucide-react';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { UploadState } from '../api/attachments';
import { formatBytes } from '../files';

export interface UploadItem {
  name: string;
  size: number;
  state: UploadState;
}

const ICONS: Record<UploadState, { Icon: typeof Check; className: string; label: string }> = {
  waiting: { Icon: Clock, className: 'text-slate-400', label: 'Waiting' },
  uploading: { Icon: LoaderCircle, className: 'animate-spin text-brand-600 dark:text-indigo-300', label: 'Uploading' },
  done: { Icon: Check, className: 'text-emerald-600 dark:text-emerald-400', label: 'Uploaded' },
  failed: { Icon: X, className: 'text-red-600 dark:text-red-400', label: 'Failed' },
};

/** Files being uploaded, one by one, with an overall bar; announced politely to screen readers. */
export function UploadProgress({ items }: { items: UploadItem[] }) {
  if (!items.length) return null;
  const done = items.filter((i) => i.state === 'done').length;
  const current = items.find((i) => i.state === 'uploading');
  return (
    <div className="space-y-2">
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {current ? `Uploading ${current.name}… (${done} of ${items.length} done)` : `${done} of ${items.length} ${items.length === 1 ? 'file' : 'files'} uploaded`}
      </p>
      <ProgressBar label="Upload progress" value={done} max={items.length} valueText={`${done} of ${items.length} files uploaded`} size="sm" />
      <ul className="space-y-1">
        {items.map((item, i) => {
          const { Icon, className, label } = ICONS[item.state];
          return (
            <li key={`${item.name}-${i}`} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
              <Icon className={`size-3.5 shrink-0 ${className}`} aria-hidden />
              <span className="min-w-0 flex-1 truncate">{item.name}</span>
              <span className="text-slate-500 dark:text-slate-400">{formatBytes(item.size)}</span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
