import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDistanceToNow } from 'date-fns';
import { ArrowLeft, Pencil, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useDeleteClient, useUpdateClient, type ClientPatch, type ClientRecord } from '../api/client';
import { CLIENT_STATUSES, STATUS_LABEL, type ClientStatus } from '../api/schemas';
import { useStaff } from '@/lib/staff';
import { ClientStatusBadge, StaleBadge } from './client-status-badge';
import { EditDetailsDialog } from './edit-details-dialog';

interface Props {
  organizationId: string;
  client: ClientRecord;
  canDelete: boolean;
  projectCount: number | undefined;
  portalPeople: number | undefined;
}

const control =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900';
const SOURCE_LABEL: Record<string, string> = { manual: 'Added by the team', intake: 'Intake form', import: 'Import' };

/** Name, status, owner and activity of a client, with the actions on the whole record. */
export function ClientHeader({ organizationId, client, canDelete, projectCount, portalPeople }: Props) {
  const update = useUpdateClient(organizationId, client.id);
  const remove = useDeleteClient(organizationId);
  const staff = useStaff(organizationId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const statusId = useId();
  const ownerId = useId();

  const change = (patch: ClientPatch, done: string, undo?: ClientPatch) =>
    update.mutate(patch, {
      onSuccess: () => toast(done, undo ? { action: { label: 'Undo', onClick: () => update.mutate(undo, { onError: (e) => toast(errorMessage(e), { tone: 'error' }) }) } } : {}),
      onError: (e) => toast(errorMessage(e), { tone: 'error' }),
    });

  const ownerOptions = staff.data ?? [];
  const ownerKnown = !client.owner_id || ownerOptions.some((s) => s.userId === client.owner_id);

  return (
    <header className="mb-6">
      <Link to="/clients" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:underline dark:text-slate-400">
        <ArrowLeft className="size-4" aria-hidden /> All clients
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{client.name}</h1>
            <ClientStatusBadge status={client.status} />
            {client.stale_since && <StaleBadge since={client.stale_since} />}
          </div>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {SOURCE_LABEL[client.source] ?? client.source} · added {new Date(client.created_at).toLocaleDateString()}
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden /> Edit details
          </Button>
          {canDelete && (
            <Button variant="secondary" onClick={() => setDeleting(true)}>
              <Trash2 className="size-4 text-red-600" aria-hidden /> Delete
            </Button>
          )}
        </div>
      </div>
      <dl className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <div>
          <dt className="leading-4">
            <label htmlFor={statusId} className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Status
            </label>
          </dt>
          <dd>
            <select
              id={statusId}
              value={client.status}
              disabled={update.isPending}
              onChange={(e) => {
                const next = e.target.value as ClientStatus;
                change({ status: next }, `${client.name} is now ${STATUS_LABEL[next].toLowerCase()}.`, { status: client.status });
              }}
              className={control}
            >
              {CLIENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </dd>
        </div>
        <div>
          <dt className="leading-4">
            <label htmlFor={ownerId} className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Owner
            </label>
          </dt>
          <dd>
            <select
              id={ownerId}
              value={client.owner_id ?? ''}
              disabled={update.isPending || staff.isPending}
              onChange={(e) => {
                const next = e.target.value || null;
                const name = ownerOptions.find((s) => s.userId === next)?.name;
                change({ owner_id: next }, name ? `${name} now owns ${client.name}.` : `${client.name} has no owner now.`, { owner_id: client.owner_id });
              }}
              className={control}
            >
              <option value="">Nobody</option>
              {!ownerKnown && <option value={client.owner_id!}>A former member</option>}
              {ownerOptions.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
            </select>
          </dd>
        </div>
        <div>
          <dt className="text-xs leading-4 font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Last activity</dt>
          <dd className="mt-1 py-1.5 text-sm">
            <time dateTime={client.last_activity_at} title={new Date(client.last_activity_at).toLocaleString()}>
              {formatDistanceToNow(new Date(client.last_activity_at), { addSuffix: true })}
            </time>
          </dd>
        </div>
      </dl>
      <EditDetailsDialog organizationId={organizationId} client={client} open={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog
        open={deleting}
        title={`Delete ${client.name}?`}
        description={
          projectCount ? (
            <>
              {client.name} still has {projectCount} project(s), so it cannot be deleted. Archive it instead: it leaves the client list but keeps its history.
            </>
          ) : (
            <>
              Its contacts, billing details, notes, reports and open portal invitations are deleted for good.
              {portalPeople ? ` ${portalPeople} person(s) with portal access will no longer see anything of it.` : ''} This cannot be undone.
            </>
          )
        }
        confirmLabel={projectCount ? (client.status === 'archived' ? 'Keep it archived' : 'Archive instead') : 'Delete client'}
        tone={projectCount ? 'primary' : 'danger'}
        pending={remove.isPending || update.isPending}
        onConfirm={() => {
          if (projectCount) {
            if (client.status !== 'archived') change({ status: 'archived' }, `${client.name} was archived.`, { status: client.status });
            setDeleting(false);
            return;
          }
          remove.mutate(client.id, {
            onSuccess: () => {
              toast(`${client.name} was deleted.`);
              navigate('/clients', { replace: true });
            },
            onError: (e) => {
              toast(errorMessage(e), { tone: 'error' });
              setDeleting(false);
            },
          });
        }}
        onCancel={() => setDeleting(false)}
      />
    </header>
  );
}
