// Presence between two real supabase-js clients: state after join, join and leave diffs, keys.
import { afterAll, describe, expect, it } from 'vitest';
import type { RealtimePresenceState } from '@supabase/supabase-js';
import { closeClients, realtimeClient, subscribe, waitFor } from './helpers.ts';

afterAll(closeClients);

describe('presence', () => {
  it('shows a tracked client to another, then its leave', async () => {
    const annClient = await realtimeClient();
    const bobClient = await realtimeClient();
    const ann = annClient.channel('presence-room', { config: { presence: { key: 'ann' } } });
    const bob = bobClient.channel('presence-room', { config: { presence: { key: 'bob' } } });
    const joins: string[] = [];
    const leaves: string[] = [];
    let bobView: RealtimePresenceState = {};
    bob
      .on('presence', { event: 'sync' }, () => (bobView = bob.presenceState()))
      .on('presence', { event: 'join' }, ({ key }) => joins.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    ann.on('presence', { event: 'sync' }, () => {});
    await subscribe(ann);
    await subscribe(bob);

    expect(await ann.track({ user: 'ann', online_at: 1 })).toBe('ok');
    expect(await bob.track({ user: 'bob' })).toBe('ok');
    await waitFor(() => Object.keys(bobView).length === 2, 5000, 'both present');
    expect(bobView.ann).toEqual([expect.objectContaining({ user: 'ann', online_at: 1, presence_ref: expect.any(String) })]);
    expect(joins).toEqual(expect.arrayContaining(['ann', 'bob']));

    await annClient.removeChannel(ann);
    await waitFor(() => !('ann' in bobView), 5000, 'ann leaving');
    expect(leaves).toContain('ann');
    expect(Object.keys(bobView)).toEqual(['bob']);
  });

  it('untrack removes the entry and a late joiner gets the current state', async () => {
    const a = await realtimeClient();
    const b = await realtimeClient();
    const first = a.channel('presence-late', { config: { presence: { key: 'first' } } });
    first.on('presence', { event: 'sync' }, () => {});
    await subscribe(first);
    await first.track({ here: true });

    const late = b.channel('presence-late', { config: { presence: { key: 'late' } } });
    let view: RealtimePresenceState = {};
    late.on('presence', { event: 'sync' }, () => (view = late.presenceState()));
    await subscribe(late);
    await waitFor(() => 'first' in view, 5000, 'state on join');

    expect(await first.untrack()).toBe('ok');
    await waitFor(() => !('first' in view), 5000, 'untrack');
  });
});
