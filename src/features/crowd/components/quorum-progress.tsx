import { Avatar } from '@/components/ui/avatar';
import { ProgressBar } from '@/components/ui/progress-bar';

interface Props {
  joined: number;
  quorum: number;
  people?: ReadonlyArray<{ id: string; name: string; avatarUrl?: string | null }>;
  size?: 'sm' | 'md';
}

/** Progress to the quorum: a bar, "n of m joined", and (when known) the faces of those who joined. */
export function QuorumProgress({ joined, quorum, people, size = 'md' }: Props) {
  const reached = joined >= quorum;
  const shown = people?.slice(0, 8) ?? [];
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">
          {joined} of {quorum} joined
        </span>
        <span className="text-slate-600 dark:text-slate-400">{reached ? 'Quorum reached' : `${quorum - joined} more needed`}</span>
      </div>
      <ProgressBar
        label="Progress to the quorum"
        value={joined}
        max={quorum}
        valueText={`${joined} of ${quorum} people joined`}
        size={size}
        barClassName={reached ? 'bg-emerald-600 dark:bg-emerald-400' : undefined}
      />
      {shown.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="People who joined">
          {shown.map((p) => (
            <li key={p.id} title={p.name} className="rounded-full">
              <Avatar name={p.name} url={p.avatarUrl} size="sm" />
              <span className="sr-only">{p.name}</span>
            </li>
          ))}
          {people && people.length > shown.length && (
            <li className="inline-flex size-7 items-center justify-center rounded-full bg-slate-200 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">
              +{people.length - shown.length}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
