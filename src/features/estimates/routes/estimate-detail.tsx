import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { format, parseISO } from 'date-fns';
import { Check, Download, FileX, FolderPlus, Undo2, X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextareaField } from '@/components/ui/textarea-field';
import { EstimateStatusBadge } from '@/components/money/status-badges';
import { TotalsList } from '@/components/money/totals-list';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import type { LineValue } from '@/lib/line-items';
import { Markdown } from '@/lib/markdown';
import { hasRole, useMembership } from '@/lib/membership';
import { computeTotals, formatBasisPoints, formatMoney } from '@/lib/money';
import { useOrgBilling } from '@/lib/org-billing';
import { useTableChanges } from '@/lib/realtime';
import { toast } from '@/lib/toast';
import { estimateFileUrl, useEstimate, type EstimateDetail } from '../api/estimate';
import { decideEstimate, estimateToProject, withdrawEstimate } from '../api/estimate-actions';
import { estimateKeys, useEstimateMutation } from '../api/keys';
import { AnswerForm } from '../components/answer-form';

const day = (d: string | null) => (d ? format(parseISO(d), 'MMM d, yyyy') : '—');

/** /estimates/:id — the request and its files; staff answer it, the client approves or declines. */
export default function EstimateDetailRoute() {
  const { estimateId = '' } = useParams();
  const { current } = useMembership();
  const estimate = useEstimate(current.organizationId, estimateId);
  const queryClient = useQueryClient();
  useTableChanges({
    table: 'estimates',
    filter: `id=eq.${estimateId}`,
    onChange: () => void queryClient.invalidateQueries({ queryKey: estimateKeys.all(current.organizationId) }),
  });
  if (estimate.isPending) return <SkeletonRows rows={8} label="Loading the estimate" />;
  if (estimate.error) return <Alert>The estimate could not be loaded: {errorMessage(estimate.error)}</Alert>;
  if (!estimate.data)
    return (
      <EmptyState icon={FileX} title="Estimate not found" action={<Link className="text-sm text-brand-600 underline dark:text-indigo-300" to="/estimates">Back to estimates</Link>}>
        It may have been deleted, or it is not yours to see.
      </EmptyState>
    );
  return <EstimatePage estimate={estimate.data} staff={hasRole(current.role, 'member')} />;
}

function EstimatePage({ estimate, staff }: { estimate: EstimateDetail; staff: boolean }) {
  const userId = useUserId();
  const navigate = useNavigate();
  const org = useOrgBilling(estimate.organization_id);
  const [answering, setAnswering] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'decline' | 'withdraw' | null>(null);
  const [comment, setComment] = useState('');
  const decide = useEstimateMutation(estimate.organization_id, decideEstimate);
  const withdraw = useEstimateMutation(estimate.organization_id, withdrawEstimate);
  const toProject = useEstimateMutation(estimate.organization_id, estimateToProject);
  const c = estimate.currency;
  const open = estimate.status === 'requested' || estimate.status === 'answered';
  const lines = Array.isArray(estimate.line_items) ? (estimate.line_items as unknown as LineValue[]) : [];
  const totals = computeTotals(lines, 0);
  const close = () => {
    setDialog(null);
    decide.reset();
    withdraw.reset();
  };
  const handleDownload = async (name: string) => {
    try {
      window.location.assign(await estimateFileUrl(estimate.organization_id, estimate.id, name));
    } catch (err) {
      toast(`${name} could not be downloaded: ${errorMessage(err)}`, { tone: 'error' });
    }
  };

  const actions = (
    <div className="flex flex-wrap gap-2">
      {open && (staff || estimate.requested_by === userId) && (
        <Button variant="secondary" onClick={() => setDialog('withdraw')}>
          <Undo2 className="size-4" aria-hidden /> Withdraw
        </Button>
      )}
      {staff && estimate.status === 'approved' && !estimate.project_id && (
        <Button
          variant="secondary"
          loading={toProject.isPending}
          onClick={() => toProject.mutate(estimate.id, { onSuccess: (p) => (toast(`Project ${p.name} was created.`), navigate(`/projects/${p.id}`)) })}
        >
          <FolderPlus className="size-4" aria-hidden /> Create project from estimate
        </Button>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        title={estimate.service_type}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <EstimateStatusBadge status={estimate.status} />
            <span>
              {estimate.clients?.name ? `${estimate.clients.name} · ` : ''}requested {day(estimate.created_at.slice(0, 10))}
            </span>
          </span>
        }
        actions={actions}
      />
      <div className="space-y-6">
        {toProject.error && <Alert>{errorMessage(toProject.error)}</Alert>}
        {estimate.status === 'approved' && (
          <Alert tone="success">
            Approved {day(estimate.decided_at?.slice(0, 10) ?? null)}.{' '}
            {estimate.invoice_id && (
              <Link className="font-medium underline" to={`/invoices/${estimate.invoice_id}`}>
                View the invoice
              </Link>
            )}
            {estimate.project_id && (
              <>
                {' · '}
                <Link className="font-medium underline" to={`/projects/${estimate.project_id}`}>
                  Open the project{estimate.projects?.name ? ` ${estimate.projects.name}` : ''}
                </Link>
              </>
            )}
          </Alert>
        )}
        {estimate.status === 'declined' && <Alert>Declined{estimate.decision_comment ? `: “${estimate.decision_comment}”` : '.'}</Alert>}
        {estimate.status === 'expired' && <Alert>This estimate expired on {day(estimate.valid_until)}. Request a new one if you are still interested.</Alert>}
        {estimate.status === 'withdrawn' && <Alert>This request was withdrawn.</Alert>}

        <Card title="The request">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500 dark:text-slate-400">Budget</dt>
              <dd>
                {estimate.budget_min !== null ? formatMoney(estimate.budget_min, c) : '—'} – {estimate.budget_max !== null ? formatMoney(estimate.budget_max, c) : '—'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500 dark:text-slate-400">Wished deadline</dt>
              <dd>{day(estimate.wished_deadline)}</dd>
            </div>
            <div>
              <dt className="text-slate-500 dark:text-slate-400">Files</dt>
              <dd>
                {estimate.files.length === 0 ? (
                  'None'
                ) : (
                  <ul className="space-y-1">
                    {estimate.files.map((f) => (
                      <li key={f.name}>
                        <button type="button" className="inline-flex items-center gap-1 text-brand-700 underline dark:text-indigo-300" onClick={() => void handleDownload(f.name)}>
                          <Download className="size-3.5" aria-hidden /> {f.name}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          <p className="mt-4 whitespace-pre-line text-sm">{estimate.description}</p>
        </Card>

        {estimate.answered_at && !answering && (
          <Card
            title={`Our estimate: ${formatMoney(estimate.price_amount ?? 0, c)}`}
            description={`Valid until ${day(estimate.valid_until)}`}
            actions={staff && open ? <Button variant="secondary" onClick={() => setAnswering(true)}>Edit answer</Button> : undefined}
          >
            <div className="space-y-4">
              {estimate.scope && <Markdown source={estimate.scope} />}
              <div className="overflow-x-auto">
                <table className="w-full min-w-[32rem] text-sm">
                  <caption className="sr-only">Line items</caption>
                  <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-semibold">Description</th>
                      <th scope="col" className="py-2 pr-3 text-right font-semibold">Qty</th>
                      <th scope="col" className="py-2 pr-3 text-right font-semibold">Unit price</th>
                      <th scope="col" className="py-2 pr-3 text-right font-semibold">Tax</th>
                      <th scope="col" className="py-2 text-right font-semibold">Amount</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {lines.map((l, i) => (
                      <tr key={i}>
                        <td className="py-2 pr-3">{l.description}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{l.quantity}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(l.unit_amount, c)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatBasisPoints(l.tax_rate_bp ?? 0)}</td>
                        <td className="py-2 text-right tabular-nums">{formatMoney(totals.amounts[i] ?? 0, c)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <TotalsList currency={c} subtotal={totals.subtotal} discount={0} tax={totals.tax} total={estimate.price_amount ?? totals.total} />
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500 dark:text-slate-400">Timeline</dt>
                  <dd className="whitespace-pre-line">{estimate.timeline ?? '—'}</dd>
                </div>
                <div>
                  <dt className="text-slate-500 dark:text-slate-400">Starts</dt>
                  <dd>{day(estimate.starts_on)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500 dark:text-slate-400">Delivered by</dt>
                  <dd>{day(estimate.delivers_on)}</dd>
                </div>
              </dl>
              {estimate.status === 'answered' && (
                <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
                  <Button variant="secondary" onClick={() => setDialog('decline')}>
                    <X className="size-4" aria-hidden /> Decline
                  </Button>
                  <Button onClick={() => setDialog('approve')}>
                    <Check className="size-4" aria-hidden /> Approve {formatMoney(estimate.price_amount ?? 0, c)}
                  </Button>
                </div>
              )}
            </div>
          </Card>
        )}

        {staff && open && (answering || !estimate.answered_at) && (
          <Card title={estimate.answered_at ? 'Edit the answer' : 'Answer'} description="The client is notified and can approve or decline until the estimate expires.">
            {org.data ? <AnswerForm estimate={estimate} org={org.data} onDone={() => setAnswering(false)} /> : org.error ? <Alert>{errorMessage(org.error)}</Alert> : <SkeletonRows rows={3} />}
          </Card>
        )}
      </div>

      <ConfirmDialog
        open={dialog === 'approve'}
        title="Approve this estimate?"
        description={`An invoice of ${formatMoney(estimate.price_amount ?? 0, c)} is issued right away${staff ? ' on the client’s behalf' : ''}.`}
        confirmLabel="Approve"
        tone="primary"
        pending={decide.isPending}
        onCancel={close}
        onConfirm={() =>
          decide.mutate(
            { estimateId: estimate.id, approve: true, comment },
            { onSuccess: (e) => (toast('Approved — the invoice is ready.'), close(), e.invoice_id && navigate(`/invoices/${e.invoice_id}`)) },
          )
        }
      >
        {decide.error && <Alert>{errorMessage(decide.error)}</Alert>}
        <TextareaField label="Comment (optional)" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'decline'}
        title="Decline this estimate?"
        description="The studio is told; you can request a new estimate later."
        confirmLabel="Decline"
        pending={decide.isPending}
        onCancel={close}
        onConfirm={() => decide.mutate({ estimateId: estimate.id, approve: false, comment }, { onSuccess: () => (toast('The estimate was declined.'), close()) })}
      >
        {decide.error && <Alert>{errorMessage(decide.error)}</Alert>}
        <TextareaField label="Why? (optional)" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'withdraw'}
        title="Withdraw this request?"
        description="It stays on record as withdrawn and can no longer be answered or approved."
        confirmLabel="Withdraw"
        pending={withdraw.isPending}
        onCancel={close}
        onConfirm={() => withdraw.mutate(estimate.id, { onSuccess: () => (toast('The request was withdrawn.'), close()) })}
      >
        {withdraw.error && <Alert>{errorMessage(withdraw.error)}</Alert>}
      </ConfirmDialog>
    </>
  );
}
