import { Badge } from '@/components/ui/badge';
import { CROWD_STATUS_LABELS, type CrowdStatus } from '../api/schemas';

const TONES: Record<CrowdStatus, 'neutral' | 'brand' | 'success' | 'warning' | 'danger'> = {
  open: 'brand',
  quorum_reached: 'warning',
  estimated: 'warning',
  invoiced: 'brand',
  completed: 'success',
  cancelled: 'danger',
};

export function CrowdStatusBadge({ status }: { status: CrowdStatus }) {
  return <Badge tone={TONES[status]}>{CROWD_STATUS_LABELS[status]}</Badge>;
}
