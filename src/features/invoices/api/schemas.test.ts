import { describe, expect, it } from 'vitest';
import { invoiceColumns, invoiceFormSchema, type InvoiceFormValues } from './schemas';
import { readInvoiceParams, writeInvoiceParams, numberPattern } from './list-params';

const base: InvoiceFormValues = {
  client_id: 'c1',
  project_id: '',
  issue_on: '2026-11-01',
  due_on: '2026-11-15',
  discount: '',
  deposit: '',
  deposit_due_on: '',
  recurrence: '',
  recurrence_next_on: '',
  recurrence_ends: 'never',
  recurrence_ends_on: '',
  recurrence_count: '',
  notes: '',
  terms: '',
  items: [],
};
const issues = (v: InvoiceFormValues) => (invoiceFormSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('invoice form', () => {
  it('accepts a plain invoice', () => {
    expect(issues(base)).toEqual([]);
  });
  it('repeats the table rules', () => {
    expect(issues({ ...base, client_id: '' })).toContain('client_id: Choose a client');
    expect(issues({ ...base, due_on: '2026-10-01' })).toContain('due_on: The due date cannot be before the issue date');
    expect(issues({ ...base, deposit: '100' })).toContain('deposit_due_on: A deposit needs its due date');
    expect(issues({ ...base, recurrence: 'monthly' })).toContain('recurrence_next_on: When is the next one issued?');
    expect(issues({ ...base, recurrence: 'monthly', recurrence_next_on: '2026-12-01', recurrence_ends: 'after', recurrence_count: '0' })).toContain(
      'recurrence_count: How many more invoices (1 or more)?',
    );
    expect(issues({ ...base, discount: '120' })).toContain('discount: A percentage from 0 to 100');
  });
  it('maps to columns in minor units and basis points', () => {
    const r = invoiceColumns(
      { ...base, discount: '12.5', deposit: '250.50', deposit_due_on: '2026-11-05', recurrence: 'monthly', recurrence_next_on: '2026-12-01', recurrence_ends: 'after', recurrence_count: '3', notes: ' hi ' },
      'USD',
    );
    expect(r).toEqual({
      columns: expect.objectContaining({ discount_bp: 1250, deposit_amount: 25050, deposit_due_on: '2026-11-05', recurrence: 'monthly', recurrence_remaining: 3, recurrence_ends_on: null, notes: 'hi', project_id: null }),
    });
    expect(invoiceColumns({ ...base, deposit: 'x', deposit_due_on: '2026-11-05' }, 'USD')).toMatchObject({ field: 'deposit' });
  });
});

describe('invoice list params', () => {
  it('round-trips and ignores junk', () => {
    const p = readInvoiceParams(new URLSearchParams('status=overdue&client=nope&q=12&page=3'));
    expect(p).toEqual({ status: 'overdue', client: '', q: '12', page: 3 });
    expect(writeInvoiceParams(p).toString()).toBe('status=overdue&q=12&page=3');
    expect(readInvoiceParams(new URLSearchParams('status=bogus')).status).toBe('');
    expect(numberPattern('1_%')).toBe('%1\\_\\%%');
  });
});
