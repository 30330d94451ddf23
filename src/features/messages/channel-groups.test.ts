import { describe, expect, it } from 'vitest';
import { groupChannels, mostRecentChannel, unreadTotal, type ListedChannel } from './channel-groups';

const ch = (id: string, kind: ListedChannel['kind'], last: string | null, unread = 0): ListedChannel => ({ id, kind, name: id, last_message_at: last, unread_count: unread, mention_count: 0 });

describe('channel groups', () => {
  const list = [ch('dm-b', 'direct', '2026-11-20'), ch('p-a', 'project', null), ch('p-b', 'project', '2026-11-22', 3), ch('dm-a', 'direct', '2026-11-23', 2)];
  it('groups by kind in a fixed order and sorts by activity', () => {
    expect(groupChannels(list).map((g) => [g.title, g.channels.map((c) => c.id)])).toEqual([
      ['Projects', ['p-b', 'p-a']],
      ['Direct messages', ['dm-a', 'dm-b']],
    ]);
  });
  it('opens the most recent channel and adds up unread counts', () => {
    expect(mostRecentChannel(list)?.id).toBe('dm-a');
    expect(mostRecentChannel([])).toBeUndefined();
    expect(unreadTotal(list)).toBe(5);
  });
});
