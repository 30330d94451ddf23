import { Badge } from '@/components/ui/badge';
import { statusLabel, type ProjectStatus } from '../api/schemas';

const TONES: Record<ProjectStatus, 'neutral' | 'brand' | 'success' | 'warning'> = {
  planning: 'neutral',
  active: 'brand',
  on_hold: 'warning',
  completed: 'success',
  archived: 'neutral',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={TONES[status]}>{statusLabel(status)}</Badge>;
}
