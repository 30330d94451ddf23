import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra fields the action needs (a reason, a comment), shown above the buttons. */
  children?: ReactNode;
}

/** Asks before a destructive or visible-to-others action; Cancel has focus first. */
export function ConfirmDialog({ open, title, description, confirmLabel, tone = 'danger', pending, onConfirm, onCancel, children }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={description}>
      {children && <div className="mb-4 space-y-3">{children}</div>}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'primary'} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
