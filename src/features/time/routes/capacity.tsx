import { useSearchParams } from 'react-router';
import { BarChart3, ChevronLeft, ChevronRight, Table2, Users } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useStaff } from '@/lib/staff';
import { shiftWeek, spanLabel, weekFromParam, weeksFrom } from '@/lib/week';
import { useCapacityOverview } from '../api/capacity';
import { useWorkProjects } from '../api/lookups';
import { byMember, chartMax } from '../capacity-rules';
import { BudgetBurn } from '../components/budget-burn';
import { CapacityChart, ChartLegend } from '../components/capacity-chart';
import { CapacityTable } from '../components/capacity-table';
import { PlanGrid } from '../components/plan-grid';
import { ToggleGroup } from '@/components/ui/toggle-group';

const SPANS = [4, 6, 8] as const;

/** Planned against tracked hours per member for the next weeks, the plan itself (managers), and budget burn. */
export default function CapacityRoute() {
  const { current } = useMembership();
  const [params, setParams] = useSearchParams();
  const thisWeek = weekFromParam(null);
  const from = weekFromParam(params.get('from'));
  const span = SPANS.find((n) => String(n) === params.get('weeks')) ?? 6;
  const view = params.get('view') === 'table' ? 'table' : 'chart';
  const isStaff = hasRole(current.role, 'member');
  const isManager = hasRole(current.role, 'manager');
  const overview = useCapacityOverview(current.organizationId, from, span);
  const staff = useStaff(current.organizationId, isStaff);
  const projects = useWorkProjects(current.organizationId, isManager);

  if (!isStaff) return <Forbidden what="capacity planning" />;

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const weeks = weeksFrom(from, span);
  const members = byMember(overview.data ?? [], weeks);
  const names = new Map((staff.data ?? []).map((s) => [s.userId, s.name]));
  const avatars = new Map((staff.data ?? []).map((s) => [s.userId, s.avatarUrl]));
  members.sort((a, b) => (names.get(a.userId) ?? '').localeCompare(names.get(b.userId) ?? ''));
  const max = chartMax(members);

  return (
    <>
      <PageHeader title="Capacity" description="Planned against tracked hours per person and week, against a 40-hour week." />
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <nav aria-label="Weeks" className="flex items-center gap-2">
            <Button variant="secondary" aria-label="Earlier weeks" onClick={() => set({ from: shiftWeek(from, -1) })}>
              <ChevronLeft className="size-4" aria-hidden />
            </Button>
            <p className="min-w-56 text-center text-sm font-semibold" aria-live="polite">
              {spanLabel(from, span)}
            </p>
            <Button variant="secondary" aria-label="Later weeks" onClick={() => set({ from: shiftWeek(from, 1) })}>
              <ChevronRight className="size-4" aria-hidden />
            </Button>
            {from !== thisWeek && (
              <Button variant="ghost" onClick={() => set({ from: null })}>
                This week
              </Button>
            )}
          </nav>
          <div className="flex items-end gap-3">
            <SelectField label="Weeks" value={String(span)} onChange={(e) => set({ weeks: e.target.value === '6' ? null : e.target.value })} options={SPANS.map((n) => ({ value: String(n), label: `${n} weeks` }))} />
            <ToggleGroup
              label="Show as"
              value={view}
              onChange={(next) => set({ view: next === 'chart' ? null : next })}
              options={[
                { value: 'chart', label: 'Charts', icon: BarChart3 },
                { value: 'table', label: 'Table', icon: Table2 },
              ]}
            />
          </div>
        </div>

        {overview.isPending ? (
          <SkeletonRows rows={4} label="Loading capacity" />
        ) : overview.error ? (
          <Alert>Capacity could not be loaded: {errorMessage(overview.error)}</Alert>
        ) : !members.length ? (
          <EmptyState icon={Users} title="Nothing planned or tracked in these weeks">
            {isManager ? 'Plan hours in the grid below, or pick other weeks.' : 'Your managers have not planned these weeks yet.'}
          </EmptyState>
        ) : view === 'table' ? (
          <Card>
            <div className="overflow-x-auto">
              <CapacityTable members={members} names={names} />
            </div>
          </Card>
        ) : (
          <>
            <ChartLegend />
            <ul className="grid gap-4 lg:grid-cols-2">
              {members.map((m) => {
                const name = names.get(m.userId) ?? 'Former member';
                return (
                  <li key={m.userId} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                    <div className="mb-2 flex flex-wrap items-center gap-2">
                      <Avatar name={name} url={avatars.get(m.userId)} size="sm" />
                      <h2 className="flex-1 text-sm font-semibold">{name}</h2>
                      {m.over > 0 && <Badge tone="danger">{m.over} over</Badge>}
                      {m.under > 0 && <Badge tone="warning">{m.under} under</Badge>}
                    </div>
                    <CapacityChart member={m} name={name} max={max} />
                  </li>
                );
              })}
            </ul>
            <CapacityTable members={members} names={names} className="sr-only" />
          </>
        )}

        {isManager && (staff.data && projects.data ? <PlanGrid organizationId={current.organizationId} weeks={weeks} staff={staff.data} projects={projects.data} /> : <SkeletonRows rows={3} label="Loading the plan" />)}
        <BudgetBurn organizationId={current.organizationId} />
      </div>
    </>
  );
}
