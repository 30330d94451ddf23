import { useEffect } from 'react';
import { format } from 'date-fns';
import { Markdown } from '@/lib/markdown';
import { formatPeriod } from '../periods';

export interface ReportDocumentProps {
  organizationName: string;
  title: string;
  body: string;
  periodStart: string;
  periodEnd: string;
  publishedAt?: string | null;
  publisherName?: string | null;
}

/** The report as a client reads it: typeset for the screen and for paper. */
export function ReportDocument({ organizationName, title, body, periodStart, periodEnd, publishedAt, publisherName }: ReportDocumentProps) {
  return (
    <article className="mx-auto max-w-3xl rounded-xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-12 sm:py-12 dark:border-slate-800 dark:bg-slate-900 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none">
      <p className="text-xs font-semibold uppercase tracking-widest text-brand-700 dark:text-indigo-300">{organizationName} · Progress report</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">{title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {formatPeriod(periodStart, periodEnd)}
        {publishedAt && <> · Published {format(new Date(publishedAt), 'MMMM d, yyyy')}</>}
        {publishedAt && publisherName && <> by {publisherName}</>}
      </p>
      <hr className="my-8 border-slate-200 dark:border-slate-800" />
      {body.trim() ? (
        <Markdown source={body} className="text-[15px] leading-7 text-slate-800 dark:text-slate-200 print:text-[11pt]" />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">This report has no text yet.</p>
      )}
    </article>
  );
}

// While printing: only the page's own content, on white, and the report's title as the file name
// a "save as PDF" suggests. The app shell (sidebar, top bar, toasts) is not part of the paper.
const PRINT_CSS = `@media print {
  @page { margin: 18mm 16mm; }
  html, body { background: #fff !important; }
  #root aside, #root header.sticky, #root [aria-live] { display: none !important; }
  #root main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
}`;

/** Renders the print stylesheet and prints in light colours whatever the theme. */
export function PrintSetup({ documentTitle }: { documentTitle: string }) {
  useEffect(() => {
    const root = document.documentElement;
    let wasDark = false;
    let previousTitle = document.title;
    const before = () => {
      wasDark = root.classList.contains('dark');
      root.classList.remove('dark');
      previousTitle = document.title;
      document.title = documentTitle;
    };
    const after = () => {
      if (wasDark) root.classList.add('dark');
      document.title = previousTitle;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [documentTitle]);
  return <style>{PRINT_CSS}</style>;
}
