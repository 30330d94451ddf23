// The invoice list's state lives in the URL (?status=&client=&q=&page=).
import { INVOICE_STATUSES, type InvoiceStatus } from './statuses';

export const INVOICES_PAGE_SIZE = 25;

export interface InvoiceListParams {
  status: InvoiceStatus | '';
  client: string;
  q: string;
  page: number;
}

export const DEFAULT_INVOICE_PARAMS: InvoiceListParams = { status: '', client: '', q: '', page: 1 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readInvoiceParams(search: URLSearchParams): InvoiceListParams {
  const status = search.get('status') ?? '';
  const client = search.get('client') ?? '';
  const page = Number(search.get('page'));
  return {
    status: (INVOICE_STATUSES as readonly string[]).includes(status) ? (status as InvoiceStatus) : '',
    client: UUID.test(client) ? client : '',
    q: (search.get('q') ?? '').slice(0, 40),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeInvoiceParams(p: InvoiceListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.status) out.set('status', p.status);
  if (p.client) out.set('client', p.client);
  if (p.q.trim()) out.set('q', p.q.trim());
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function withInvoiceChange(p: InvoiceListParams, change: Partial<InvoiceListParams>): InvoiceListParams {
  return { ...p, ...change, page: change.page ?? 1 };
}

/** A LIKE pattern for an invoice number typed in part ("12" finds INV-0012); wildcards are escaped. */
export function numberPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
