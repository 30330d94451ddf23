// The invoice editor's form. Each rule repeats a constraint of the invoices table (dates, deposit fields,
// recurrence); amounts are read with the organization's currency on submit. Postgres stays the judge.
import * as z from 'zod/mini';
import type { LineDraft, LineValue } from '@/lib/line-items';
import { parseMoney, parsePercent } from '@/lib/money';
import type { RecurrenceInterval } from './statuses';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) => z.string().check(z.regex(DATE, { error: `${label} is required` }));
const optionalDate = z.string().check(z.refine((v) => v === '' || DATE.test(v), { error: 'Enter a date' }));

export const RECURRENCE_ENDS = ['never', 'on', 'after'] as const;

export const invoiceFormSchema = z
  .object({
    client_id: z.string().check(z.minLength(1, { error: 'Choose a client' })),
    project_id: z.string(),
    issue_on: date('Issue date'),
    due_on: date('Due date'),
    discount: z.string().check(z.refine((v) => v.trim() === '' || parsePercent(v) !== null, { error: 'A percentage from 0 to 100' })),
    deposit: z.string(),
    deposit_due_on: optionalDate,
    recurrence: z.string(),
    recurrence_next_on: optionalDate,
    recurrence_ends: z.enum(RECURRENCE_ENDS),
    recurrence_ends_on: optionalDate,
    recurrence_count: z.string(),
    notes: z.string().check(z.maxLength(5000, { error: 'At most 5,000 characters' })),
    terms: z.string().check(z.maxLength(5000, { error: 'At most 5,000 characters' })),
    items: z.array(z.custom<LineDraft>()),
  })
  .check(
    z.refine((v) => v.due_on >= v.issue_on, { error: 'The due date cannot be before the issue date', path: ['due_on'] }),
    z.refine((v) => v.deposit.trim() === '' || v.deposit_due_on !== '', { error: 'A deposit needs its due date', path: ['deposit_due_on'] }),
    z.refine((v) => v.recurrence === '' || v.recurrence_next_on !== '', { error: 'When is the next one issued?', path: ['recurrence_next_on'] }),
    z.refine((v) => v.recurrence === '' || v.recurrence_ends !== 'on' || v.recurrence_ends_on !== '', { error: 'Choose the end date', path: ['recurrence_ends_on'] }),
    z.refine((v) => v.recurrence === '' || v.recurrence_ends !== 'after' || /^\d{1,3}$/.test(v.recurrence_count.trim()) && Number(v.recurrence_count) >= 1, {
      error: 'How many more invoices (1 or more)?',
      path: ['recurrence_count'],
    }),
  );
export type InvoiceFormValues = z.infer<typeof invoiceFormSchema>;

export interface InvoiceColumns {
  client_id: string;
  project_id: string | null;
  issue_on: string;
  due_on: string;
  discount_bp: number;
  deposit_amount: number | null;
  deposit_due_on: string | null;
  recurrence: RecurrenceInterval | null;
  recurrence_next_on: string | null;
  recurrence_ends_on: string | null;
  recurrence_remaining: number | null;
  notes: string | null;
  terms: string | null;
}

/** Form values → table columns; the deposit is read in the currency, or an error names the field. */
export function invoiceColumns(v: InvoiceFormValues, currency: string): { columns: InvoiceColumns } | { field: 'deposit'; error: string } {
  let deposit: number | null = null;
  if (v.deposit.trim()) {
    const parsed = parseMoney(v.deposit, currency);
    if (!parsed.ok) return { field: 'deposit', error: parsed.error };
    if (parsed.minor <= 0) return { field: 'deposit', error: 'A deposit is more than zero' };
    deposit = parsed.minor;
  }
  const recurring = v.recurrence !== '';
  return {
    columns: {
      client_id: v.client_id,
      project_id: v.project_id || null,
      issue_on: v.issue_on,
      due_on: v.due_on,
      discount_bp: v.discount.trim() ? (parsePercent(v.discount) ?? 0) : 0,
      deposit_amount: deposit,
      deposit_due_on: deposit === null ? null : v.deposit_due_on,
      recurrence: recurring ? (v.recurrence as RecurrenceInterval) : null,
      recurrence_next_on: recurring ? v.recurrence_next_on : null,
      recurrence_ends_on: recurring && v.recurrence_ends === 'on' ? v.recurrence_ends_on : null,
      recurrence_remaining: recurring && v.recurrence_ends === 'after' ? Number(v.recurrence_count) : null,
      notes: v.notes.trim() || null,
      terms: v.terms.trim() || null,
    },
  };
}

export type { LineValue };
