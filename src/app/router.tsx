import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from './route-error';

type Loader = () => Promise<{ default: React.ComponentType }>;

/** A route whose module loads on first visit, so each page ships only its own code. */
const page = (path: string | undefined, load: Loader): RouteObject => ({
  ...(path === undefined ? { index: true } : { path }),
  lazy: async () => ({ Component: (await load()).default }),
  errorElement: <RouteError />,
});

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      page('/sign-in', () => import('@/features/auth/routes/sign-in')),
      page('/sign-up', () => import('@/features/auth/routes/sign-up')),
      page('/forgot-password', () => import('@/features/auth/routes/forgot-password')),
      page('/auth/callback', () => import('@/features/auth/routes/auth-callback')),
      page('/invite/:token', () => import('@/features/organizations/routes/accept-invitation')),
      page('/intake/:orgSlug', () => import('@/features/clients/routes/public-intake')),
      {
        // Loaded lazily so pages for signed-out visitors do not carry the auth client.
        lazy: async () => ({ Component: (await import('./require-session')).RequireSession }),
        errorElement: <RouteError />,
        children: [
          page('/auth/mfa', () => import('@/features/auth/routes/mfa-challenge')),
          page('/reset-password', () => import('@/features/auth/routes/reset-password')),
          page('/onboarding', () => import('@/features/organizations/routes/onboarding')),
          page('/invoices/:invoiceId/print', () => import('@/features/invoices/routes/invoice-print')),
          {
            lazy: async () => ({ Component: (await import('./layout/app-shell')).AppShell }),
            errorElement: <RouteError />,
            children: [
              page(undefined, () => import('@/features/dashboard/routes/dashboard')),
              page('/notifications', () => import('@/features/notifications/routes/notifications')),
              {
                path: '/messages',
                lazy: async () => ({ Component: (await import('@/features/messages/routes/messages-layout')).default }),
                errorElement: <RouteError />,
                children: [page(undefined, () => import('@/features/messages/routes/messages-index')), page(':channelId', () => import('@/features/messages/routes/channel'))],
              },
              page('/clients', () => import('@/features/clients/routes/clients')),
              page('/clients/:clientId', () => import('@/features/clients/routes/client-detail')),
              page('/projects', () => import('@/features/projects/routes/projects')),
              {
                path: '/projects/:projectId',
                lazy: async () => ({ Component: (await import('@/features/projects/routes/project-layout')).default }),
                errorElement: <RouteError />,
                children: [
                  page(undefined, () => import('@/features/projects/routes/project-overview')),
                  page('tasks', () => import('@/features/tasks/routes/project-tasks')),
                  page('updates', () => import('@/features/projects/routes/project-updates')),
                  page('files', () => import('@/features/projects/routes/project-files')),
                  page('time', () => import('@/features/time/routes/project-time')),
                ],
              },
              page('/estimates', () => import('@/features/estimates/routes/estimates')),
              page('/estimates/:estimateId', () => import('@/features/estimates/routes/estimate-detail')),
              page('/invoices', () => import('@/features/invoices/routes/invoices')),
              page('/invoices/new', () => import('@/features/invoices/routes/invoice-editor')),
              page('/invoices/:invoiceId', () => import('@/features/invoices/routes/invoice-detail')),
              page('/invoices/:invoiceId/edit', () => import('@/features/invoices/routes/invoice-editor')),
              page('/settings/invoicing', () => import('@/features/invoices/routes/invoicing-settings')),
              page('/reports', () => import('@/features/reports/routes/reports')),
              page('/reports/:reportId', () => import('@/features/reports/routes/report')),
              page('/settings/profile', () => import('@/features/profile/routes/profile-settings')),
              page('/settings/security', () => import('@/features/auth/routes/security-settings')),
              page('/settings/members', () => import('@/features/organizations/routes/members-settings')),
              page('/settings/organization', () => import('@/features/organizations/routes/organization-settings')),
              page('/settings/intake', () => import('@/features/clients/routes/intake-settings')),
              page('/settings/plan', () => import('@/features/billing/routes/plan-settings')),
              page('/tasks', () => import('@/features/tasks/routes/my-tasks')),
              page('/time', () => import('@/features/time/routes/timesheet')),
              page('/capacity', () => import('@/features/time/routes/capacity')),
              page('/crowd', () => import('@/features/crowd/routes/crowd')),
              page('/crowd/:crowdId', () => import('@/features/crowd/routes/crowd-project')),
            ],
          },
        ],
      },
      page('*', () => import('./routes/not-found')),
    ],
  },
]);
