import { useSyncExternalStore } from 'react';
import type { Session } from '@supabase/auth-js';
import { auth } from './auth-client';

// The session as an external store: one subscription to the auth client for the whole app.
type Snapshot = { session: Session | null; ready: boolean };
let snapshot: Snapshot = { session: null, ready: false };
const listeners = new Set<() => void>();

function publish(next: Snapshot) {
  snapshot = next;
  for (const l of listeners) l();
}

void auth.getSession().then(({ data }) => publish({ session: data.session, ready: true }));
auth.onAuthStateChange((_event, session) => publish({ session, ready: true }));

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The signed-in user's id; only call below RequireSession. */
export function useUserId(): string {
  const { session } = useSession();
  if (!session) throw new Error('useUserId needs a signed-in user');
  return session.user.id;
}
