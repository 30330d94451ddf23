import { useState } from 'react';
import { Search } from 'lucide-react';
import { CLIENT_STATUSES, STATUS_LABEL } from '../api/schemas';
import type { ClientListParams, ClientSort, StatusFilter } from '../api/list-params';
import type { StaffMember } from '@/lib/staff';
import { useDebouncedCallback } from '../hooks/use-debounced-callback';

interface Props {
  params: ClientListParams;
  staff: StaffMember[];
  onChange: (change: Partial<ClientListParams>) => void;
}

const control =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900';

/** Search, filters and sort of the client list; every change lands in the URL through `onChange`. */
export function ClientFilters({ params, staff, onChange }: Props) {
  // What is typed shows at once; the URL (and the query) follow once typing pauses. When the URL
  // changes by other means (back button, a link), the box follows it.
  const [text, setText] = useState(params.q);
  const [shownQ, setShownQ] = useState(params.q);
  if (params.q !== shownQ) {
    setShownQ(params.q);
    if (params.q !== text.trim()) setText(params.q);
  }
  const search = useDebouncedCallback((q: string) => onChange({ q }), 300);

  return (
    <div role="search" aria-label="Clients" className="flex flex-wrap items-end gap-3">
      <div className="relative min-w-60 flex-1">
        <label htmlFor="client-search" className="sr-only">
          Search clients by name or email
        </label>
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <input
          id="client-search"
          type="search"
          value={text}
          placeholder="Search by name or email"
          autoComplete="off"
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
            search(e.target.value);
          }}
          className={`${control} w-full pl-9`}
        />
      </div>
      <label className="text-sm">
        <span className="sr-only">Status</span>
        <select value={params.status} onChange={(e) => onChange({ status: e.target.value as StatusFilter })} className={control}>
          <option value="">Any status but archived</option>
          {CLIENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
          <option value="all">All, archived too</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="sr-only">Owner</span>
        <select value={params.owner} onChange={(e) => onChange({ owner: e.target.value })} className={control}>
          <option value="">Any owner</option>
          <option value="none">No owner</option>
          {staff.map((s) => (
            <option key={s.userId} value={s.userId}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="sr-only">Sort by</span>
        <select value={params.sort} onChange={(e) => onChange({ sort: e.target.value as ClientSort })} className={control}>
          <option value="activity">Recent activity first</option>
          <option value="name">Name A–Z</option>
        </select>
      </label>
      <label className="flex items-center gap-2 py-2 text-sm text-slate-700 dark:text-slate-300">
        <input
          type="checkbox"
          checked={params.stale}
          onChange={(e) => onChange({ stale: e.target.checked })}
          className="size-4 rounded border-slate-300 text-brand-600 dark:border-slate-600 dark:bg-slate-900"
        />
        Stale leads only
      </label>
    </div>
  );
}
