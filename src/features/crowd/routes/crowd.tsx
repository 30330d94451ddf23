import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Plus, Users } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Skeleton } from '@/components/ui/skeleton';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { crowdKeys } from '../api/keys';
import { CROWD_PAGE_SIZE, useJoinedCrowdProjects, useOpenCrowdProjects, useStaffCrowdProjects, type CrowdProjectSummary } from '../api/list-crowd-projects';
import { currencyOf } from '../api/mutations';
import { formatMoney } from '../api/money';
import { CrowdProjectCard } from '../components/crowd-project-card';
import { CrowdProjectDialog } from '../components/crowd-project-dialog';

function Grid({ label, pending, error, children }: { label: string; pending: boolean; error: unknown; children: React.ReactNode }) {
  if (error) return <Alert>{errorMessage(error)}</Alert>;
  if (pending)
    return (
      <div role="status" aria-label={`Loading ${label}`} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-44" />
        ))}
      </div>
    );
  return <>{children}</>;
}

function Cards({ projects, note }: { projects: CrowdProjectSummary[]; note?: (p: CrowdProjectSummary) => string | undefined }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {projects.map((p) => (
        <CrowdProjectCard key={p.id} project={p} note={note?.(p)} />
      ))}
    </ul>
  );
}

/** Crowd projects: staff see and open their organization's; everyone sees what they joined and what is open to join. */
export default function CrowdRoute() {
  const { current } = useMembership();
  const isStaff = hasRole(current.role, 'member');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openPage = Math.max(1, Number(params.get('open')) || 1);
  const [creating, setCreating] = useState(false);
  const staff = useStaffCrowdProjects(current.organizationId, page, isStaff);
  const joined = useJoinedCrowdProjects(useUserId());
  const open = useOpenCrowdProjects(openPage);
  const currency = useQuery({ queryKey: crowdKeys.currency(current.organizationId), queryFn: () => currencyOf(current.organizationId), enabled: isStaff });
  const joinedIds = new Set((joined.data ?? []).map((p) => p.id));
  const joinable = (open.data?.projects ?? []).filter((p) => !joinedIds.has(p.id) && !(isStaff && p.organization_id === current.organizationId));
  const setPage = (key: string, value: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, String(value));
      return next;
    });

  return (
    <>
      <PageHeader
        title="Crowd projects"
        description="Commissions funded together: people join, and once enough have joined the studio prices the work and each pays a share."
        actions={
          isStaff && (
            <Button onClick={() => setCreating(true)} disabled={!currency.data}>
              <Plus className="size-4" aria-hidden /> Open a crowd project
            </Button>
          )
        }
      />
      <div className="space-y-10">
        {isStaff && (
          <section aria-labelledby="crowd-ours" className="space-y-4">
            <h2 id="crowd-ours" className="text-lg font-semibold">
              {current.organizationName}’s crowd projects
            </h2>
            <Grid label="your organization's crowd projects" pending={staff.isPending} error={staff.error}>
              {staff.data?.total === 0 ? (
                <EmptyState icon={Users} title="No crowd projects yet" action={<Button variant="secondary" onClick={() => setCreating(true)}>Open a crowd project</Button>}>
                  Open one for work many clients want together: a shared mural, a joint campaign, a common tool.
                </EmptyState>
              ) : (
                <>
                  <Cards projects={staff.data?.projects ?? []} />
                  {(staff.data?.total ?? 0) > CROWD_PAGE_SIZE && (
                    <Pagination page={page} pageSize={CROWD_PAGE_SIZE} total={staff.data?.total ?? 0} onPageChange={(p) => setPage('page', p)} />
                  )}
                </>
              )}
            </Grid>
          </section>
        )}
        <section aria-labelledby="crowd-joined" className="space-y-4">
          <h2 id="crowd-joined" className="text-lg font-semibold">
            Joined by you
          </h2>
          <Grid label="crowd projects you joined" pending={joined.isPending} error={joined.error}>
            {(joined.data ?? []).length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">You have not joined a crowd project yet.</p>
            ) : (
              <Cards
                projects={joined.data ?? []}
                note={(p) => {
                  const share = joined.data?.find((j) => j.id === p.id)?.share_amount;
                  return share ? `Your share: ${formatMoney(share, p.currency)}` : undefined;
                }}
              />
            )}
          </Grid>
        </section>
        <section aria-labelledby="crowd-open" className="space-y-4">
          <h2 id="crowd-open" className="text-lg font-semibold">
            Open to join
          </h2>
          <Grid label="crowd projects open to join" pending={open.isPending} error={open.error}>
            {joinable.length === 0 ? (
              <EmptyState icon={Users} title="Nothing open to join right now">
                When a studio opens a crowd project, it appears here until its quorum is reached or its deadline passes.
              </EmptyState>
            ) : (
              <>
                <Cards projects={joinable} />
                {(open.data?.total ?? 0) > CROWD_PAGE_SIZE && (
                  <Pagination page={openPage} pageSize={CROWD_PAGE_SIZE} total={open.data?.total ?? 0} onPageChange={(p) => setPage('open', p)} />
                )}
              </>
            )}
          </Grid>
        </section>
      </div>
      {isStaff && currency.data && (
        <CrowdProjectDialog open={creating} onClose={() => setCreating(false)} organizationId={current.organizationId} currency={currency.data} />
      )}
    </>
  );
}
