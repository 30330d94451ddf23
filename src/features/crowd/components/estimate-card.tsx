import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useCrowdEstimate, type CrowdProject } from '../api/crowd-project';
import { useApproveCrowdEstimate } from '../api/mutations';
import { formatMoney } from '../api/money';

const ESTIMATE_LABELS: Record<string, string> = {
  requested: 'Waiting for the studio’s answer',
  answered: 'Answered',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/** The crowd's estimate: its status and price; staff answer it on the estimate page, managers approve it here. */
export function EstimateCard({ project, isStaff, canApprove, joinedCount }: { project: CrowdProject; isStaff: boolean; canApprove: boolean; joinedCount: number }) {
  const estimate = useCrowdEstimate(project.id, project.estimate_id);
  const approve = useApproveCrowdEstimate();
  const [confirming, setConfirming] = useState(false);
  if (!project.estimate_id) return null;
  const e = estimate.data;
  const canApproveNow = canApprove && e?.status === 'answered' && (project.status === 'estimated' || project.status === 'quorum_reached');

  return (
    <Card
      title="Estimate"
      actions={
        isStaff && (
          <Link to={`/estimates/${project.estimate_id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-indigo-300">
            {e?.status === 'requested' ? 'Answer the estimate' : 'Open the estimate'}
          </Link>
        )
      }
    >
      {estimate.isPending ? (
        <Skeleton className="h-12" />
      ) : estimate.error ? (
        <Alert>{errorMessage(estimate.error)}</Alert>
      ) : !e ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The estimate is not visible to you.</p>
      ) : (
        <div className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={e.status === 'approved' ? 'success' : e.status === 'answered' ? 'brand' : e.status === 'requested' ? 'warning' : 'neutral'}>
              {ESTIMATE_LABELS[e.status] ?? e.status}
            </Badge>
            {e.price_amount !== null && e.status !== 'requested' && (
              <span>
                Price <strong className="tabular-nums">{formatMoney(e.price_amount, e.currency)}</strong> incl. tax
                {joinedCount > 0 && project.split === 'equal' && <> · about {formatMoney(Math.round(e.price_amount / joinedCount), e.currency)} each</>}
              </span>
            )}
          </div>
          {e.timeline && <p className="text-slate-700 dark:text-slate-300">Timeline: {e.timeline}</p>}
          {e.valid_until && e.status === 'answered' && <p className="text-slate-600 dark:text-slate-400">Valid until {e.valid_until}.</p>}
          {approve.error && <Alert>{errorMessage(approve.error)}</Alert>}
          {canApproveNow && (
            <Button onClick={() => setConfirming(true)}>Approve &amp; invoice</Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Approve and invoice everyone?"
        description={`Each of the ${joinedCount} participants gets an invoice for their share${project.split === 'pledge' ? ' (in proportion to their pledge)' : ''}, by e-mail. Those who agreed and saved a card are charged now.`}
        confirmLabel="Approve & invoice"
        tone="primary"
        pending={approve.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          approve.mutate(project.estimate_id!, {
            onSuccess: (invoices) => {
              setConfirming(false);
              toast(`${invoices?.length ?? 0} invoices were sent.`);
            },
            onError: () => setConfirming(false),
          })
        }
      />
    </Card>
  );
}
