import { format } from 'date-fns';
import { Pencil, Trash2 } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatEntryMinutes } from '@/lib/duration';
import { formatMoney } from '../api/lookups';
import { memberName, type TimeEntry } from '../api/entries';

export interface EntriesTableProps {
  entries: TimeEntry[];
  currency: string;
  /** Whether I may change an entry (mine, or anyone's as a manager). */
  canChange: (entry: TimeEntry) => boolean;
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
  /** Show the project column (the timesheet) or the member column (a project's time). */
  show: 'member' | 'project';
}

/** Time entries as a table: who or where, when, how long, billable, rate, amount, note. */
export function EntriesTable({ entries, currency, canChange, onEdit, onDelete, show }: EntriesTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full text-sm">
        <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{show === 'member' ? 'Member' : 'Project'}</th>
            <th scope="col" className="px-3 py-2 font-semibold">Date</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Duration</th>
            <th scope="col" className="px-3 py-2 font-semibold">Billable</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Rate</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Amount</th>
            <th scope="col" className="px-3 py-2 font-semibold">Task and note</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entries.map((e) => {
            const running = e.ended_at === null;
            const amount = ((e.minutes ?? 0) / 60) * e.hourly_rate;
            const name = memberName(e);
            return (
              <tr key={e.id}>
                <td className="px-3 py-2">
                  {show === 'member' ? (
                    <span className="inline-flex items-center gap-2">
                      <Avatar name={name} url={e.member?.avatar_url} size="sm" />
                      {name}
                    </span>
                  ) : (
                    (e.project?.name ?? 'Project')
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{format(new Date(e.started_at), 'EEE, MMM d')}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{running ? <Badge tone="danger">Running</Badge> : formatEntryMinutes(e.minutes ?? 0)}</td>
                <td className="px-3 py-2">{e.billable ? <Badge tone="success">Billable</Badge> : <Badge>Non-billable</Badge>}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(e.hourly_rate, currency)}/h</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{running ? '—' : formatMoney(amount, currency)}</td>
                <td className="max-w-xs px-3 py-2">
                  {e.task?.title && <p className="truncate font-medium">{e.task.title}</p>}
                  {e.note && <p className="truncate text-slate-600 dark:text-slate-400">{e.note}</p>}
                  {!e.task?.title && !e.note && <span className="text-slate-500 dark:text-slate-400">—</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
                  {canChange(e) && (
                    <>
                      {!running && (
                        <Button variant="ghost" className="px-2" aria-label={`Edit ${name}'s entry of ${format(new Date(e.started_at), 'MMM d')}`} onClick={() => onEdit(e)}>
                          <Pencil className="size-4" aria-hidden />
                        </Button>
                      )}
                      <Button variant="ghost" className="px-2" aria-label={`Delete ${name}'s entry of ${format(new Date(e.started_at), 'MMM d')}`} onClick={() => onDelete(e)}>
                        <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
