import type { ReactNode } from 'react';
import { Dialog as HeadlessDialog, DialogPanel, DialogTitle, Description } from '@headlessui/react';
import { X } from 'lucide-react';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** `md` for confirmations and short forms, `lg` for longer forms. */
  size?: 'md' | 'lg';
}

/** A modal dialog: focus is trapped inside and returns where it was; Escape closes it. */
export function Dialog({ open, onClose, title, description, children, size = 'md' }: DialogProps) {
  return (
    <HeadlessDialog open={open} onClose={onClose} className="relative z-50">
      <div className="fixed inset-0 bg-slate-950/40 backdrop-blur-[1px]" aria-hidden />
      <div className="fixed inset-0 overflow-y-auto">
        <div className="flex min-h-full items-center justify-center p-4">
          <DialogPanel
            className={`w-full ${size === 'lg' ? 'max-w-2xl' : 'max-w-md'} rounded-xl border border-slate-200 bg-white p-6 shadow-xl dark:border-slate-800 dark:bg-slate-900`}
          >
            <div className="flex items-start justify-between gap-4">
              <DialogTitle className="text-base font-semibold">{title}</DialogTitle>
              <button
                type="button"
                onClick={onClose}
                className="rounded p-1 text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
                aria-label="Close"
              >
                <X className="size-4" aria-hidden />
              </button>
            </div>
            {description && (
              <Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</Description>
            )}
            <div className="mt-4">{children}</div>
          </DialogPanel>
        </div>
      </div>
    </HeadlessDialog>
  );
}
