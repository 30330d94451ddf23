import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FolderKanban, Plus, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { BudgetBandBadge } from '@/components/budget-band-badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { PROJECTS_PAGE_SIZE, useStaffProjects } from '../api/list-projects';
import { useClientOptions, useCurrency } from '../api/lookups';
import { PROJECT_STATUSES } from '../api/schemas';
import { formatDateRange } from '../format';
import { NewProjectDialog } from './new-project-dialog';
import { ProjectStatusBadge } from './project-status-badge';

const SEARCH_DELAY_MS = 300;

/** Staff: every project of the organization, filtered and searched on the server, a page at a time. */
export function StaffProjectList({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const [params, setParams] = useSearchParams();
  const filters = {
    status: params.get('status') ?? '',
    clientId: params.get('client') ?? '',
    search: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [creating, setCreating] = useState(false);
  const projects = useStaffProjects(organizationId, filters);
  const clients = useClientOptions(organizationId);
  const currency = useCurrency(organizationId);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const searchInput = useRef<HTMLInputElement>(null);
  const filtered = Boolean(filters.status || filters.clientId || filters.search);

  /** Changes one filter and goes back to the first page. */
  const setFilter = (key: 'status' | 'client' | 'q', value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      },
      { replace: key === 'q' },
    );
  const handleSearch = (value: string) => {
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setFilter('q', value.trim()), SEARCH_DELAY_MS);
  };
  const clearFilters = () => {
    clearTimeout(searchTimer.current);
    if (searchInput.current) searchInput.current.value = '';
    setParams({});
  };
  const setPage = (page: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(page));
      return next;
    });

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Everything ${organizationName} is working on, and what it has delivered.`}
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden /> New project
          </Button>
        }
      />
      <div role="search" aria-label="Filter projects" className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem_14rem]">
        <TextField ref={searchInput} label="Search by name" type="search" placeholder="e.g. Website" defaultValue={filters.search} onChange={(e) => handleSearch(e.target.value)} />
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(e) => setFilter('status', e.target.value)}
          options={[{ value: '', label: 'All statuses' }, ...PROJECT_STATUSES]}
        />
        <SelectField
          label="Client"
          value={filters.clientId}
          onChange={(e) => setFilter('client', e.target.value)}
          options={[{ value: '', label: 'All clients' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
      </div>
      {projects.error && <Alert>{errorMessage(projects.error)}</Alert>}
      {projects.isPending ? (
        <SkeletonRows rows={6} label="Loading projects" />
      ) : !projects.data ? null : projects.data.total === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title="No projects match"
            action={
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            }
          >
            Try another name, status or client.
          </EmptyState>
        ) : (
          <EmptyState
            icon={FolderKanban}
            title="No projects yet"
            action={
              <Button onClick={() => setCreating(true)}>
                <Plus className="size-4" aria-hidden /> New project
              </Button>
            }
          >
            Create a project for a client to plan milestones, share updates and files, and follow the budget.
          </EmptyState>
        )
      ) : (
        <>
          <div className={`overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${projects.isPlaceholderData ? 'opacity-60' : ''}`}>
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Projects, most recently changed first</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Name</th>
                  <th scope="col" className="px-4 py-3 font-medium">Client</th>
                  <th scope="col" className="px-4 py-3 font-medium">Status</th>
                  <th scope="col" className="px-4 py-3 font-medium">Dates</th>
                  <th scope="col" className="px-4 py-3 font-medium">Budget burn</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {projects.data.projects.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <td className="px-4 py-3 font-medium">
                      <Link to={`/projects/${p.id}`} className="text-brand-700 hover:underline dark:text-indigo-300">
                        {p.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700 dark:text-slate-300">{p.client_name ?? '—'}</td>
                    <td className="px-4 py-3">
                      <ProjectStatusBadge status={p.status} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700 dark:text-slate-300">{formatDateRange(p.start_on, p.end_on)}</td>
                    <td className="px-4 py-3">{p.band ? <BudgetBandBadge band={p.band} /> : <span className="text-slate-500 dark:text-slate-400">No budget</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filters.page} pageSize={PROJECTS_PAGE_SIZE} total={projects.data.total} onPageChange={setPage} />
        </>
      )}
      <NewProjectDialog open={creating} onClose={() => setCreating(false)} organizationId={organizationId} currency={currency} />
    </>
  );
}
