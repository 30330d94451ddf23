import { Badge } from '@/components/ui/badge';
import type { ReportStatus } from '../api/keys';

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  return status === 'published' ? <Badge tone="success">Published</Badge> : <Badge tone="neutral">Draft</Badge>;
}
