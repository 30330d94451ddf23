import { Badge } from '@/components/ui/badge';
import { ESTIMATE_STATUS_LABEL, ESTIMATE_TONE, INVOICE_STATUS_LABEL, INVOICE_TONE, type EstimateStatus, type InvoiceStatus } from '@/lib/money-status';

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={INVOICE_TONE[status]}>{INVOICE_STATUS_LABEL[status]}</Badge>;
}

export function EstimateStatusBadge({ status }: { status: EstimateStatus }) {
  return <Badge tone={ESTIMATE_TONE[status]}>{ESTIMATE_STATUS_LABEL[status]}</Badge>;
}
