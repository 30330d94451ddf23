// The client list's state lives in the URL (?q=&status=&owner=&stale=1&sort=&page=), so links and the
// back button work. These functions are the one place that reads and writes it.
import { CLIENT_STATUSES, type ClientStatus } from './statuses';

export const CLIENTS_PAGE_SIZE = 25;

/** What a row of the list shows; the owner is embedded through the owner_id foreign key by name,
 * since organization_members also links clients and profiles. */
export const CLIENT_LIST_COLUMNS =
  'id, name, status, email, contacts, last_activity_at, stale_since, owner_id, owner:profiles!clients_owner_id_fkey(display_name, username, avatar_url)';

/** '' shows every client but the archived ones; 'all' shows archived ones too. */
export type StatusFilter = ClientStatus | '' | 'all';
export type ClientSort = 'activity' | 'name';
/** '' any owner, 'none' nobody, otherwise a user id. */
export type OwnerFilter = string;

export interface ClientListParams {
  q: string;
  status: StatusFilter;
  owner: OwnerFilter;
  stale: boolean;
  sort: ClientSort;
  page: number;
}

export const DEFAULT_LIST_PARAMS: ClientListParams = { q: '', status: '', owner: '', stale: false, sort: 'activity', page: 1 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readListParams(search: URLSearchParams): ClientListParams {
  const status = search.get('status') ?? '';
  const owner = search.get('owner') ?? '';
  const page = Number(search.get('page'));
  return {
    q: (search.get('q') ?? '').slice(0, 100),
    status: status === 'all' || (CLIENT_STATUSES as readonly string[]).includes(status) ? (status as StatusFilter) : '',
    owner: owner === 'none' || UUID.test(owner) ? owner : '',
    stale: search.get('stale') === '1',
    sort: search.get('sort') === 'name' ? 'name' : 'activity',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The search string for `params`, leaving defaults out so URLs stay short. */
export function writeListParams(params: ClientListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q.trim()) out.set('q', params.q.trim());
  if (params.status) out.set('status', params.status);
  if (params.owner) out.set('owner', params.owner);
  if (params.stale) out.set('stale', '1');
  if (params.sort !== 'activity') out.set('sort', params.sort);
  if (params.page > 1) out.set('page', String(params.page));
  return out;
}

/** Changes some filters; any change other than the page starts again from page 1. */
export function withListChange(params: ClientListParams, change: Partial<ClientListParams>): ClientListParams {
  return { ...params, ...change, page: change.page ?? 1 };
}

export function hasFilters(params: ClientListParams): boolean {
  return Boolean(params.q.trim() || params.status || params.owner || params.stale);
}

/**
 * A PostgREST `or=(...)` value matching `text` anywhere in the given columns, case-insensitively.
 * The typed text is literal: LIKE wildcards (% and _) and the escape character are escaped, `*`
 * (PostgREST's wildcard alias) becomes a space, and the pattern is double-quoted so commas and
 * parentheses cannot change the filter.
 */
export function containsFilter(columns: readonly string[], text: string): string {
  const literal = text.trim().replace(/\*/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`);
  return columns.map((c) => `${c}.ilike.${quoteTreeValue(`*${literal}*`)}`).join(',');
}

/** A value inside a PostgREST logic tree, double-quoted with `"` and `\` escaped. */
function quoteTreeValue(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
