import type { ChannelKind } from './types';

/** The channel list's sections, in the order they are shown. */
export const CHANNEL_GROUPS: Array<{ kind: ChannelKind; title: string }> = [
  { kind: 'project', title: 'Projects' },
  { kind: 'crowd', title: 'Crowd' },
  { kind: 'ticket', title: 'Tickets' },
  { kind: 'application', title: 'Applications' },
  { kind: 'direct', title: 'Direct messages' },
];

export interface ListedChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  last_message_at: string | null;
  unread_count: number;
  mention_count: number;
}

/** Channels by section: direct messages and the rest by latest activity, then name. */
export function groupChannels<C extends ListedChannel>(channels: readonly C[]): Array<{ kind: ChannelKind; title: string; channels: C[] }> {
  const byRecent = (a: C, b: C) => (b.last_message_at ?? '').localeCompare(a.last_message_at ?? '') || a.name.localeCompare(b.name);
  return CHANNEL_GROUPS.map((g) => ({ ...g, channels: channels.filter((c) => c.kind === g.kind).sort(byRecent) })).filter((g) => g.channels.length > 0);
}

/** The channel to open at /messages: the one with the latest message, else the first by name. */
export function mostRecentChannel<C extends ListedChannel>(channels: readonly C[]): C | undefined {
  return [...channels].sort((a, b) => (b.last_message_at ?? '').localeCompare(a.last_message_at ?? '') || a.name.localeCompare(b.name))[0];
}

export function unreadTotal(channels: readonly ListedChannel[]): number {
  return channels.reduce((sum, c) => sum + (Number(c.unread_count) || 0), 0);
}
