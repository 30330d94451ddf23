import type { KeyboardEvent } from 'react';
import { NavLink } from 'react-router';
import { AtSign, Hash, MessageSquarePlus, UserRound } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Skeleton } from '@/components/ui/skeleton';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { groupChannels } from '../channel-groups';
import type { MyChannel } from '../types';

interface Props {
  channels: MyChannel[] | undefined;
  loading: boolean;
  error: unknown;
  onNewMessage: () => void;
  onNavigate?: () => void;
}

/** Arrow keys move between channels (Home/End to the ends); Tab leaves the list. */
function handleArrows(event: KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-channel-link]')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : event.key === 'ArrowDown' ? Math.min(links.length - 1, at + 1) : Math.max(0, at === -1 ? 0 : at - 1);
  event.preventDefault();
  links[next]!.focus();
}

function unreadLabel(c: MyChannel): string {
  const parts = [];
  if (c.unread_count > 0) parts.push(`${c.unread_count} unread`);
  if (c.mention_count > 0) parts.push(`${c.mention_count} ${c.mention_count === 1 ? 'mention' : 'mentions'}`);
  return parts.join(', ');
}

export function ChannelList({ channels, loading, error, onNewMessage, onNavigate }: Props) {
  return (
    <nav aria-label="Channels" className="flex h-full min-h-0 flex-col" onKeyDown={handleArrows}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-3 dark:border-slate-800">
        <h1 className="text-sm font-semibold">Messages</h1>
        <button
          type="button"
          onClick={onNewMessage}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 dark:text-indigo-300 dark:hover:bg-brand-700/20"
        >
          <MessageSquarePlus className="size-4" aria-hidden /> New message
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        {loading && (
          <div role="status" aria-label="Loading channels" className="space-y-2 px-1">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-7 w-full" />
            ))}
          </div>
        )}
        {!!error && <Alert>The channels could not be loaded: {errorMessage(error)}</Alert>}
        {channels && channels.length === 0 && (
          <p className="px-2 text-sm text-slate-600 dark:text-slate-400">No conversations yet. Start one with “New message”.</p>
        )}
        {channels &&
          groupChannels(channels).map((group) => (
            <section key={group.kind} className="mb-4" aria-labelledby={`channels-${group.kind}`}>
              <h2 id={`channels-${group.kind}`} className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                {group.title}
              </h2>
              <ul className="space-y-0.5">
                {group.channels.map((c) => {
                  const unread = c.unread_count > 0;
                  const label = unreadLabel(c);
                  const name = c.kind === 'direct' ? c.other_display_name || c.name : c.name;
                  return (
                    <li key={c.id}>
                      <NavLink
                        to={`/messages/${c.id}`}
                        data-channel-link
                        data-channel-id={c.id}
                        onClick={onNavigate}
                        aria-label={label ? `${name}, ${label}` : name}
                        className={({ isActive }) =>
                          `flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${
                            isActive
                              ? 'bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/20 dark:text-indigo-200'
                              : unread
                                ? 'font-semibold text-slate-900 hover:bg-slate-100 dark:text-white dark:hover:bg-slate-800'
                                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                          }`
                        }
                      >
                        {c.kind === 'direct' ? (
                          c.other_display_name ? <Avatar name={c.other_display_name} url={c.other_avatar_url} size="xs" /> : <UserRound className="size-4 shrink-0" aria-hidden />
                        ) : (
                          <Hash className="size-4 shrink-0 text-slate-400" aria-hidden />
                        )}
                        <span className="min-w-0 flex-1 truncate">{name}</span>
                        {c.mention_count > 0 && (
                          <span data-mention-count className="inline-flex items-center gap-0.5 rounded-full bg-red-600 px-1.5 text-[11px] font-semibold leading-5 text-white" aria-hidden>
                            <AtSign className="size-3" />
                            {c.mention_count}
                          </span>
                        )}
                        {unread && (
                          <span data-unread-count className="min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-[11px] font-semibold leading-5 text-white" aria-hidden>
                            {c.unread_count > 99 ? '99+' : c.unread_count}
                          </span>
                        )}
                      </NavLink>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
      </div>
    </nav>
  );
}
