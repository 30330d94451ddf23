import { Link } from 'react-router';

export default function NotFoundRoute() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">The address may be mistyped, or the page has moved.</p>
      <Link className="text-sm text-brand-600 underline" to="/">
        Go to the dashboard
      </Link>
    </main>
  );
}
