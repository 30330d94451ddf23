import { Archive, Snowflake } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { STATUS_LABEL, type ClientStatus } from '../api/schemas';

const TONE = { lead: 'brand', active: 'success', inactive: 'neutral', archived: 'warning' } as const;

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <Badge tone={TONE[status]}>
      {status === 'archived' && <Archive className="mr-1 size-3" aria-hidden />}
      {STATUS_LABEL[status]}
    </Badge>
  );
}

/** The marker the daily job sets on leads nobody has touched for the organization's stale_lead_days. */
export function StaleBadge({ since }: { since: string }) {
  return (
    <span title={`Flagged ${new Date(since).toLocaleDateString()}: no activity for a while`}>
      <Badge tone="danger">
        <Snowflake className="mr-1 size-3" aria-hidden />
        Stale
      </Badge>
    </span>
  );
}
