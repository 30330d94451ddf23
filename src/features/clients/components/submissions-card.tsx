import { formatDistanceToNow } from 'date-fns';
import { Inbox } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { RELATED_LIMIT, useClientSubmissions } from '../api/client-related';

/** Requests this client sent through the public intake form. */
export function SubmissionsCard({ organizationId, clientId }: { organizationId: string; clientId: string }) {
  const submissions = useClientSubmissions(organizationId, clientId);
  return (
    <Card title="Intake requests" description="What they asked for through your public intake form.">
      {submissions.isPending ? (
        <SkeletonRows rows={1} label="Loading intake requests" />
      ) : submissions.error ? (
        <Alert>The intake requests could not be loaded: {errorMessage(submissions.error)}</Alert>
      ) : submissions.data.submissions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None: this client did not come through the intake form.</p>
      ) : (
        <ul className="space-y-4">
          {submissions.data.submissions.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  <Inbox className="mr-1.5 inline size-4 text-slate-400" aria-hidden />
                  {s.name}
                  {s.company && <span className="font-normal text-slate-600 dark:text-slate-400"> · {s.company}</span>}
                </p>
                <time dateTime={s.created_at} className="text-xs text-slate-500 dark:text-slate-400" title={new Date(s.created_at).toLocaleString()}>
                  {formatDistanceToNow(new Date(s.created_at), { addSuffix: true })}
                </time>
              </div>
              <p className="mt-1 text-slate-600 dark:text-slate-400">
                <a href={`mailto:${s.email}`} className="hover:underline">{s.email}</a>
                {s.phone && ` · ${s.phone}`}
                {s.budget && ` · Budget: ${s.budget}`}
              </p>
              <p className="mt-2 whitespace-pre-line break-words">{s.message}</p>
            </li>
          ))}
        </ul>
      )}
      {submissions.data && submissions.data.total > RELATED_LIMIT && (
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">The latest {RELATED_LIMIT} of {submissions.data.total} requests.</p>
      )}
    </Card>
  );
}
