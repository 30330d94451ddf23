import { format } from 'date-fns';
import { Badge } from '@/components/ui/badge';
import { formatHours } from '@/lib/duration';
import { parseISODate } from '@/lib/week';
import { capacityReason, type MemberWeeks } from '../capacity-rules';

const FLAG_BADGES = { over: { tone: 'danger', label: 'Over' }, under: { tone: 'warning', label: 'Under' }, ok: { tone: 'success', label: 'OK' } } as const;

/** The capacity numbers as a table: the charts' text alternative, and a view of its own. */
export function CapacityTable({ members, names, className = '' }: { members: MemberWeeks[]; names: Map<string, string>; className?: string }) {
  return (
    <div className={className}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Planned and tracked hours per member and week</caption>
        <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Member</th>
            <th scope="col" className="px-3 py-2 font-semibold">Week of</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Planned</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Tracked</th>
            <th scope="col" className="px-3 py-2 font-semibold">Load</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {members.flatMap((m) =>
            m.weeks.map((w, i) => (
              <tr key={`${m.userId}-${w.week}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={m.weeks.length} className="px-3 py-2 text-left align-top font-medium">
                    {names.get(m.userId) ?? 'Former member'}
                  </th>
                ) : null}
                <td className="whitespace-nowrap px-3 py-2">{format(parseISODate(w.week)!, 'MMM d, yyyy')}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatHours(w.planned)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatHours(w.actual)}</td>
                <td className="px-3 py-2">
                  <Badge tone={FLAG_BADGES[w.flag].tone}>{FLAG_BADGES[w.flag].label}</Badge>
                  {w.flag !== 'ok' && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{capacityReason(w)}</span>}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
