import { useState } from 'react';
import { useParams } from 'react-router';
import { CircleCheck, FileQuestion, Sparkles } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { usePublicIntakeForm } from '../api/public-intake';
import { PublicIntakeForm } from '../components/public-intake-form';

/**
 * /intake/:orgSlug — the public request form of an organization, for visitors who are not signed in.
 * It loads no auth client and no app shell: only this page and lib/public-api.
 */
export default function PublicIntakeRoute() {
  const { orgSlug = '' } = useParams();
  const intake = usePublicIntakeForm(orgSlug);
  const [sent, setSent] = useState(false);

  let content: React.ReactNode;
  if (intake.isPending) {
    content = (
      <div role="status" aria-label="Loading the form" className="space-y-4">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-9 w-3/4" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  } else if (intake.error) {
    content = (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">This page could not be loaded</h1>
        <div className="mt-4">
          <Alert>{errorMessage(intake.error)}</Alert>
        </div>
      </>
    );
  } else if (!intake.data) {
    content = (
      <div className="py-6 text-center">
        <title>Form not available</title>
        <FileQuestion className="mx-auto size-10 text-slate-400" aria-hidden />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">This form is not available</h1>
        <p className="mx-auto mt-2 max-w-md text-slate-600 dark:text-slate-400">
          There is no request form at this address, or the studio is not taking requests online right now. Check the link, or contact them directly.
        </p>
      </div>
    );
  } else if (sent) {
    content = (
      <div className="py-6 text-center" role="status">
        <title>{`Request sent · ${intake.data.organization_name}`}</title>
        <CircleCheck className="mx-auto size-12 text-emerald-500" aria-hidden />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">Request sent</h1>
        <p className="mx-auto mt-2 max-w-md whitespace-pre-line text-slate-600 dark:text-slate-300">
          {intake.data.thank_you || `Thank you. ${intake.data.organization_name} will get back to you soon.`}
        </p>
      </div>
    );
  } else {
    const f = intake.data;
    content = (
      <>
        <title>{`${f.title} · ${f.organization_name}`}</title>
        <p className="inline-flex items-center gap-1.5 rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700 dark:bg-brand-700/30 dark:text-indigo-200">
          <Sparkles className="size-3.5" aria-hidden /> {f.organization_name}
        </p>
        <h1 className="mt-4 text-3xl font-semibold tracking-tight">{f.title}</h1>
        {f.intro && <p className="mt-3 whitespace-pre-line text-slate-600 dark:text-slate-300">{f.intro}</p>}
        <div className="mt-8">
          <PublicIntakeForm slug={orgSlug} askBudget={f.ask_budget} onSent={() => setSent(true)} />
        </div>
      </>
    );
  }

  return (
    <div className="relative min-h-screen bg-gradient-to-b from-indigo-50 via-white to-white px-4 py-12 sm:py-20 dark:from-indigo-950/40 dark:via-slate-950 dark:to-slate-950">
      <main className="mx-auto w-full max-w-2xl rounded-2xl border border-slate-200 bg-white p-6 shadow-lg shadow-indigo-100/50 sm:p-10 dark:border-slate-800 dark:bg-slate-900 dark:shadow-none">
        {content}
      </main>
      <footer className="mt-6 text-center text-xs text-slate-500 dark:text-slate-400">
        Your details are only shared with the studio you are writing to.
      </footer>
    </div>
  );
}
