import { Link } from 'react-router';
import { CreditCard } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { CrowdParticipant } from '../api/crowd-project';
import { formatMoney } from '../api/money';
import type { CrowdSplit } from '../api/schemas';

interface Props {
  participants: CrowdParticipant[];
  currency: string;
  split: CrowdSplit;
  invoiced: boolean;
  isStaff: boolean;
}

function paidBadge(p: CrowdParticipant) {
  if (!p.invoice_id) return p.share_amount === 0 ? <Badge>Owes nothing</Badge> : null;
  if (p.invoice_status === 'paid') return <Badge tone="success">Paid</Badge>;
  if (p.invoice_status === 'partially_paid') return <Badge tone="warning">Partly paid</Badge>;
  if (p.invoice_status === 'overdue') return <Badge tone="danger">Overdue</Badge>;
  if (p.invoice_status === 'void') return <Badge>Void</Badge>;
  return <Badge tone="warning">Unpaid</Badge>;
}

/** Who joined, with their pledge; after invoicing, each share and whether it is paid. */
export function ParticipantsCard({ participants, currency, split, invoiced, isStaff }: Props) {
  const joined = participants.filter((p) => p.status === 'joined');
  const left = participants.filter((p) => p.status === 'left');
  const paid = joined.filter((p) => p.invoice_status === 'paid').length;
  const withInvoice = joined.filter((p) => p.invoice_id).length;
  return (
    <Card
      title="Participants"
      description={invoiced ? `${paid} of ${withInvoice} paid.` : `${joined.length} joined${left.length && isStaff ? `, ${left.length} left` : ''}.`}
    >
      {joined.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nobody has joined yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {joined.map((p) => (
            <li key={p.participant_id} className="flex flex-wrap items-center gap-3 py-2.5">
              <Avatar name={p.display_name} url={p.avatar_url} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">
                  {p.display_name}
                  {p.is_me && <span className="ml-1 text-slate-500 dark:text-slate-400">(you)</span>}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {split === 'pledge' && p.pledge_amount !== null ? `Pledged ${formatMoney(p.pledge_amount, currency)}` : 'Equal share'}
                  {p.agreed_to_charge && (isStaff || p.is_me) ? ' · agreed to card charge' : ''}
                </p>
              </div>
              {p.has_saved_card && (
                <span className="inline-flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
                  <CreditCard className="size-3.5" aria-hidden /> Card saved
                </span>
              )}
              {invoiced && p.share_amount !== null && (
                <span className="text-sm tabular-nums">{formatMoney(p.share_amount, currency)}</span>
              )}
              {invoiced && paidBadge(p)}
              {invoiced && p.invoice_id && (isStaff || p.is_me) && (
                <Link to={`/invoices/${p.invoice_id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-indigo-300">
                  {p.is_me ? 'Your invoice' : `Invoice ${p.invoice_number ?? ''}`}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {isStaff && left.length > 0 && (
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Left before the quorum (owe nothing): {left.map((p) => p.display_name).join(', ')}.</p>
      )}
    </Card>
  );
}
