import type { Database } from '@/lib/database.types';

export type InvoiceStatus = Database['public']['Enums']['invoice_status'];
export const INVOICE_STATUSES = ['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void'] as const satisfies readonly InvoiceStatus[];
export type PaymentMethod = Database['public']['Enums']['payment_method'];
export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = { bank_transfer: 'Bank transfer', card: 'Card', cash: 'Cash', other: 'Other' };
export type RecurrenceInterval = Database['public']['Enums']['recurrence_interval'];
export const RECURRENCE_LABEL: Record<RecurrenceInterval, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};
