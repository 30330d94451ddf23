// The rows of a channel's message list: messages oldest first with a day separator before the first
// message of each day, and author grouping (a message from the same author within five minutes of the
// previous one, on the same day, shows no header of its own).
import { format, isSameDay } from 'date-fns';

export const GROUP_WINDOW_MS = 5 * 60 * 1000;

export interface TimelineMessage {
  id: string;
  author_id: string | null;
  created_at: string;
  deleted_at?: string | null;
}

export type TimelineRow<M extends TimelineMessage> =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: M; showHeader: boolean };

/** "Today", "Yesterday", then "Monday, November 16" this year or "November 16, 2025" before. */
export function dayLabel(date: Date, now = new Date()): string {
  if (isSameDay(date, now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (isSameDay(date, yesterday)) return 'Yesterday';
  return date.getFullYear() === now.getFullYear() ? format(date, 'EEEE, MMMM d') : format(date, 'MMMM d, yyyy');
}

/** Whether `message` continues the group `previous` started. */
export function continuesGroup(previous: TimelineMessage | undefined, message: TimelineMessage): boolean {
  if (!previous || !previous.author_id || previous.author_id !== message.author_id) return false;
  if (previous.deleted_at || message.deleted_at) return false;
  const a = new Date(previous.created_at);
  const b = new Date(message.created_at);
  return isSameDay(a, b) && b.getTime() - a.getTime() < GROUP_WINDOW_MS && b.getTime() >= a.getTime();
}

/** Messages (oldest first) → rows with day separators and group headers. */
export function buildTimeline<M extends TimelineMessage>(messages: readonly M[], now = new Date()): TimelineRow<M>[] {
  const rows: TimelineRow<M>[] = [];
  let previous: M | undefined;
  for (const message of messages) {
    const at = new Date(message.created_at);
    if (!previous || !isSameDay(new Date(previous.created_at), at)) {
      rows.push({ kind: 'day', key: `day:${format(at, 'yyyy-MM-dd')}`, label: dayLabel(at, now) });
    }
    rows.push({ kind: 'message', key: message.id, message, showHeader: !continuesGroup(previous, message) });
    previous = message;
  }
  return rows;
}

export interface ListRow<M extends TimelineMessage> {
  key: string;
  message: M;
  showHeader: boolean;
  /** The day separator shown above this message (the first of its day), if any. */
  day: string | null;
}

/**
 * The timeline with each day separator folded into the message below it, so every row of the
 * virtual list is a message keyed by its id: the list then keeps its place by message when older
 * pages go in above (a separator row would keep its key while moving).
 */
export function listRows<M extends TimelineMessage>(messages: readonly M[], now = new Date()): ListRow<M>[] {
  const rows: ListRow<M>[] = [];
  let day: string | null = null;
  for (const row of buildTimeline(messages, now)) {
    if (row.kind === 'day') day = row.label;
    else {
      rows.push({ key: row.key, message: row.message, showHeader: row.showHeader, day });
      day = null;
    }
  }
  return rows;
}
