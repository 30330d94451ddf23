import { Link } from 'react-router';
import { formatDistanceToNowStrict } from 'date-fns';
import { Avatar } from '@/components/ui/avatar';
import type { ClientListRow } from '../api/list-clients';
import { parseContacts } from '../api/schemas';
import { personName } from '../api/people';
import { ClientStatusBadge, StaleBadge } from './client-status-badge';

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const td = 'px-4 py-3 align-middle';

export function ClientsTable({ clients }: { clients: ClientListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[48rem] text-sm">
        <caption className="sr-only">Clients</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Owner</th>
            <th scope="col" className={th}>Primary contact</th>
            <th scope="col" className={th}>Last activity</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {clients.map((c) => {
            const contact = parseContacts(c.contacts)[0];
            return (
              <tr key={c.id} className={`hover:bg-slate-50 dark:hover:bg-slate-800/50 ${c.status === 'archived' ? 'text-slate-500 dark:text-slate-400' : ''}`}>
                <td className={td}>
                  <Link to={`/clients/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300">
                    {c.name}
                  </Link>
                  {c.email && <p className="max-w-64 truncate text-xs text-slate-500 dark:text-slate-400">{c.email}</p>}
                </td>
                <td className={td}>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <ClientStatusBadge status={c.status} />
                    {c.stale_since && <StaleBadge since={c.stale_since} />}
                  </div>
                </td>
                <td className={td}>
                  {c.owner ? (
                    <span className="flex items-center gap-2">
                      <Avatar name={personName(c.owner)} url={c.owner.avatar_url} size="sm" />
                      <span className="max-w-40 truncate">{personName(c.owner)}</span>
                    </span>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">Nobody</span>
                  )}
                </td>
                <td className={td}>
                  {contact ? (
                    <>
                      <p className="max-w-56 truncate">{contact.name}</p>
                      {(contact.email || contact.role) && <p className="max-w-56 truncate text-xs text-slate-500 dark:text-slate-400">{contact.email || contact.role}</p>}
                    </>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">None yet</span>
                  )}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <time dateTime={c.last_activity_at} title={new Date(c.last_activity_at).toLocaleString()}>
                    {formatDistanceToNowStrict(new Date(c.last_activity_at), { addSuffix: true })}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
