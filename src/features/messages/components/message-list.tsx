// The channel's messages, virtualised: only the rows on screen are in the DOM, each measured as it
// renders (heights vary). The list is anchored to its end like a chat: it opens at the latest message,
// follows new ones while you are at the bottom, keeps your place when older pages are added above,
// and offers "Jump to latest" (with a count of new messages) when you have scrolled up.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, Hash, LoaderCircle } from 'lucide-react';
import { buildTimeline, type TimelineRow } from '../timeline';
import type { ChatMessage } from '../types';
import { MessageItem } from './message-item';

type Row = TimelineRow<ChatMessage> | { kind: 'start'; key: string };

interface Props {
  channelId: string;
  channelName: string;
  /** Newest first, as the pages arrive. */
  pages: ChatMessage[][];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Whether the newest message is in view (read position, "N new" hint). */
  onAtEndChange: (atEnd: boolean) => void;
  /** Bumped by the parent when it wants the list at the end (after sending). */
  scrollToEndSignal: number;
  newCount: number;
  onJumpToLatest: () => void;
  /** A message to bring into view and highlight (a notification's link), when it is loaded. */
  focusId?: string | null;
}

const estimate = (row: Row | undefined) => (!row ? 40 : row.kind === 'start' ? 72 : row.kind === 'day' ? 40 : row.showHeader ? 64 : 28);

export function MessageList({ channelId, channelName, pages, hasOlder, loadingOlder, onLoadOlder, onAtEndChange, scrollToEndSignal, newCount, onJumpToLatest, focusId = null }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<Row[]>(() => {
    const messages = pages.flat().reverse();
    return [{ kind: 'start', key: 'start' }, ...buildTimeline(messages)];
  }, [pages]);
  const [atEnd, setAtEnd] = useState(true);
  const atEndRef = useRef(true);
  const ready = useRef(false);

  // TanStack Virtual hands back a mutable instance, so the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 48,
  });

  // Open at the latest message, then mark the first paint for the benchmark (the list mounts once per
  // channel open: the route keys it by channel).
  const hasRows = rows.length > 1;
  useLayoutEffect(() => {
    if (!hasRows || ready.current) return;
    virtualizer.scrollToEnd();
    ready.current = true;
  }, [hasRows, virtualizer]);
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!hasRows || marked.current === channelId) return;
    marked.current = channelId;
    performance.mark('atrium:channel-rendered');
  }, [hasRows, channelId]);

  useEffect(() => {
    if (scrollToEndSignal) virtualizer.scrollToEnd();
  }, [scrollToEndSignal, virtualizer]);

  const focusIndex = focusId ? rows.findIndex((r) => r.key === focusId) : -1;
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (focusIndex < 0 || focused.current === focusId) return;
    focused.current = focusId;
    // After the first scroll to the end has settled.
    const timer = setTimeout(() => virtualizer.scrollToIndex(focusIndex, { align: 'center' }), 50);
    return () => clearTimeout(timer);
  }, [focusIndex, focusId, virtualizer]);

  const handleScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !ready.current) return;
    const end = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (end !== atEndRef.current) {
      atEndRef.current = end;
      setAtEnd(end);
      onAtEndChange(end);
    }
    if (el.scrollTop < 400 && hasOlder && !loadingOlder) onLoadOlder();
  }, [hasOlder, loadingOlder, onLoadOlder, onAtEndChange]);

  // A short first page leaves nothing to scroll: fetch older pages until the view is full.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !ready.current || !hasOlder || loadingOlder) return;
    if (el.scrollHeight <= el.clientHeight + 400) onLoadOlder();
  }, [rows.length, hasOlder, loadingOlder, onLoadOlder]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={handleScroll}
        role="log"
        aria-label={`Messages in ${channelName}`}
        aria-live="polite"
        aria-relevant="additions"
        tabIndex={0}
        className="h-full overflow-y-auto overscroll-contain focus-visible:outline-offset-[-2px]"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={row.key === focusId ? 'bg-amber-50 dark:bg-amber-500/10' : undefined}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}>
                {row.kind === 'start' ? (
                  <ListStart name={channelName} hasOlder={hasOlder} loading={loadingOlder} />
                ) : row.kind === 'day' ? (
                  <DaySeparator label={row.label} />
                ) : (
                  <MessageItem message={row.message} showHeader={row.showHeader} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {!atEnd && (
        <button
          type="button"
          onClick={() => {
            virtualizer.scrollToEnd();
            onJumpToLatest();
          }}
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-brand-700"
        >
          <ArrowDown className="size-4" aria-hidden />
          {newCount > 0 ? `${newCount} new ${newCount === 1 ? 'message' : 'messages'}` : 'Jump to latest'}
        </button>
      )}
    </div>
  );
}

function DaySeparator({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-3 px-4 py-2" data-day-separator>
      <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" aria-hidden />
      <span className="text-xs font-semibold text-slate-600 dark:text-slate-400">{label}</span>
      <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" aria-hidden />
    </div>
  );
}

function ListStart({ name, hasOlder, loading }: { name: string; hasOlder: boolean; loading: boolean }) {
  if (hasOlder || loading) {
    return (
      <div className="flex items-center justify-center gap-2 py-6 text-sm text-slate-600 dark:text-slate-400" role="status">
        <LoaderCircle className="size-4 animate-spin" aria-hidden /> Loading older messages…
      </div>
    );
  }
  return (
    <div className="px-4 pt-8 pb-4">
      <span className="inline-flex size-10 items-center justify-center rounded-full bg-slate-100 dark:bg-slate-800">
        <Hash className="size-5 text-slate-500 dark:text-slate-400" aria-hidden />
      </span>
      <p className="mt-2 text-sm font-semibold">This is the beginning of {name}.</p>
    </div>
  );
}
