import { createBrowserRouter } from 'react-router';
import { RouteError } from './route-error';
import { RequireSession } from './require-session';

// One lazily loaded module per route, so each page ships only its own code.
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/sign-in', lazy: async () => ({ Component: (await import('@/features/auth/routes/sign-in')).default }) },
      {
        element: <RequireSession />,
        children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/home')).default }) }],
      },
      { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found')).default }) },
    ],
  },
]);
