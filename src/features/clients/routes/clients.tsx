import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Building2, Plus, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useClientList } from '../api/list-clients';
import { CLIENTS_PAGE_SIZE, DEFAULT_LIST_PARAMS, hasFilters, readListParams, withListChange, writeListParams, type ClientListParams } from '../api/list-params';
import { useStaff } from '@/lib/staff';
import { ClientFilters } from '../components/client-filters';
import { ClientsTable } from '../components/clients-table';
import { NewClientDialog } from '../components/new-client-dialog';

/** /clients: the organization's clients and leads (staff only; clients see their portal instead). */
export default function ClientsRoute() {
  const { current } = useMembership();
  if (!hasRole(current.role, 'member')) return <Forbidden what="the client list" />;
  return <ClientList organizationId={current.organizationId} organizationName={current.organizationName} />;
}

function ClientList({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const userId = useUserId();
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const list = useClientList(organizationId, params);
  const staff = useStaff(organizationId);
  const [creating, setCreating] = useState(false);
  const update = (change: Partial<ClientListParams>) => setSearch(writeListParams(withListChange(params, change)));
  const filtered = hasFilters(params);

  const newClient = (
    <Button onClick={() => setCreating(true)}>
      <Plus className="size-4" aria-hidden /> New client
    </Button>
  );

  return (
    <>
      <PageHeader title="Clients" description={`Everyone ${organizationName} works for, and the leads that may become clients.`} actions={newClient} />
      <div className="space-y-4">
        <ClientFilters params={params} staff={staff.data ?? []} onChange={update} />
        {list.isPending ? (
          <SkeletonRows rows={6} label="Loading clients" />
        ) : list.error ? (
          <Alert>The clients could not be loaded: {errorMessage(list.error)}</Alert>
        ) : list.data.total === 0 ? (
          filtered ? (
            <EmptyState
              icon={SearchX}
              title="No clients match"
              action={
                <Button variant="secondary" onClick={() => setSearch(writeListParams({ ...DEFAULT_LIST_PARAMS, sort: params.sort }))}>
                  Clear search and filters
                </Button>
              }
            >
              Try another name or email, or widen the filters.
            </EmptyState>
          ) : (
            <EmptyState icon={Building2} title="No clients yet" action={newClient}>
              Add the people and companies you work for. Leads from your intake form appear here too.
            </EmptyState>
          )
        ) : list.data.clients.length === 0 ? (
          <EmptyState icon={SearchX} title="Nothing on this page" action={<Button variant="secondary" onClick={() => update({ page: 1 })}>Go to the first page</Button>}>
            The list has {list.data.total} client(s); this page is past its end.
          </EmptyState>
        ) : (
          <div aria-busy={list.isPlaceholderData || undefined} className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
            <ClientsTable clients={list.data.clients} />
            <Pagination page={params.page} pageSize={CLIENTS_PAGE_SIZE} total={list.data.total} onPageChange={(page) => update({ page })} />
          </div>
        )}
      </div>
      <NewClientDialog organizationId={organizationId} myUserId={userId} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
