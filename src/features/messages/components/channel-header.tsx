import { ChevronLeft, Hash } from 'lucide-react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import type { Person } from '../types';

interface Props {
  name: string;
  topic: string | null;
  direct: boolean;
  online: Person[];
  memberCount: number;
}

/** Name, topic, and who is here now (presence), with a way back to the list on narrow screens. */
export function ChannelHeader({ name, topic, direct, online, memberCount }: Props) {
  const shown = online.slice(0, 5);
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <Link to="/messages?list=1" className="-ml-2 rounded-md p-1 text-slate-600 hover:bg-slate-100 md:hidden dark:text-slate-300 dark:hover:bg-slate-800" aria-label="All channels">
        <ChevronLeft className="size-5" aria-hidden />
      </Link>
      {!direct && <Hash className="size-5 shrink-0 text-slate-400" aria-hidden />}
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold">{name}</h2>
        {topic && <p className="truncate text-xs text-slate-600 dark:text-slate-400">{topic}</p>}
      </div>
      <div className="flex items-center gap-2" data-online>
        <ul className="flex -space-x-2" aria-label={`Online now: ${online.map((p) => p.name).join(', ') || 'nobody else'}`}>
          {shown.map((p) => (
            <li key={p.userId} className="relative rounded-full ring-2 ring-white dark:ring-slate-950" title={`${p.name} is online`}>
              <Avatar name={p.name} url={p.avatarUrl} size="sm" />
              <span aria-hidden className="absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full bg-emerald-500 ring-2 ring-white dark:ring-slate-950" />
            </li>
          ))}
        </ul>
        <span className="hidden text-xs text-slate-600 sm:inline dark:text-slate-400">
          {online.length} online{memberCount ? ` · ${memberCount} ${memberCount === 1 ? 'member' : 'members'}` : ''}
        </span>
      </div>
    </header>
  );
}
