import { format } from 'date-fns';
import { parseISODate } from '@/lib/week';
import { WEEK_HOURS, type MemberWeeks } from '../capacity-rules';

const GROUP = 64;
const LEFT = 36;
const TOP = 12;
const PLOT = 132;
const BAR = 18;

const short = (week: string) => format(parseISODate(week)!, 'MMM d');

/**
 * Planned (indigo) and tracked (teal) hours per week for one member as SVG bars, with the 40 h line.
 * Over-booked weeks sit on a red band, under-booked ones on an amber band. The numbers are in the table
 * next to it, so the picture itself is one labelled image.
 */
export function CapacityChart({ member, name, max }: { member: MemberWeeks; name: string; max: number }) {
  const width = LEFT + member.weeks.length * GROUP + 8;
  const height = TOP + PLOT + 28;
  const y = (hours: number) => TOP + PLOT - (Math.min(hours, max) / max) * PLOT;
  const ticks = [0, WEEK_HOURS / 2, WEEK_HOURS, max].filter((t, i, all) => all.indexOf(t) === i && (t === max || max - t >= 6));
  const summary = `${name}: ${member.over} week${member.over === 1 ? '' : 's'} over capacity, ${member.under} under. The table has the hours.`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="h-auto w-full max-w-full overflow-visible text-slate-600 dark:text-slate-400">
      {member.weeks.map((w, i) =>
        w.flag === 'ok' ? null : (
          <rect
            key={`band-${w.week}`}
            x={LEFT + i * GROUP + 4}
            y={TOP}
            width={GROUP - 8}
            height={PLOT}
            rx={4}
            className={w.flag === 'over' ? 'fill-red-100 dark:fill-red-900/40' : 'fill-amber-100 dark:fill-amber-900/40'}
          />
        ),
      )}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={width - 8} y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-700" strokeWidth={1} />
          <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="fill-current text-[10px]">
            {t}
          </text>
        </g>
      ))}
      <line x1={LEFT} x2={width - 8} y1={y(WEEK_HOURS)} y2={y(WEEK_HOURS)} className="stroke-red-600 dark:stroke-red-400" strokeWidth={1.5} strokeDasharray="5 4" />
      {member.weeks.map((w, i) => {
        const x = LEFT + i * GROUP + (GROUP - 2 * BAR - 4) / 2;
        return (
          <g key={w.week}>
            <rect x={x} y={y(w.planned)} width={BAR} height={TOP + PLOT - y(w.planned)} rx={2} className="fill-indigo-500 dark:fill-indigo-400" />
            <rect x={x + BAR + 4} y={y(w.actual)} width={BAR} height={TOP + PLOT - y(w.actual)} rx={2} className="fill-teal-500 dark:fill-teal-400" />
            <text x={LEFT + i * GROUP + GROUP / 2} y={TOP + PLOT + 18} textAnchor="middle" className="fill-current text-[10px]">
              {short(w.week)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ChartLegend() {
  const item = (swatch: string, label: string) => (
    <li className="flex items-center gap-1.5">
      <span className={`inline-block size-3 rounded-sm ${swatch}`} aria-hidden />
      {label}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {item('bg-indigo-500 dark:bg-indigo-400', 'Planned')}
      {item('bg-teal-500 dark:bg-teal-400', 'Tracked')}
      <li className="flex items-center gap-1.5">
        <span className="inline-block w-4 border-t-2 border-dashed border-red-600 dark:border-red-400" aria-hidden />
        {WEEK_HOURS} h week
      </li>
      {item('bg-red-100 dark:bg-red-900/40 border border-red-300 dark:border-red-800', `Over: more than ${WEEK_HOURS} h planned, or more tracked than planned`)}
      {item('bg-amber-100 dark:bg-amber-900/40 border border-amber-300 dark:border-amber-800', `Under: less than ${WEEK_HOURS / 2} h (50%) planned`)}
    </ul>
  );
}
