// Realtime for messaging: row changes of the open channel (postgres_changes under RLS), the unread
// counts of every channel (throttled refetch on new messages), and a private Realtime channel
// `channel:<id>` per open channel carrying typing indicators (broadcast) and who is online (presence).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabase } from '@/lib/supabase';
import { useTableChanges } from '@/lib/realtime';
import type { ChatMessage, Person } from '../types';
import { messageKeys } from './keys';
import { mergeMessage } from './messages';

/** New and changed messages of one channel go straight into the caches; `onInsert` hears new ones. */
export function useChannelMessagesLive(channelId: string, onInsert: (row: ChatMessage, added: boolean) => void) {
  const queryClient = useQueryClient();
  useTableChanges<ChatMessage>({
    table: 'messages',
    filter: `channel_id=eq.${channelId}`,
    onChange: (payload) => {
      if (payload.eventType === 'DELETE') return;
      const row = payload.new as ChatMessage;
      const { added } = mergeMessage(queryClient, row, { addIfMissing: payload.eventType === 'INSERT' });
      if (payload.eventType === 'INSERT') onInsert(row, added);
    },
  });
}

/** Unread counts follow new messages in any of my channels (one refetch per second at most). */
export function useUnreadLive(organizationId: string, userId: string) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: messageKeys.channels(userId) });
    }, 1000);
  };
  // RLS already limits the rows to channels I am in; the filter keeps the subscription to this organization.
  useTableChanges({ table: 'messages', filter: `organization_id=eq.${organizationId}`, event: 'INSERT', onChange: refresh });
  // My memberships: a channel I was added to (a new direct message), my read position moving elsewhere.
  useTableChanges({ table: 'channel_members', filter: `user_id=eq.${userId}`, onChange: refresh });
}

export const TYPING_TTL_MS = 5000;
const TYPING_THROTTLE_MS = 2500;

export interface RoomState {
  online: Person[];
  typing: Person[];
  /** Call on every keystroke; sends at most one typing event per 2.5 s. */
  notifyTyping: () => void;
  /** Call when a message is sent: the indicator goes away for the others at once. */
  notifyStopped: () => void;
}

/** Presence and typing for one channel, as the signed-in person `me` (joined once `enabled`: when my name is known). */
export function useRoom(channelId: string, me: Person, enabled = true): RoomState {
  const [online, setOnline] = useState<Person[]>([]);
  const [typing, setTyping] = useState<Array<Person & { until: number }>>([]);
  const channel = useRef<RealtimeChannel | null>(null);
  const lastSent = useRef(0);
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  });

  useEffect(() => {
    if (!enabled) return;
    const room = supabase.channel(`channel:${channelId}`, { config: { private: true, presence: { key: me.userId } } });
    channel.current = room;
    room
      .on('presence', { event: 'sync' }, () => {
        const state = room.presenceState<{ userId: string; name: string; avatarUrl: string | null }>();
        const people = new Map<string, Person>();
        for (const entries of Object.values(state)) {
          for (const p of entries) if (p.userId) people.set(p.userId, { userId: p.userId, name: p.name, avatarUrl: p.avatarUrl ?? null });
        }
        setOnline([...people.values()].sort((a, b) => a.name.localeCompare(b.name)));
      })
      .on('broadcast', { event: 'typing' }, ({ payload }) => {
        const p = payload as { userId?: string; name?: string; avatarUrl?: string | null; stopped?: boolean };
        if (!p.userId || p.userId === meRef.current.userId) return;
        setTyping((prev) => {
          const rest = prev.filter((t) => t.userId !== p.userId);
          return p.stopped ? rest : [...rest, { userId: p.userId!, name: p.name ?? 'Someone', avatarUrl: p.avatarUrl ?? null, until: Date.now() + TYPING_TTL_MS }];
        });
      })
      .subscribe((status) => {
        if (status === 'SUBSCRIBED') void room.track({ userId: meRef.current.userId, name: meRef.current.name, avatarUrl: meRef.current.avatarUrl });
      });
    return () => {
      channel.current = null;
      setOnline([]);
      setTyping([]);
      void supabase.removeChannel(room);
    };
  }, [channelId, me.userId, enabled]);

  // Typing indicators expire on their own when the typist goes quiet.
  useEffect(() => {
    if (!typing.length) return;
    const next = Math.min(...typing.map((t) => t.until)) - Date.now();
    const timer = setTimeout(() => setTyping((prev) => prev.filter((t) => t.until > Date.now())), Math.max(50, next));
    return () => clearTimeout(timer);
  }, [typing]);

  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (!channel.current || now - lastSent.current < TYPING_THROTTLE_MS) return;
    lastSent.current = now;
    void channel.current.send({ type: 'broadcast', event: 'typing', payload: { userId: meRef.current.userId, name: meRef.current.name, avatarUrl: meRef.current.avatarUrl } });
  }, []);
  const notifyStopped = useCallback(() => {
    if (!channel.current || !lastSent.current) return;
    lastSent.current = 0;
    void channel.current.send({ type: 'broadcast', event: 'typing', payload: { userId: meRef.current.userId, stopped: true } });
  }, []);

  return { online, typing, notifyTyping, notifyStopped };
}
