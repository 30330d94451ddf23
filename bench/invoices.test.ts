import { describe, expect, it } from 'vitest';
import { benchInvoice, invoiceTotals, roundDiv, type InvoiceContext } from './invoices.ts';

const ctx: InvoiceContext = {
  seed: 1,
  now: Date.UTC(2026, 10, 23),
  clients: Array.from({ length: 50 }, (_, i) => ({ id: `client-${i}`, org: { id: `org-${i % 7}`, n: i % 7 } })),
  projectsByClient: new Map(),
};

describe('bench invoices', () => {
  it('rounds half away from zero', () => {
    expect([roundDiv(5n, 10n), roundDiv(4n, 10n), roundDiv(15n, 10n), roundDiv(0n, 3n)]).toEqual([1n, 0n, 2n, 0n]);
  });

  it('computes totals with the SQL trigger\'s rule (same awkward numbers as tests/money/invoices.test.ts)', () => {
    const totals = invoiceTotals([
      { description: 'A', quantityMilli: 2500, unitAmount: 333, taxRateBp: 2000 },
      { description: 'B', quantityMilli: 333, unitAmount: 1001, taxRateBp: 700 },
      { description: 'C', quantityMilli: 1000, unitAmount: 5, taxRateBp: 1950 },
    ], 1250);
    expect(totals).toEqual({ amounts: [833, 333, 5], subtotal: 1171, discount: 146, tax: 167, total: 1192 });
  });

  it('derives each invoice from (seed, n) alone, with payments matching its status', () => {
    expect(benchInvoice(12, ctx)).toEqual(benchInvoice(12, ctx));
    expect(benchInvoice(12, ctx).id).not.toBe(benchInvoice(13, ctx).id);
    const all = Array.from({ length: 2000 }, (_, n) => benchInvoice(n, ctx));
    for (const inv of all) {
      expect(inv.items.length).toBeGreaterThanOrEqual(1);
      expect(inv.items.length).toBeLessThanOrEqual(2);
      if (inv.status === 'paid') expect(inv.paid).toBe(inv.totals.total);
      else if (inv.status === 'partially_paid') expect(inv.paid).toBeGreaterThan(0);
      else expect(inv.payments).toEqual([]);
      expect(inv.paid).toBeLessThanOrEqual(inv.totals.total);
    }
    const paidShare = all.filter((i) => i.status === 'paid').length / all.length;
    expect(paidShare).toBeGreaterThan(0.55);
    expect(paidShare).toBeLessThan(0.75);
  });
});
