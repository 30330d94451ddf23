import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { dismissToast, useToasts } from '@/lib/toast';

const ICONS = { success: CircleCheck, error: CircleAlert, info: Info };

export function Toaster() {
  const toasts = useToasts();
  return (
    <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-[60] flex w-80 flex-col gap-2">
      {toasts.map((t) => {
        const Icon = ICONS[t.tone];
        return (
          <div
            key={t.id}
            role={t.tone === 'error' ? 'alert' : 'status'}
            className="pointer-events-auto flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            <Icon className={`mt-0.5 size-4 shrink-0 ${t.tone === 'error' ? 'text-red-600' : t.tone === 'success' ? 'text-emerald-600' : 'text-brand-600'}`} aria-hidden />
            <p className="flex-1">{t.message}</p>
            {t.action && (
              <button
                type="button"
                className="font-medium text-brand-600 hover:underline"
                onClick={() => {
                  t.action!.onClick();
                  dismissToast(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" onClick={() => dismissToast(t.id)} aria-label="Dismiss" className="text-slate-400 hover:text-slate-600">
              <X className="size-4" aria-hidden />
            </button>
          </div>
        );
      })}
    </div>
  );
}
