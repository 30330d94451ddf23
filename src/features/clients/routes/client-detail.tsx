import { Link, useParams } from 'react-router';
import { Archive, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useClient, useUpdateClient, type ClientRecord } from '../api/client';
import { useClientProjects } from '../api/client-related';
import { usePortalAccess } from '../api/portal-access';
import { BillingCard } from '../components/billing-card';
import { ClientHeader } from '../components/client-header';
import { ContactsCard } from '../components/contacts-card';
import { CustomFieldsCard } from '../components/custom-fields-card';
import { DetailsCard } from '../components/details-card';
import { NotesCard } from '../components/notes-card';
import { PortalAccessCard } from '../components/portal-access-card';
import { ProjectsCard } from '../components/projects-card';
import { SubmissionsCard } from '../components/submissions-card';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /clients/:clientId — everything about one client (staff only). */
export default function ClientDetailRoute() {
  const { clientId = '' } = useParams();
  const { current } = useMembership();
  if (!hasRole(current.role, 'member')) return <Forbidden what="client records" />;
  if (!UUID.test(clientId)) return <NotFound />;
  return <ClientDetail key={clientId} organizationId={current.organizationId} clientId={clientId} />;
}

function ClientDetail({ organizationId, clientId }: { organizationId: string; clientId: string }) {
  const { current } = useMembership();
  const client = useClient(organizationId, clientId);
  const projects = useClientProjects(organizationId, clientId);
  const portal = usePortalAccess(organizationId, clientId, hasRole(current.role, 'manager'));

  if (client.isPending) return <DetailSkeleton />;
  if (client.error) return <Alert>This client could not be loaded: {errorMessage(client.error)}</Alert>;
  if (!client.data) return <NotFound />;
  const c = client.data;
  return (
    <>
      <title>{`${c.name} · Clients`}</title>
      <ClientHeader
        organizationId={organizationId}
        client={c}
        canDelete={hasRole(current.role, 'manager')}
        projectCount={projects.data?.total}
        portalPeople={portal.data?.people.length}
      />
      {c.status === 'archived' && <ArchivedNotice organizationId={organizationId} client={c} />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ContactsCard organizationId={organizationId} client={c} />
          <ProjectsCard organizationId={organizationId} clientId={c.id} />
          <SubmissionsCard organizationId={organizationId} clientId={c.id} />
          <NotesCard organizationId={organizationId} client={c} />
        </div>
        <div className="space-y-6">
          <DetailsCard client={c} />
          <PortalAccessCard organizationId={organizationId} clientId={c.id} clientName={c.name} myRole={current.role} />
          <BillingCard organizationId={organizationId} client={c} />
          <CustomFieldsCard organizationId={organizationId} client={c} />
        </div>
      </div>
    </>
  );
}

function ArchivedNotice({ organizationId, client }: { organizationId: string; client: ClientRecord }) {
  const update = useUpdateClient(organizationId, client.id);
  return (
    <div role="status" className="mb-6 flex flex-wrap items-center gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      <Archive className="size-5 shrink-0" aria-hidden />
      <p className="flex-1">This client is archived: it is hidden from the client list unless you ask for archived clients. Its history stays.</p>
      <Button
        variant="secondary"
        loading={update.isPending}
        onClick={() =>
          update.mutate({ status: 'active' }, { onSuccess: () => toast(`${client.name} is active again.`), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })
        }
      >
        Restore as active
      </Button>
    </div>
  );
}

function NotFound() {
  return (
    <EmptyState
      icon={SearchX}
      title="Client not found"
      action={
        <Link to="/clients" className="text-sm text-brand-600 underline dark:text-indigo-300">
          Back to all clients
        </Link>
      }
    >
      It may have been deleted, or it belongs to another organization.
    </EmptyState>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading client" className="space-y-6">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-20 w-full" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-64 lg:col-span-2" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
