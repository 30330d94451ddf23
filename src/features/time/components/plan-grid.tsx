import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { format } from 'date-fns';
import { Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { formatHours } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import type { StaffMember } from '@/lib/staff';
import { toast } from '@/lib/toast';
import { parseISODate } from '@/lib/week';
import { useCapacityPlan, useSetPlannedHours } from '../api/capacity';
import type { WorkProject } from '../api/lookups';

interface Row {
  userId: string;
  projectId: string;
}

export interface PlanGridProps {
  organizationId: string;
  weeks: string[];
  staff: StaffMember[];
  projects: WorkProject[];
}

const rowKey = (r: Row) => `${r.userId}:${r.projectId}`;

/**
 * The plan as a grid of member × project rows and week columns. A cell saves when it loses focus (or
 * on Enter); clearing it removes that week's plan.
 */
export function PlanGrid({ organizationId, weeks, staff, projects }: PlanGridProps) {
  const from = weeks[0]!;
  const plan = useCapacityPlan(organizationId, from, weeks.length, true);
  const setHours = useSetPlannedHours();
  const [added, setAdded] = useState<Row[]>([]);
  const [newRow, setNewRow] = useState<Row>({ userId: '', projectId: '' });

  const names = new Map(staff.map((s) => [s.userId, s.name]));
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const cells = new Map<string, number>();
  const rows = new Map<string, Row>();
  for (const e of plan.data ?? []) {
    const row = { userId: e.user_id, projectId: e.project_id };
    rows.set(rowKey(row), row);
    cells.set(`${rowKey(row)}:${e.week_start}`, Number(e.planned_hours));
    if (e.project?.name) projectNames.set(e.project_id, e.project.name);
  }
  for (const r of added) rows.set(rowKey(r), r);
  const sorted = [...rows.values()].sort(
    (a, b) => (names.get(a.userId) ?? '').localeCompare(names.get(b.userId) ?? '') || (projectNames.get(a.projectId) ?? '').localeCompare(projectNames.get(b.projectId) ?? ''),
  );

  const save = (row: Row, week: string, input: HTMLInputElement) => {
    const key = `${rowKey(row)}:${week}`;
    const before = cells.get(key);
    const text = input.value.trim().replace(',', '.');
    const hours = text === '' ? null : Number(text);
    if (hours === (before ?? null)) return;
    if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 168)) {
      toast('Planned hours are between 0 and 168 a week.', { tone: 'error' });
      input.value = before === undefined ? '' : String(before);
      return;
    }
    if (hours === null && before === undefined) return;
    setHours.mutate(
      { projectId: row.projectId, userId: row.userId, week, hours },
      {
        onError: (e) => {
          toast(`The plan was not saved: ${errorMessage(e)}`, { tone: 'error' });
          input.value = before === undefined ? '' : String(before);
        },
      },
    );
  };

  const addRow = () => {
    if (!newRow.userId || !newRow.projectId) return;
    if (!rows.has(rowKey(newRow))) setAdded((list) => [...list, newRow]);
    setNewRow({ userId: '', projectId: '' });
  };

  const weekTotal = (week: string) => sorted.reduce((sum, r) => sum + (cells.get(`${rowKey(r)}:${week}`) ?? 0), 0);

  return (
    <Card title="Plan" description="Hours per member, project and week. A cell saves when you leave it; clear it to remove that week's plan.">
      {plan.isPending ? (
        <SkeletonRows rows={4} label="Loading the plan" />
      ) : plan.error ? (
        <Alert>The plan could not be loaded: {errorMessage(plan.error)}</Alert>
      ) : (
        <div className="space-y-4">
          {sorted.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Nothing is planned in these weeks yet. Add a member and project below.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">Planned hours per member, project and week</caption>
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-2 py-2 font-semibold">Member and project</th>
                    {weeks.map((w) => (
                      <th key={w} scope="col" className="px-2 py-2 text-right font-semibold whitespace-nowrap">
                        {format(parseISODate(w)!, 'MMM d')}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {sorted.map((row) => {
                    const who = names.get(row.userId) ?? 'Former member';
                    const what = projectNames.get(row.projectId) ?? 'Project';
                    return (
                      <tr key={rowKey(row)}>
                        <th scope="row" className="px-2 py-1.5 text-left font-normal">
                          <span className="block font-medium">{who}</span>
                          <span className="block text-xs text-slate-600 dark:text-slate-400">{what}</span>
                        </th>
                        {weeks.map((w) => {
                          const value = cells.get(`${rowKey(row)}:${w}`);
                          return (
                            <td key={w} className="px-2 py-1.5 text-right">
                              <input
                                key={`${w}:${value ?? ''}`}
                                type="number"
                                inputMode="decimal"
                                min={0}
                                max={168}
                                step={0.5}
                                defaultValue={value ?? ''}
                                aria-label={`${who} on ${what}, week of ${format(parseISODate(w)!, 'MMM d')}, planned hours`}
                                onBlur={(e: FocusEvent<HTMLInputElement>) => save(row, w, e.currentTarget)}
                                onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
                                  if (e.key === 'Enter') e.currentTarget.blur();
                                }}
                                className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-right tabular-nums dark:border-slate-700 dark:bg-slate-900"
                              />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot className="border-t border-slate-200 dark:border-slate-800">
                  <tr>
                    <th scope="row" className="px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                      Total
                    </th>
                    {weeks.map((w) => (
                      <td key={w} className="px-2 py-2 text-right font-semibold tabular-nums">
                        {formatHours(weekTotal(w))}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <SelectField
              label="Member"
              value={newRow.userId}
              onChange={(e) => setNewRow((r) => ({ ...r, userId: e.target.value }))}
              options={[{ value: '', label: 'Choose a member' }, ...staff.map((s) => ({ value: s.userId, label: s.name }))]}
            />
            <SelectField
              label="Project"
              value={newRow.projectId}
              onChange={(e) => setNewRow((r) => ({ ...r, projectId: e.target.value }))}
              options={[{ value: '', label: 'Choose a project' }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
            />
            <Button variant="secondary" onClick={addRow} disabled={!newRow.userId || !newRow.projectId}>
              <Plus className="size-4" aria-hidden /> Add row
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
