import { useSyncExternalStore } from 'react';
import type { Session } from '@supabase/supabase-js';
import { supabase } from './supabase';

// The session as an external store: one subscription to supabase.auth for the whole app.
type Snapshot = { session: Session | null; ready: boolean };
let snapshot: Snapshot = { session: null, ready: false };
const listeners = new Set<() => void>();

function publish(next: Snapshot) {
  snapshot = next;
  for (const l of listeners) l();
}

void supabase.auth.getSession().then(({ data }) => publish({ session: data.session, ready: true }));
supabase.auth.onAuthStateChange((_event, session) => publish({ session, ready: true }));

export function useSession(): Snapshot {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

export async function currentSession(): Promise<Session | null> {
  const { data } = await supabase.auth.getSession();
  return data.session;
}
