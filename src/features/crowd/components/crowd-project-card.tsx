import { Link } from 'react-router';
import { CalendarClock, Wallet } from 'lucide-react';
import type { CrowdProjectSummary } from '../api/list-crowd-projects';
import { formatMoney } from '../api/money';
import { deadlineText, plainText } from '../api/schemas';
import { CrowdStatusBadge } from './crowd-status-badge';
import { QuorumProgress } from './quorum-progress';

export function CrowdProjectCard({ project, note }: { project: CrowdProjectSummary; note?: string }) {
  return (
    <li className="relative flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-brand-500 hover:border-brand-500 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold">
          {/* The whole card is the link's target area. */}
          <Link to={`/crowd/${project.id}`} className="after:absolute after:inset-0 focus:outline-none">
            {project.title}
          </Link>
        </h3>
        <CrowdStatusBadge status={project.status} />
      </div>
      {project.description && <p className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{plainText(project.description)}</p>}
      <div className="mt-auto space-y-3">
        <QuorumProgress joined={project.joined_count} quorum={project.quorum} size="sm" />
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
          <div className="flex items-center gap-1.5">
            <dt>
              <Wallet className="size-4" aria-hidden />
              <span className="sr-only">Target budget</span>
            </dt>
            <dd>{formatMoney(project.target_budget, project.currency)}</dd>
          </div>
          {project.status === 'open' && (
            <div className="flex items-center gap-1.5">
              <dt>
                <CalendarClock className="size-4" aria-hidden />
                <span className="sr-only">Deadline</span>
              </dt>
              <dd>{deadlineText(project.deadline)}</dd>
            </div>
          )}
        </dl>
        {note && <p className="text-sm font-medium text-brand-700 dark:text-indigo-300">{note}</p>}
      </div>
    </li>
  );
}
