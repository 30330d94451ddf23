import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/auth';

/** Renders child routes for signed-in users; sends everyone else to sign in and back. */
export function RequireSession() {
  const { session, ready } = useSession();
  const location = useLocation();
  if (!ready) {
    return (
      <div role="status" aria-live="polite" className="flex min-h-screen items-center justify-center text-sm text-slate-500">
        Loading your workspace…
      </div>
    );
  }
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
