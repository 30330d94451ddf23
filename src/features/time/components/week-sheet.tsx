import { format } from 'date-fns';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatEntryMinutes, formatMinutes } from '@/lib/duration';
import { daysOfWeek, parseISODate, toISODate } from '@/lib/week';
import type { TimeEntry } from '../api/entries';
import { entryTotals } from '../totals';

export interface WeekSheetProps {
  monday: string;
  entries: TimeEntry[];
  onAdd: (day: string) => void;
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
}

/** My week, day by day: each day's entries and total, with a way to add time to that day. */
export function WeekSheet({ monday, entries, onAdd, onEdit, onDelete }: WeekSheetProps) {
  const today = toISODate(new Date());
  const byDay = new Map<string, TimeEntry[]>();
  for (const e of entries) {
    const day = toISODate(new Date(e.started_at));
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {daysOfWeek(monday).map((day) => {
        const list = byDay.get(day) ?? [];
        const label = format(parseISODate(day)!, 'EEEE, MMM d');
        return (
          <li key={day} className="px-4 py-3">
            <div className="flex items-center justify-between gap-2">
              <h3 className={`text-sm font-semibold ${day === today ? 'text-brand-700 dark:text-indigo-300' : ''}`}>
                {label}
                {day === today && <span className="ml-2 text-xs font-medium">(today)</span>}
              </h3>
              <div className="flex items-center gap-3">
                <span className="text-sm tabular-nums text-slate-700 dark:text-slate-300">{list.length ? formatMinutes(entryTotals(list).total) : ''}</span>
                <Button variant="ghost" className="px-2 py-1" aria-label={`Add time on ${label}`} onClick={() => onAdd(day)}>
                  <Plus className="size-4" aria-hidden />
                </Button>
              </div>
            </div>
            {list.length > 0 && (
              <ul className="mt-2 space-y-1">
                {list.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-2 py-1.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{e.project?.name ?? 'Project'}</span>
                      {e.task?.title && <span className="text-slate-600 dark:text-slate-400"> · {e.task.title}</span>}
                      {e.note && <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{e.note}</span>}
                    </span>
                    {e.billable ? <Badge tone="success">Billable</Badge> : <Badge>Non-billable</Badge>}
                    <span className="w-24 text-right tabular-nums">{e.ended_at ? formatEntryMinutes(e.minutes ?? 0) : <Badge tone="danger">Running</Badge>}</span>
                    <span className="flex">
                      {e.ended_at && (
                        <Button variant="ghost" className="px-2 py-1" aria-label={`Edit entry on ${e.project?.name ?? 'project'}, ${label}`} onClick={() => onEdit(e)}>
                          <Pencil className="size-4" aria-hidden />
                        </Button>
                      )}
                      <Button variant="ghost" className="px-2 py-1" aria-label={`Delete entry on ${e.project?.name ?? 'project'}, ${label}`} onClick={() => onDelete(e)}>
                        <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                      </Button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
