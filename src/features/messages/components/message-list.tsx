// The channel's messages, virtualised: only the rows on screen are in the DOM, each measured as it
// renders (heights vary). The list is anchored to its end like a chat: it opens at the latest message,
// follows new ones while you are at the bottom, keeps your place when older pages are added above,
// and offers "Jump to latest" (with a count of new messages) when you have scrolled up.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, Hash, LoaderCircle } from 'lucide-react';
import { listRows, type ListRow } from '../timeline';
import type { ChatMessage } from '../types';
import { MessageItem } from './message-item';

type Row = ListRow<ChatMessage>;
/** The fixed-height header above the first message ("Loading older…" or the beginning of the channel). */
const HEADER_PX = 88;

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

const estimate = (row: Row | undefined) => (!row ? 40 : (row.showHeader ? 64 : 28) + (row.day ? 40 : 0));

export function MessageList({ channelId, channelName, pages, hasOlder, loadingOlder, onLoadOlder, onAtEndChange, scrollToEndSignal, newCount, onJumpToLatest, focusId = null }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<Row[]>(() => listRows(pages.flat().reverse()), [pages]);
  const [atEnd, setAtEnd] = useState(true);
  const atEndRef = useRef(true);

  // TanStack Virtual hands back a mutable instance, so the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
    paddingStart: HEADER_PX,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 48,
  });

  // Open at the latest message, then mark the first paint for the benchmark (the list mounts once per
  // channel open: the route keys it by channel).
  const hasRows = rows.length > 0;
  const [ready, setReady] = useState(false);
  const pinning = useRef(0);
  /** Rows are measured as they render, which moves the end: pin to it until it holds for a few frames. */
  const pinToEnd = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    cancelAnimationFrame(pinning.current);
    let frame = 0;
    let settled = 0;
    const pin = () => {
      if (el.scrollHeight - el.scrollTop - el.clientHeight > 1) {
        el.scrollTop = el.scrollHeight;
        settled = 0;
      } else settled += 1;
      frame += 1;
      if (settled >= 3 || frame > 60) {
        setReady(true);
        return;
      }
      pinning.current = requestAnimationFrame(pin);
    };
    el.scrollTop = el.scrollHeight;
    pinning.current = requestAnimationFrame(pin);
  }, []);
  useEffect(() => () => cancelAnimationFrame(pinning.current), []);
  useLayoutEffect(() => {
    if (hasRows) pinToEnd();
  }, [hasRows, pinToEnd]);
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!hasRows || marked.current === channelId) return;
    marked.current = channelId;
    performance.mark('atrium:channel-rendered');
  }, [hasRows, channelId]);

  useEffect(() => {
    if (scrollToEndSignal) pinToEnd();
  }, [scrollToEndSignal, pinToEnd]);

  const focusIndex = focusId ? rows.findIndex((r) => r.key === focusId) : -1;
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || focusIndex < 0 || focused.current === focusId) return;
    focused.current = focusId;
    // After the first scroll to the end has settled.
    virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [ready, focusIndex, focusId, virtualizer]);

  const handleScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !ready) return;
    const end = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (end !== atEndRef.current) {
      atEndRef.current = end;
      setAtEnd(end);
      onAtEndChange(end);
    }
    if (el.scrollTop < 400 && hasOlder && !loadingOlder) onLoadOlder();
  }, [ready, hasOlder, loadingOlder, onLoadOlder, onAtEndChange]);

  // A short first page leaves nothing to scroll: fetch older pages until the view is full.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !ready || !hasOlder || loadingOlder) return;
    if (el.scrollHeight <= el.clientHeight + 400) onLoadOlder();
  }, [ready, rows.length, hasOlder, loadingOlder, onLoadOlder]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={handleScroll}
        role="log"
        aria-label={`Messages in ${channelName}`}
        // Rows come and go as the list scrolls (virtualised): the channel announces new messages itself.
        aria-live="off"
        tabIndex={0}
        className="h-full overflow-y-auto overscroll-contain focus-visible:outline-offset-[-2px]"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          <div style={{ height: HEADER_PX }} className="absolute inset-x-0 top-0 overflow-hidden">
            <ListStart name={channelName} hasOlder={hasOlder} loading={loadingOlder} />
          </div>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={row.key === focusId ? 'bg-amber-50 dark:bg-amber-500/10' : undefined}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}>
                {row.day && <DaySeparator label={row.day} />}
                <MessageItem message={row.message} showHeader={row.showHeader} />
              </div>
            );
          })}
        </div>
      </div>
      {!atEnd && (
        <button
          type="button"
          onClick={() => {
            pinToEnd();
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
      <div className="flex h-full items-center justify-center gap-2 text-sm text-slate-600 dark:text-slate-400" role="status">
        <LoaderCircle className="size-4 animate-spin" aria-hidden /> Loading older messages…
      </div>
    );
  }
  return (
    <div className="flex h-full items-center gap-3 px-4">
      <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-slate-100 dark:bg-slate-800">
        <Hash className="size-5 text-slate-500 dark:text-slate-400" aria-hidden />
      </span>
      <p className="text-sm font-semibold">This is the beginning of {name}.</p>
    </div>
  );
}
