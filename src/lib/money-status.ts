import type { Database } from './database.types';

export type InvoiceStatus = Database['public']['Enums']['invoice_status'];
export type EstimateStatus = Database['public']['Enums']['estimate_status'];

export const INVOICE_STATUS_LABEL: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
};
export const INVOICE_TONE = { draft: 'neutral', sent: 'brand', partially_paid: 'warning', paid: 'success', overdue: 'danger', void: 'neutral' } as const;

export const ESTIMATE_STATUS_LABEL: Record<EstimateStatus, string> = {
  requested: 'Requested',
  answered: 'Answered',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};
export const ESTIMATE_TONE = { requested: 'warning', answered: 'brand', approved: 'success', declined: 'danger', expired: 'neutral', withdrawn: 'neutral' } as const;

