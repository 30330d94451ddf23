import { useState } from 'react';
import { formatDistanceToNow } from 'date-fns';
import { Check, Inbox, X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { personName } from '../api/project-tasks';
import { useAcceptRequest, usePendingRequests } from '../api/requests';
import { DeclineDialog } from './decline-dialog';

/** Work the client asked for on this project, waiting for staff to accept or decline it. */
export function RequestsPanel({ projectId, onOpen }: { projectId: string; onOpen: (taskId: string) => void }) {
  const requests = usePendingRequests(projectId);
  const accept = useAcceptRequest();
  const [declining, setDeclining] = useState<{ id: string; title: string } | null>(null);
  if (requests.isPending) return <SkeletonRows rows={1} label="Loading requests" />;
  if (requests.error) return <Alert>Requests could not be loaded: {errorMessage(requests.error)}</Alert>;
  if (!requests.data.length) return null;
  return (
    <Card
      title={`Requests (${requests.data.length})`}
      description="Work the client asked for. Accepted requests join the board in To do; the client sees your answer."
    >
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {requests.data.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start gap-3 py-3 first:pt-0 last:pb-0">
            <Inbox className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden />
            <div className="min-w-0 flex-1">
              <button type="button" onClick={() => onOpen(r.id)} className="text-left text-sm font-medium hover:underline">
                {r.title}
              </button>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {personName(r.requester)} · {formatDistanceToNow(new Date(r.created_at), { addSuffix: true })}
              </p>
              {r.description && <p className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{r.description}</p>}
            </div>
            <div className="flex gap-2">
              <Button
                variant="secondary"
                loading={accept.isPending && accept.variables === r.id}
                aria-label={`Accept ${r.title}`}
                onClick={() => accept.mutate(r.id, { onSuccess: () => toast(`Request accepted: ${r.title}. It is on the board in To do.`), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })}
              >
                <Check className="size-4" aria-hidden /> Accept
              </Button>
              <Button variant="ghost" aria-label={`Decline ${r.title}`} onClick={() => setDeclining({ id: r.id, title: r.title })}>
                <X className="size-4" aria-hidden /> Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <DeclineDialog request={declining} onClose={() => setDeclining(null)} />
    </Card>
  );
}
