import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  message: string;
  /** Optional action, e.g. Undo. */
  action?: { label: string; onClick: () => void };
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Shows a toast for a few seconds (longer when it offers an action). */
export function toast(message: string, options: { tone?: Toast['tone']; action?: Toast['action'] } = {}): number {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { id, message, tone: options.tone ?? 'success', action: options.action }];
  emit();
  setTimeout(() => dismissToast(id), options.action ? 8000 : 4500);
  return id;
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
