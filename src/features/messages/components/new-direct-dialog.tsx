import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Search } from 'lucide-react';
import { Dialog } from '@/components/ui/dialog';
import { Avatar } from '@/components/ui/avatar';
import { Alert } from '@/components/ui/alert';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { filterMembers } from '../mentions';
import { useOpenDirectChannel, usePeople } from '../api/channels';

const ROLE_LABEL: Record<string, string> = { owner: 'Owner', admin: 'Admin', manager: 'Manager', member: 'Member', client: 'Client' };

/** Pick a person of the organization; their direct conversation opens (created on first use). */
export function NewDirectDialog({ open, onClose, organizationId, userId }: { open: boolean; onClose: () => void; organizationId: string; userId: string }) {
  const people = usePeople(organizationId, userId, open);
  const openDirect = useOpenDirectChannel(userId);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const matches = filterMembers(people.data ?? [], query, 50);

  const close = () => {
    setQuery('');
    openDirect.reset();
    onClose();
  };
  const handlePick = (otherId: string) =>
    openDirect.mutate(otherId, {
      onSuccess: (channel) => {
        close();
        navigate(`/messages/${channel.id}`);
      },
    });

  return (
    <Dialog open={open} onClose={close} title="New message" description="Start a direct conversation with someone in your organization. Only the two of you can read it.">
      <div className="space-y-3">
        <label htmlFor={searchId} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
          Find a person
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
          <input
            id={searchId}
            type="search"
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name"
            className="block w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        {openDirect.error && <Alert>{errorMessage(openDirect.error)}</Alert>}
        {people.isPending && <SkeletonRows rows={4} label="Loading people" />}
        {people.error && <Alert>The people of your organization could not be loaded: {errorMessage(people.error)}</Alert>}
        {people.data && (
          <ul aria-label="People" className="max-h-72 space-y-1 overflow-y-auto">
            {matches.length === 0 && <li className="px-2 py-4 text-center text-sm text-slate-600 dark:text-slate-400">{query ? `Nobody called “${query}”.` : 'Nobody else is in this organization yet.'}</li>}
            {matches.map((p) => (
              <li key={p.userId}>
                <button
                  type="button"
                  disabled={openDirect.isPending}
                  onClick={() => handlePick(p.userId)}
                  className="flex w-full items-center gap-3 rounded-md px-2 py-2 text-left text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
                >
                  <Avatar name={p.name} url={p.avatarUrl} size="sm" />
                  <span className="min-w-0 flex-1 truncate font-medium">{p.name}</span>
                  <span className="text-xs text-slate-500 dark:text-slate-400">{ROLE_LABEL[p.role] ?? p.role}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
