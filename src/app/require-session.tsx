import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/auth';
import { auth } from '@/lib/auth-client';

/**
 * Renders child routes for signed-in users. Everyone else goes to sign in and comes back; a user
 * with two-step verification who has not given a code yet goes to the code page first.
 */
export function RequireSession() {
  const { session, ready } = useSession();
  const location = useLocation();
  const [needsMfa, setNeedsMfa] = useState<boolean | null>(null);
  const token = session?.access_token;

  useEffect(() => {
    if (!token) return;
    let active = true;
    void auth.mfa.getAuthenticatorAssuranceLevel().then(({ data }) => {
      if (active) setNeedsMfa(data?.nextLevel === 'aal2' && data.currentLevel !== 'aal2');
    });
    return () => {
      active = false;
    };
  }, [token]);

  const here = location.pathname + location.search;
  if (ready && !session) return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />;
  if (!ready || needsMfa === null) {
    return (
      <div role="status" aria-live="polite" className="flex min-h-screen items-center justify-center text-sm text-slate-500 dark:text-slate-400">
        Loading your workspace…
      </div>
    );
  }
  if (needsMfa && location.pathname !== '/auth/mfa') return <Navigate to={`/auth/mfa?next=${encodeURIComponent(here)}`} replace />;
  return <Outlet />;
}
