import { useEffect, useRef } from 'react';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { supabase } from './supabase';

export interface TableChangeOptions<Row extends Record<string, unknown>> {
  table: string;
  /** A postgres_changes filter such as `user_id=eq.<uuid>`; required so nobody subscribes to a whole table. */
  filter: string;
  event?: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  onChange: (payload: RealtimePostgresChangesPayload<Row>) => void;
  enabled?: boolean;
}

/**
 * Subscribes to row changes of one public table under the user's RLS. The callback lives in a ref,
 * so re-renders never resubscribe; the channel is removed on unmount.
 */
export function useTableChanges<Row extends Record<string, unknown>>({ table, filter, event = '*', onChange, enabled = true }: TableChangeOptions<Row>): void {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    if (!enabled) return;
    const channel = supabase
      .channel(`${table}:${filter}:${Math.random().toString(36).slice(2)}`)
      .on('postgres_changes' as never, { event, schema: 'public', table, filter }, (payload: RealtimePostgresChangesPayload<Row>) => callback.current(payload))
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [table, filter, event, enabled]);
}
