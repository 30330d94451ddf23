import { Eye, Lock, type LucideIcon } from 'lucide-react';
import type { UpdateVisibility } from '../api/schemas';

export interface VisibilityStyle {
  Icon: LucideIcon;
  /** Stream heading. */
  title: string;
  /** Short label on a single entry. */
  badge: string;
  /** Border and background of a stream or an entry. */
  frame: string;
  /** Text and icon colour for the heading and badges. */
  accent: string;
  chip: string;
}

/** Internal notes are amber with a lock; client updates blue with an eye, everywhere on the page. */
export const VISIBILITY: Record<UpdateVisibility, VisibilityStyle> = {
  internal: {
    Icon: Lock,
    title: 'Internal notes',
    badge: 'Internal note',
    frame: 'border-amber-300 bg-amber-50/60 dark:border-amber-700/60 dark:bg-amber-950/20',
    accent: 'text-amber-900 dark:text-amber-200',
    chip: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  },
  client: {
    Icon: Eye,
    title: 'Client updates',
    badge: 'Client update',
    frame: 'border-sky-300 bg-sky-50/60 dark:border-sky-700/60 dark:bg-sky-950/20',
    accent: 'text-sky-900 dark:text-sky-200',
    chip: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  },
};

export function visibilityHint(visibility: UpdateVisibility, clientName: string): string {
  return visibility === 'internal' ? 'Only your team sees this' : `${clientName} sees this`;
}
