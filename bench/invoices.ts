// Bench invoices: at the large scale 1,000,000 invoices with one or two items each and payments for the
// paid and partly paid ones, written by COPY with triggers off, so every figure is computed here with
// the same rule the SQL triggers use (20261124010000_money_logic.sql): item amount = round(quantity x
// unit price), discount = round(subtotal x bp / 10000), tax per item on the discounted amount, all
// rounded half away from zero. Each invoice is derived from (seed, n) alone, so the three COPY streams
// (invoices, items, payments) recompute it instead of holding a million rows in memory. Numbers are
// consecutive per organization and organizations.invoice_sequence ends at the highest.
import type pg from 'pg';
import { benchId, random } from './generate.ts';

export interface InvoiceItem {
  description: string;
  /** Thousandths of a unit (numeric(12,3) as an integer). */
  quantityMilli: number;
  unitAmount: number;
  taxRateBp: number;
}

/** round(num / den), half away from zero, for num >= 0. */
export function roundDiv(num: bigint, den: bigint): bigint {
  return (num * 2n + den) / (den * 2n);
}

export function invoiceTotals(items: InvoiceItem[], discountBp: number): { amounts: number[]; subtotal: number; discount: number; tax: number; total: number } {
  const amounts = items.map((i) => roundDiv(BigInt(i.quantityMilli) * BigInt(i.unitAmount), 1000n));
  const subtotal = amounts.reduce((a, b) => a + b, 0n);
  const discount = roundDiv(subtotal * BigInt(discountBp), 10000n);
  const tax = amounts.reduce((sum, amount, k) => sum + roundDiv(amount * BigInt(10000 - discountBp) * BigInt(items[k]!.taxRateBp), 100_000_000n), 0n);
  return { amounts: amounts.map(Number), subtotal: Number(subtotal), discount: Number(discount), tax: Number(tax), total: Number(subtotal - discount + tax) };
}

export interface InvoiceContext {
  seed: number;
  now: number;
  clients: Array<{ id: string; org: { id: string; n: number } }>;
  /** Project ids per client index. */
  projectsByClient: Map<number, string[]>;
}

const SERVICES = ['Design', 'Development', 'Strategy workshop', 'Copywriting', 'Photography', 'Hosting', 'Maintenance', 'Consulting'];
const QUANTITIES = [1000, 1000, 1000, 2000, 500, 1250, 3000, 10000, 7500];
// draft 5 %, sent 15 %, partially paid 5 %, paid 65 %, overdue 7 %, void 3 %
const STATUS_CUTS: Array<[number, string]> = [[0.05, 'draft'], [0.2, 'sent'], [0.25, 'partially_paid'], [0.9, 'paid'], [0.97, 'overdue'], [1, 'void']];

export interface BenchInvoice {
  n: number;
  id: string;
  clientIndex: number;
  orgId: string;
  orgN: number;
  currency: string;
  status: string;
  issueDaysAgo: number;
  discountBp: number;
  items: InvoiceItem[];
  totals: ReturnType<typeof invoiceTotals>;
  paid: number;
  /** Amounts of the payments (one, or two for some paid invoices). */
  payments: number[];
}

export function benchInvoice(n: number, ctx: InvoiceContext): BenchInvoice {
  const rand = random(ctx.seed * 7_919 + n * 104_729 + 17);
  rand();
  const clientIndex = Math.floor(rand() * ctx.clients.length);
  const client = ctx.clients[clientIndex]!;
  const currency = client.org.n % 3 === 0 ? 'EUR' : 'USD';
  const r = rand();
  const status = STATUS_CUTS.find(([cut]) => r < cut)![1];
  const items: InvoiceItem[] = Array.from({ length: rand() < 0.6 ? 1 : 2 }, () => ({
    description: SERVICES[Math.floor(rand() * SERVICES.length)]!,
    quantityMilli: QUANTITIES[Math.floor(rand() * QUANTITIES.length)]!,
    unitAmount: 100 * (50 + Math.floor(rand() * 4950)),
    taxRateBp: currency === 'EUR' ? 2000 : rand() < 0.3 ? 825 : 0,
  }));
  const discountBp = rand() < 0.1 ? (rand() < 0.5 ? 500 : 1000) : 0;
  const totals = invoiceTotals(items, discountBp);
  const issueDaysAgo = status === 'draft' ? Math.floor(rand() * 10) : Math.floor(rand() * 720);
  let payments: number[] = [];
  if (status === 'paid') {
    const split = rand() < 0.2 ? Math.floor(totals.total * 0.3) : 0;
    payments = split > 0 ? [split, totals.total - split] : [totals.total];
  } else if (status === 'partially_paid') {
    payments = [Math.max(1, Math.floor(totals.total * 0.4))];
  }
  return {
    n, id: benchId('invoice', n, ctx.seed), clientIndex, orgId: client.org.id, orgN: client.org.n, currency, status,
    issueDaysAgo, discountBp, items, totals, paid: payments.reduce((a, b) => a + b, 0), payments,
  };
}

type CopyRows = (client: pg.Client, table: string, columns: string[], rows: Iterable<unknown[]>) => Promise<number>;

function* range<T>(count: number, make: (n: number) => T): Generator<T> {
  for (let n = 0; n < count; n++) yield make(n);
}

/** Writes `count` invoices with their items and payments; returns the row counts per table. */
export async function generateInvoices(client: pg.Client, count: number, ctx: InvoiceContext, copyRows: CopyRows): Promise<Record<string, number>> {
  const day = (daysAgo: number) => new Date(ctx.now - daysAgo * 86_400_000).toISOString();
  const date = (daysAgo: number) => day(daysAgo).slice(0, 10);
  const sequence = new Map<string, number>();
  const rows: Record<string, number> = {};

  rows.invoices = await copyRows(client, 'public.invoices', [
    'id', 'organization_id', 'client_id', 'project_id', 'sequence_number', 'number', 'status', 'currency', 'issue_on', 'due_on',
    'discount_bp', 'subtotal_amount', 'discount_amount', 'tax_amount', 'total_amount', 'amount_paid', 'sent_at', 'paid_at', 'voided_at',
    'void_reason', 'reminder_count', 'last_reminder_at', 'created_at', 'updated_at',
  ], range(count, (n) => {
    const inv = benchInvoice(n, ctx);
    const seq = (sequence.get(inv.orgId) ?? 0) + 1;
    sequence.set(inv.orgId, seq);
    const projects = ctx.projectsByClient.get(inv.clientIndex);
    const project = projects && n % 3 !== 0 ? projects[n % projects.length]! : null;
    const sent = inv.status === 'draft' ? null : day(inv.issueDaysAgo);
    return [
      inv.id, inv.orgId, ctx.clients[inv.clientIndex]!.id, project, seq, `INV-${String(seq).padStart(4, '0')}`, inv.status, inv.currency,
      date(inv.issueDaysAgo), date(inv.issueDaysAgo - 14), inv.discountBp, inv.totals.subtotal, inv.totals.discount, inv.totals.tax,
      inv.totals.total, inv.paid, sent, inv.status === 'paid' ? day(Math.max(inv.issueDaysAgo - 10, 0)) : null,
      inv.status === 'void' ? day(Math.max(inv.issueDaysAgo - 2, 0)) : null, inv.status === 'void' ? 'Issued by mistake' : null,
      inv.status === 'overdue' ? 1 : 0, inv.status === 'overdue' ? day(Math.max(inv.issueDaysAgo - 20, 0)) : null,
      day(inv.issueDaysAgo), day(Math.max(inv.issueDaysAgo - 10, 0)),
    ];
  }));

  rows.invoice_items = await copyRows(client, 'public.invoice_items', [
    'id', 'organization_id', 'invoice_id', 'position', 'kind', 'description', 'quantity', 'unit_amount', 'tax_rate_bp', 'amount', 'created_at', 'updated_at',
  ], (function* () {
    for (let n = 0; n < count; n++) {
      const inv = benchInvoice(n, ctx);
      for (let k = 0; k < inv.items.length; k++) {
        const item = inv.items[k]!;
        yield [benchId('invoice_item', n * 2 + k, ctx.seed), inv.orgId, inv.id, k, 'service', item.description, (item.quantityMilli / 1000).toFixed(3),
          item.unitAmount, item.taxRateBp, inv.totals.amounts[k], day(inv.issueDaysAgo), day(inv.issueDaysAgo)];
      }
    }
  })());

  rows.payments = await copyRows(client, 'public.payments', [
    'id', 'organization_id', 'invoice_id', 'amount', 'currency', 'method', 'status', 'provider', 'paid_at', 'created_at', 'updated_at',
  ], (function* () {
    for (let n = 0; n < count; n++) {
      const inv = benchInvoice(n, ctx);
      for (let k = 0; k < inv.payments.length; k++) {
        const at = day(Math.max(inv.issueDaysAgo - 5 - 5 * k, 0));
        yield [benchId('payment', n * 2 + k, ctx.seed), inv.orgId, inv.id, inv.payments[k], inv.currency, n % 2 ? 'card' : 'bank_transfer',
          'succeeded', n % 2 ? 'stripe' : 'manual', at, at, at];
      }
    }
  })());

  // Numbering stays consistent: each organization's sequence is its highest number.
  const ids = [...sequence.keys()];
  await client.query(
    `update public.organizations o set invoice_sequence = s.seq from unnest($1::uuid[], $2::int[]) as s(id, seq) where o.id = s.id`,
    [ids, ids.map((id) => sequence.get(id)!)],
  );
  return rows;
}
