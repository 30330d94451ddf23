// The maths of the milestone timeline: a horizontal axis from the project's start to its end (widened
// to take in milestones outside it), milestones as markers placed in percent, labels spread over lanes
// so close ones do not overlap, a today line, and ticks at month (or week) starts. Pure; dates are
// ISO days (YYYY-MM-DD) read as UTC so time zones never shift a marker.
import { milestoneStatus, sortMilestones, type Milestone, type MilestoneStatus } from './milestones';

const DAY = 86_400_000;

export interface TimelineMarker {
  milestone: Milestone;
  status: MilestoneStatus;
  /** 0–100, from the left end of the axis. */
  position: number;
  /** 0-based label row, so labels that would overlap stack. */
  lane: number;
  /** How the label lines up with its marker. */
  align: LabelAlign;
}

export interface TimelineTick {
  date: string;
  position: number;
}

export interface TimelineLayout {
  from: string;
  to: string;
  days: number;
  /** Null when today is outside the axis. */
  todayPosition: number | null;
  markers: TimelineMarker[];
  ticks: TimelineTick[];
  /** Milestones without a due date: listed, not placed. */
  unscheduled: Milestone[];
}

export interface TimelineInput {
  startOn: string | null;
  endOn: string | null;
  today: string;
  milestones: readonly Milestone[];
  /** Width of a label in percent of the axis (it depends on how wide the axis is drawn). */
  labelWidth?: number;
  maxLanes?: number;
}

export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / DAY);
}

export function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Ticks at the first of each month, or at Mondays for short spans; at most about `max` of them. */
export function timelineTicks(from: number, to: number, max = 8): TimelineTick[] {
  const span = to - from;
  const dates: number[] = [];
  if (span <= 62) {
    // Mondays: 1970-01-01 (day 0) was a Thursday, so Mondays are days ≡ 4 (mod 7).
    let d = from + ((4 - (from % 7) + 7) % 7);
    for (; d <= to; d += 7) dates.push(d);
  } else {
    const start = new Date(from * DAY);
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
    for (;;) {
      const d = Math.round(Date.UTC(y, m, 1) / DAY);
      if (d > to) break;
      dates.push(d);
      m++;
      if (m === 12) {
        m = 0;
        y++;
      }
    }
  }
  const step = Math.max(1, Math.ceil(dates.length / max));
  return dates.filter((_, i) => i % step === 0).map((d) => ({ date: fromDay(d), position: span === 0 ? 0 : ((d - from) / span) * 100 }));
}

export type LabelAlign = 'start' | 'center' | 'end';

/**
 * Where a label of `width` percent sits for a marker at `position`: centred on it, or starting or
 * ending at it near the edges so it stays inside the axis.
 */
export function labelExtent(position: number, width: number): { start: number; end: number; align: LabelAlign } {
  if (position - width / 2 < 0) return { start: position, end: position + width, align: 'start' };
  if (position + width / 2 > 100) return { start: position - width, end: position, align: 'end' };
  return { start: position - width / 2, end: position + width / 2, align: 'center' };
}

/** Puts each label on the lowest lane where it does not overlap the previous one (positions ascending). */
export function assignLanes(extents: ReadonlyArray<{ start: number; end: number }>, maxLanes: number, gap = 1): number[] {
  const laneEnds: number[] = [];
  return extents.map(({ start, end }, i) => {
    let lane = laneEnds.findIndex((last) => start >= last + gap);
    if (lane === -1) lane = laneEnds.length < maxLanes ? laneEnds.length : i % maxLanes;
    laneEnds[lane] = end;
    return lane;
  });
}

export function timelineLayout({ startOn, endOn, today, milestones, labelWidth = 25, maxLanes = 3 }: TimelineInput): TimelineLayout {
  const sorted = sortMilestones(milestones);
  const dated = sorted.filter((m) => m.due_on);
  const unscheduled = sorted.filter((m) => !m.due_on);
  const todayDay = toDay(today);
  const dueDays = dated.map((m) => toDay(m.due_on!));
  const known = (days: Array<number | null>) => days.filter((d): d is number => d !== null);
  const low = known([startOn ? toDay(startOn) : null, ...dueDays]);
  const high = known([endOn ? toDay(endOn) : null, ...dueDays]);
  // Without a start, the axis starts at today (or the end, if that is earlier); likewise for the end.
  let from = low.length ? Math.min(...low) : Math.min(endOn ? toDay(endOn) : todayDay, todayDay);
  let to = high.length ? Math.max(...high) : Math.max(startOn ? toDay(startOn) : todayDay, todayDay);
  if (to - from < 14) {
    // A very short or one-day span: give it room so markers are not all at one edge.
    const pad = Math.ceil((14 - (to - from)) / 2);
    from -= pad;
    to += pad;
  }
  const span = to - from;
  const at = (day: number) => Math.min(100, Math.max(0, ((day - from) / span) * 100));
  const positions = dueDays.map(at);
  const extents = positions.map((p) => labelExtent(p, labelWidth));
  const lanes = assignLanes(extents, maxLanes);
  return {
    from: fromDay(from),
    to: fromDay(to),
    days: span,
    todayPosition: todayDay >= from && todayDay <= to ? at(todayDay) : null,
    markers: dated.map((m, i) => ({ milestone: m, status: milestoneStatus(m, today), position: positions[i]!, lane: lanes[i]!, align: extents[i]!.align })),
    ticks: timelineTicks(from, to),
    unscheduled,
  };
}
