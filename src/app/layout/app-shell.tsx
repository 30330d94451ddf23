import { lazy, Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { Dialog, DialogPanel } from '@headlessui/react';
import { Menu as MenuIcon, PanelRight, X } from 'lucide-react';
import { MembershipContext, lastOrganization, rememberOrganization, type MembershipState } from '@/lib/membership';
import { useSession } from '@/lib/auth';
import { useCopilotPanel } from '@/lib/copilot-slot';
import { errorMessage } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { useMemberships } from '@/features/organizations/api/list-memberships';
import { useProfile } from '@/features/profile/api/profile';
import { Sidebar } from './sidebar';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

// The header's live widgets load after the page itself: they are not what a page is opened for.
const RunningTimer = lazy(() => import('@/components/running-timer').then((m) => ({ default: m.RunningTimer })));
const NotificationBell = lazy(() => import('@/features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })));

/** The frame of every signed-in page: the member's organization and role, navigation, top bar. */
export function AppShell() {
  const { session } = useSession();
  const userId = session!.user.id;
  const memberships = useMemberships(userId);
  const profile = useProfile(userId);
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(lastOrganization);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [copilotOpen, setCopilotOpen] = useState(false);
  const copilot = useCopilotPanel();

  const state = useMemo<MembershipState | null>(() => {
    const all = memberships.data ?? [];
    const current = all.find((m) => m.organizationId === chosen) ?? all[0];
    if (!current) return null;
    return {
      current,
      all,
      switchTo: (id) => {
        rememberOrganization(id);
        setChosen(id);
        navigate('/');
      },
    };
  }, [memberships.data, chosen, navigate]);

  if (memberships.isPending) return <ShellSkeleton />;
  if (memberships.error) {
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert>Your workspace could not be loaded: {errorMessage(memberships.error)}</Alert>
      </div>
    );
  }
  if (!state) return <Navigate to="/onboarding" replace />;

  const name = profile.data?.display_name ?? session!.user.email ?? '';
  return (
    <MembershipContext.Provider value={state}>
      <div className="flex min-h-screen bg-slate-50 dark:bg-slate-950">
        <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white lg:block dark:border-slate-800 dark:bg-slate-900">
          <div className="border-b border-slate-200 p-3 dark:border-slate-800">
            <OrgSwitcher />
          </div>
          <Sidebar />
        </aside>
        <Dialog open={drawerOpen} onClose={() => setDrawerOpen(false)} className="relative z-50 lg:hidden">
          <div className="fixed inset-0 bg-slate-950/40" aria-hidden />
          <DialogPanel className="fixed inset-y-0 left-0 w-72 overflow-y-auto bg-white dark:bg-slate-900">
            <div className="flex items-center justify-between border-b border-slate-200 p-3 dark:border-slate-800">
              <OrgSwitcher />
              <button type="button" onClick={() => setDrawerOpen(false)} aria-label="Close navigation" className="p-2">
                <X className="size-5" aria-hidden />
              </button>
            </div>
            <Sidebar onNavigate={() => setDrawerOpen(false)} />
          </DialogPanel>
        </Dialog>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/90 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
            <button type="button" className="rounded-md p-2 lg:hidden" onClick={() => setDrawerOpen(true)} aria-label="Open navigation">
              <MenuIcon className="size-5" aria-hidden />
            </button>
            <div className="flex-1" />
            {state.current.role !== 'client' && (
              <Suspense fallback={null}>
                <RunningTimer />
              </Suspense>
            )}
            {copilot && (
              <button
                type="button"
                onClick={() => setCopilotOpen((o) => !o)}
                aria-pressed={copilotOpen}
                className="rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                aria-label={copilot.label}
              >
                <PanelRight className="size-5" aria-hidden />
              </button>
            )}
            <Suspense fallback={<span className="size-9" aria-hidden />}>
              <NotificationBell userId={userId} />
            </Suspense>
            <UserMenu email={session!.user.email ?? ''} name={name} avatarUrl={profile.data?.avatar_url} />
          </header>
          <div className="flex min-h-0 flex-1">
            <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-8">
              <Outlet />
            </main>
            {copilot && copilotOpen && (
              <aside aria-label={copilot.label} className="w-96 shrink-0 border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
                <copilot.Panel onClose={() => setCopilotOpen(false)} />
              </aside>
            )}
          </div>
        </div>
      </div>
    </MembershipContext.Provider>
  );
}

function ShellSkeleton() {
  return (
    <div role="status" aria-label="Loading your workspace" className="flex min-h-screen">
      <div className="hidden w-64 space-y-3 border-r border-slate-200 p-4 lg:block dark:border-slate-800">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-6 w-3/4" />
        <Skeleton className="h-6 w-2/3" />
      </div>
      <div className="flex-1 space-y-4 p-8">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-32 w-full" />
      </div>
    </div>
  );
}
