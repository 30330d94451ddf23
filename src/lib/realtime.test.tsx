import { describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';

type Handler = (payload: unknown) => void;
const channels: Array<{ name: string; filter: unknown; handler: Handler; removed: boolean }> = [];
vi.mock('./supabase', () => ({
  supabase: {
    channel: (name: string) => {
      const entry = { name, filter: null as unknown, handler: (() => {}) as Handler, removed: false };
      channels.push(entry);
      const api = {
        on: (_kind: string, filter: unknown, handler: Handler) => ((entry.filter = filter), (entry.handler = handler), api),
        subscribe: () => api,
        entry,
      };
      return api;
    },
    removeChannel: async (api: { entry: { removed: boolean } }) => {
      api.entry.removed = true;
    },
  },
}));

const { useTableChanges } = await import('./realtime');

function Probe({ filter, onChange }: { filter: string; onChange: (p: unknown) => void }) {
  useTableChanges({ table: 'notifications', filter, onChange });
  return null;
}

describe('useTableChanges', () => {
  it('subscribes once with its filter, calls the latest callback, and removes the channel on unmount', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const view = render(<Probe filter="user_id=eq.u1" onChange={first} />);
    view.rerender(<Probe filter="user_id=eq.u1" onChange={latest} />);
    expect(channels).toHaveLength(1);
    expect(channels[0]!.filter).toEqual({ event: '*', schema: 'public', table: 'notifications', filter: 'user_id=eq.u1' });
    channels[0]!.handler({ eventType: 'INSERT' });
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith({ eventType: 'INSERT' });
    view.unmount();
    expect(channels[0]!.removed).toBe(true);
  });

  it('resubscribes when the filter changes', () => {
    channels.length = 0;
    const view = render(<Probe filter="user_id=eq.a" onChange={() => {}} />);
    view.rerender(<Probe filter="user_id=eq.b" onChange={() => {}} />);
    expect(channels.map((c) => c.removed)).toEqual([true, false]);
    view.unmount();
  });
});
