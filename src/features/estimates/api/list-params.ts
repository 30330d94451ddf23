// The estimate list's state lives in the URL (?status=&client=&page=).
import type { Database } from '@/lib/database.types';

export type EstimateStatus = Database['public']['Enums']['estimate_status'];
export const ESTIMATE_STATUSES = ['requested', 'answered', 'approved', 'declined', 'expired', 'withdrawn'] as const satisfies readonly EstimateStatus[];
export const ESTIMATES_PAGE_SIZE = 25;

export interface EstimateListParams {
  status: EstimateStatus | '';
  client: string;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readEstimateParams(search: URLSearchParams): EstimateListParams {
  const status = search.get('status') ?? '';
  const client = search.get('client') ?? '';
  const page = Number(search.get('page'));
  return {
    status: (ESTIMATE_STATUSES as readonly string[]).includes(status) ? (status as EstimateStatus) : '',
    client: UUID.test(client) ? client : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeEstimateParams(p: EstimateListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.status) out.set('status', p.status);
  if (p.client) out.set('client', p.client);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}
