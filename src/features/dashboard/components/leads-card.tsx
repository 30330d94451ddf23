import { Link } from 'react-router';
import { formatDistanceToNow } from 'date-fns';
import { Magnet } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useLeadsToFollowUp } from '../api/widgets';

/** Leads to call back: those going cold first, then the longest without activity. */
export function LeadsCard({ organizationId }: { organizationId: string }) {
  const leads = useLeadsToFollowUp(organizationId);
  return (
    <Card title="Leads to follow up" description={leads.data && leads.data.total > 0 ? `${leads.data.total} open, ${leads.data.stale} going cold.` : 'Leads going cold first.'}>
      {leads.isPending ? (
        <SkeletonRows rows={3} label="Loading leads" />
      ) : leads.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Leads could not be loaded: {errorMessage(leads.error)}</p>
      ) : leads.data.total === 0 ? (
        <EmptyState icon={Magnet} title="No open leads">New enquiries from your intake form and leads you add show up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {leads.data.leads.map((lead) => (
            <li key={lead.id} className="flex items-center gap-3 py-2 text-sm">
              <div className="min-w-0 flex-1">
                <Link to={`/clients/${lead.id}`} className="block truncate font-medium hover:underline">
                  {lead.name}
                </Link>
                <p className="truncate text-xs text-slate-600 dark:text-slate-400">
                  Last activity {formatDistanceToNow(new Date(lead.last_activity_at), { addSuffix: true })}
                  {lead.owner?.display_name && ` · ${lead.owner.display_name}`}
                </p>
              </div>
              {lead.stale_since && <Badge tone="warning">Going cold</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
