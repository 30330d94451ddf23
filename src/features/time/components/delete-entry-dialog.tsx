import { format } from 'date-fns';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatMinutes } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useDeleteEntry, type TimeEntry } from '../api/entries';

/** Asks before a time entry is deleted (it leaves the project's totals and budget burn). */
export function DeleteEntryDialog({ entry, onClose }: { entry: TimeEntry | null; onClose: () => void }) {
  const remove = useDeleteEntry();
  return (
    <ConfirmDialog
      open={entry !== null}
      title="Delete this time entry?"
      description={
        entry
          ? `${entry.ended_at ? formatMinutes(entry.minutes ?? 0) : 'The running timer'} on ${format(new Date(entry.started_at), 'EEE, MMM d')} leaves the project's totals and budget.`
          : ''
      }
      confirmLabel="Delete entry"
      pending={remove.isPending}
      onConfirm={() =>
        entry &&
        remove.mutate(entry.id, {
          onSuccess: () => {
            toast('Time entry deleted.');
            onClose();
          },
          onError: (e) => {
            toast(errorMessage(e), { tone: 'error' });
            onClose();
          },
        })
      }
      onCancel={onClose}
    />
  );
}
