import { Lock } from 'lucide-react';
import { Link } from 'react-router';

/** What a page shows to a member whose role does not reach it. */
export function Forbidden({ what }: { what: string }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <Lock className="size-8 text-slate-400" aria-hidden />
      <h1 className="mt-3 text-lg font-semibold">You do not have access to {what}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Ask an owner or admin of this organization if you need it.</p>
      <Link to="/" className="mt-4 text-sm text-brand-600 underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
