import { Check } from 'lucide-react';
import { format, parseISO } from 'date-fns';
import type { Milestone, MilestoneStatus } from '../milestones';
import { MARKER_STYLE, STATUS_LABEL } from './milestone-styles';
import { timelineLayout, type LabelAlign } from '../timeline';
import { useElementWidth } from '../hooks/use-element-width';
import { formatDay } from '../format';

const LABEL_STYLE: Record<MilestoneStatus, string> = {
  done: 'text-emerald-800 dark:text-emerald-300',
  overdue: 'text-red-700 dark:text-red-300',
  upcoming: 'text-slate-800 dark:text-slate-200',
  unscheduled: 'text-slate-600 dark:text-slate-400',
};

const LANE_HEIGHT = 36;

/** A label's width in pixels (it truncates beyond), plus a little air. */
const LABEL_PX = 144;
const ALIGN: Record<LabelAlign, string> = {
  start: 'translate-x-0 text-left',
  center: '-translate-x-1/2 text-center',
  end: '-translate-x-full text-right',
};

/**
 * A horizontal time axis from the project's start to its end with milestones as markers, a today
 * line and month ticks. Drawn with CSS; described as one image, and the milestone list next to it is
 * the same information as text.
 */
export function MilestoneTimeline({ startOn, endOn, today, milestones }: { startOn: string | null; endOn: string | null; today: string; milestones: Milestone[] }) {
  const [axisRef, axisWidth] = useElementWidth<HTMLDivElement>();
  const labelWidth = axisWidth > 0 ? Math.min(60, ((LABEL_PX + 8) / axisWidth) * 100) : 25;
  const layout = timelineLayout({ startOn, endOn, today, milestones, labelWidth });
  const lanes = Math.max(1, ...layout.markers.map((m) => m.lane + 1));
  const counts = layout.markers.reduce<Record<string, number>>((acc, m) => ((acc[m.status] = (acc[m.status] ?? 0) + 1), acc), {});
  const summary =
    `Timeline from ${formatDay(layout.from)} to ${formatDay(layout.to)}` +
    (layout.markers.length ? `: ${layout.markers.length} dated milestones, ${counts.done ?? 0} done, ${counts.overdue ?? 0} overdue, ${counts.upcoming ?? 0} upcoming.` : ': no dated milestones.') +
    (layout.todayPosition !== null ? ` Today is ${Math.round(layout.todayPosition)}% of the way.` : '');
  const axisTop = lanes * LANE_HEIGHT + 8;

  return (
    <figure className="mb-2">
      <div ref={axisRef} role="img" aria-label={summary} className="relative mx-2" style={{ height: axisTop + 44 }}>
        {/* Labels, one lane per row above the axis, with a stem down to their marker. */}
        {layout.markers.map((m) => {
          const top = (lanes - 1 - m.lane) * LANE_HEIGHT;
          return (
            <div key={m.milestone.key} className="absolute" style={{ left: `${m.position}%`, top }}>
              <div className={`absolute w-36 ${ALIGN[m.align]}`}>
                <p className={`truncate text-xs font-medium ${LABEL_STYLE[m.status]}`} title={m.milestone.title}>
                  {m.milestone.title}
                </p>
                <p className="text-[11px] text-slate-600 dark:text-slate-400">{format(parseISO(m.milestone.due_on!), 'MMM d')}</p>
              </div>
              <div className="absolute w-px bg-slate-300 dark:bg-slate-700" style={{ top: 30, height: axisTop - top - 30 }} />
            </div>
          );
        })}
        {/* The axis. */}
        <div className="absolute inset-x-0 h-1 rounded-full bg-slate-200 dark:bg-slate-700" style={{ top: axisTop - 2 }} />
        {layout.todayPosition !== null && (
          <div className="absolute bottom-0 top-0 w-0 border-l-2 border-dashed border-brand-500 dark:border-indigo-400" style={{ left: `${layout.todayPosition}%` }}>
            <span className="absolute -translate-x-1/2 rounded bg-brand-600 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-white dark:bg-indigo-400 dark:text-slate-950" style={{ top: axisTop + 27 }}>
              Today
            </span>
          </div>
        )}
        {layout.markers.map((m) => (
          <span
            key={m.milestone.key}
            className={`absolute flex size-4 -translate-x-1/2 items-center justify-center rounded-full border-2 ${MARKER_STYLE[m.status]} ${m.status === 'overdue' ? 'ring-2 ring-red-500/30' : ''}`}
            style={{ left: `${m.position}%`, top: axisTop - 8 }}
            title={`${m.milestone.title}: ${STATUS_LABEL[m.status]}`}
          >
            {m.status === 'done' && <Check className="size-2.5" strokeWidth={4} aria-hidden />}
          </span>
        ))}
        {/* Ticks below the axis. */}
        {layout.ticks.map((t) => (
          <div key={t.date} className="absolute" style={{ left: `${t.position}%`, top: axisTop + 4 }}>
            <div className="h-1.5 w-px bg-slate-400 dark:bg-slate-600" />
            <span className="absolute -translate-x-1/2 whitespace-nowrap text-[11px] text-slate-600 dark:text-slate-400">
              {format(parseISO(t.date), layout.days <= 62 ? 'MMM d' : 'MMM yyyy')}
            </span>
          </div>
        ))}
      </div>
      <figcaption className="mt-1 flex flex-wrap justify-between gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span>
          {formatDay(layout.from)} – {formatDay(layout.to)}
        </span>
        <span className="flex flex-wrap gap-3" aria-hidden>
          {(['done', 'overdue', 'upcoming'] as const).map((s) => (
            <span key={s} className="flex items-center gap-1">
              <span className={`inline-block size-2.5 rounded-full border-2 ${MARKER_STYLE[s]}`} /> {STATUS_LABEL[s]}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
