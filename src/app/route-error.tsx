import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Error boundary for a route: says what failed and offers a way on. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const detail = isRouteErrorResponse(error) ? error.statusText : error instanceof Error ? error.message : String(error);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{notFound ? 'Page not found' : 'This page failed to load'}</h1>
      <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
        {notFound ? 'The address may be mistyped, or the page has moved.' : detail}
      </p>
      <div className="flex gap-3 text-sm">
        {!notFound && (
          <button className="text-brand-600 underline" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
        <Link className="text-brand-600 underline" to="/">
          Go to the dashboard
        </Link>
      </div>
    </main>
  );
}
