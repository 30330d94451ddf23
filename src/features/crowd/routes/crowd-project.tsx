import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CalendarClock, CreditCard, SearchX, Wallet } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { Markdown } from '@/lib/markdown';
import { hasRole, useMembership } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useCrowdParticipants, useCrowdProject, useCrowdProjectLive } from '../api/crowd-project';
import { useCancelCrowdProject, useLeaveCrowdProject, useStartCardSetup } from '../api/mutations';
import { formatMoney } from '../api/money';
import { deadlineText } from '../api/schemas';
import { CrowdProjectDialog } from '../components/crowd-project-dialog';
import { CrowdStatusBadge } from '../components/crowd-status-badge';
import { EstimateCard } from '../components/estimate-card';
import { JoinDialog } from '../components/join-dialog';
import { ParticipantsCard } from '../components/participants-card';
import { QuorumProgress } from '../components/quorum-progress';

export default function CrowdProjectRoute() {
  const { crowdId = '' } = useParams();
  const { all } = useMembership();
  const [params] = useSearchParams();
  const project = useCrowdProject(crowdId);
  const p = project.data;
  const membership = p ? all.find((m) => m.organizationId === p.organization_id) : undefined;
  const isStaff = !!membership && hasRole(membership.role, 'member');
  const isManager = !!membership && hasRole(membership.role, 'manager');
  const participants = useCrowdParticipants(crowdId, !!p);
  useCrowdProjectLive(crowdId, p?.estimate_id ?? null);
  const leave = useLeaveCrowdProject();
  const cancel = useCancelCrowdProject();
  const setup = useStartCardSetup();
  const [dialog, setDialog] = useState<null | 'join' | 'leave' | 'cancel' | 'edit'>(null);

  if (project.isPending) {
    return (
      <div role="status" aria-label="Loading the crowd project" className="space-y-4">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (project.error) return <Alert>This crowd project could not be loaded: {errorMessage(project.error)}</Alert>;
  if (!p) {
    return (
      <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
        <SearchX className="size-8 text-slate-400" aria-hidden />
        <h1 className="mt-3 text-lg font-semibold">Crowd project not found</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Once its quorum is reached, a crowd project is visible only to its studio and the people who joined.
        </p>
        <Link to="/crowd" className="mt-4 text-sm text-brand-600 underline dark:text-indigo-300">
          Back to crowd projects
        </Link>
      </div>
    );
  }

  const people = participants.data ?? [];
  const me = people.find((x) => x.is_me && x.status === 'joined');
  const joinedPeople = people.filter((x) => x.status === 'joined');
  const isOpen = p.status === 'open';
  const invoiced = p.status === 'invoiced' || p.status === 'completed';
  // A card is charged only when the invoices are issued, so it is worth saving until then.
  const cardWanted = !!me && !me.has_saved_card && ['open', 'quorum_reached', 'estimated'].includes(p.status);
  const cardParam = params.get('card');

  const handleSaveCard = () =>
    setup.mutate(p.id, {
      onSuccess: (url) => {
        window.location.assign(url);
      },
    });

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link to="/crowd" className="text-sm text-brand-700 underline-offset-2 hover:underline dark:text-indigo-300">
            Crowd projects
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{p.title}</h1>
            <CrowdStatusBadge status={p.status} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {!isStaff && isOpen && !me && <Button onClick={() => setDialog('join')}>Join</Button>}
          {cardWanted && (
            <Button variant={me?.agreed_to_charge ? 'primary' : 'secondary'} loading={setup.isPending} onClick={handleSaveCard}>
              <CreditCard className="size-4" aria-hidden /> Save card
            </Button>
          )}
          {isOpen && me && (
            <Button variant="secondary" onClick={() => setDialog('leave')}>
              Leave
            </Button>
          )}
          {isStaff && isOpen && (
            <Button variant="secondary" onClick={() => setDialog('edit')}>
              Edit
            </Button>
          )}
          {isManager && ['open', 'quorum_reached', 'estimated'].includes(p.status) && (
            <Button variant="danger" onClick={() => setDialog('cancel')}>
              Cancel project
            </Button>
          )}
        </div>
      </header>

      {cardParam === 'saved' && <Alert tone="success">Your card was saved. It is charged only when your invoice is issued, and only if you agreed.</Alert>}
      {cardParam === 'cancelled' && <Alert>No card was saved. You can save one any time, or pay your invoice by link.</Alert>}
      {setup.error && <Alert>{errorMessage(setup.error)}</Alert>}
      {leave.error && <Alert>{errorMessage(leave.error)}</Alert>}
      {cancel.error && <Alert>{errorMessage(cancel.error)}</Alert>}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="About">
            {p.description ? <Markdown source={p.description} /> : <p className="text-sm text-slate-600 dark:text-slate-400">No description.</p>}
          </Card>
          <EstimateCard project={p} isStaff={isStaff} canApprove={isManager} joinedCount={p.joined_count} />
          {participants.error ? (
            <Alert>{errorMessage(participants.error)}</Alert>
          ) : participants.isPending ? (
            <Skeleton className="h-32" />
          ) : participants.data ? (
            <ParticipantsCard participants={participants.data} currency={p.currency} split={p.split} invoiced={invoiced} isStaff={isStaff} />
          ) : (
            <Card title="Participants">
              <p className="text-sm text-slate-600 dark:text-slate-400">Join to see who else is in.</p>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card title="Progress">
            <QuorumProgress
              joined={p.joined_count}
              quorum={p.quorum}
              people={joinedPeople.map((x) => ({ id: x.participant_id, name: x.display_name, avatarUrl: x.avatar_url }))}
            />
            <dl className="mt-4 space-y-2 text-sm">
              <div className="flex items-center gap-2">
                <dt className="flex items-center gap-2 text-slate-600 dark:text-slate-400">
                  <Wallet className="size-4" aria-hidden /> Target budget
                </dt>
                <dd className="ml-auto font-medium tabular-nums">{formatMoney(p.target_budget, p.currency)}</dd>
              </div>
              <div className="flex items-center gap-2">
                <dt className="flex items-center gap-2 text-slate-600 dark:text-slate-400">
                  <CalendarClock className="size-4" aria-hidden /> Deadline
                </dt>
                <dd className="ml-auto text-right">
                  <span className="font-medium">{p.deadline}</span>
                  {isOpen && <span className="block text-xs text-slate-600 dark:text-slate-400">{deadlineText(p.deadline)}</span>}
                </dd>
              </div>
              <div className="flex items-center gap-2">
                <dt className="text-slate-600 dark:text-slate-400">Split</dt>
                <dd className="ml-auto">{p.split === 'pledge' ? 'In proportion to pledges' : 'Equal shares'}</dd>
              </div>
            </dl>
            {me && invoiced && me.share_amount !== null && (
              <p className="mt-4 rounded-lg bg-brand-50 p-3 text-sm text-brand-800 dark:bg-brand-700/30 dark:text-indigo-100">
                Your share: <strong>{formatMoney(me.share_amount, p.currency)}</strong>
                {me.invoice_id && (
                  <>
                    {' · '}
                    <Link to={`/invoices/${me.invoice_id}`} className="font-medium underline">
                      {me.invoice_status === 'paid' ? 'View your paid invoice' : 'Pay your invoice'}
                    </Link>
                  </>
                )}
              </p>
            )}
          </Card>
        </div>
      </div>

      {dialog === 'join' && <JoinDialog open onClose={() => setDialog(null)} project={p} />}
      {dialog === 'edit' && membership && (
        <CrowdProjectDialog
          open
          onClose={() => setDialog(null)}
          organizationId={p.organization_id}
          currency={p.currency}
          editing={{
            id: p.id,
            termsLocked: !isOpen,
            splitLocked: p.joined_count > 0,
            values: {
              title: p.title,
              description: p.description ?? '',
              quorum: String(p.quorum),
              target_budget: (p.target_budget / 100).toFixed(2),
              deadline: p.deadline,
              split: p.split,
            },
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'leave'}
        title="Leave this crowd project?"
        description="You owe nothing when you leave before the quorum is reached. You can join again while it is open."
        confirmLabel="Leave"
        pending={leave.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => leave.mutate(p.id, { onSuccess: () => toast('You left the crowd project.'), onSettled: () => setDialog(null) })}
      />
      <ConfirmDialog
        open={dialog === 'cancel'}
        title="Cancel this crowd project?"
        description="Everyone who joined is told, owes nothing, and nobody can join any more. This cannot be undone."
        confirmLabel="Cancel project"
        pending={cancel.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => cancel.mutate(p.id, { onSuccess: () => toast('The crowd project was cancelled.'), onSettled: () => setDialog(null) })}
      />
    </div>
  );
}
