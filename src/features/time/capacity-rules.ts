// When a member's week is over- or under-booked, against a 40-hour working week.

export const WEEK_HOURS = 40;
/** Below this share of the working week planned, a member has room for more work. */
export const UNDER_SHARE = 0.5;

export type CapacityFlag = 'over' | 'under' | 'ok';

export interface WeekLoad {
  planned: number;
  actual: number;
}

/**
 * Over: more than 40 h planned, or more tracked than planned. Under: less than 50% of 40 h planned
 * (and not over). Otherwise ok.
 */
export function capacityFlag({ planned, actual }: WeekLoad): CapacityFlag {
  if (planned > WEEK_HOURS || actual > planned) return 'over';
  if (planned < WEEK_HOURS * UNDER_SHARE) return 'under';
  return 'ok';
}

/** Why a week is flagged, in words for the table and the chart's labels. */
export function capacityReason({ planned, actual }: WeekLoad): string | null {
  if (planned > WEEK_HOURS) return `${fmt(planned)} h planned, more than ${WEEK_HOURS} h`;
  if (actual > planned) return planned ? `${fmt(actual)} h tracked, ${fmt(planned)} h planned` : `${fmt(actual)} h tracked, none planned`;
  if (planned < WEEK_HOURS * UNDER_SHARE) return `only ${fmt(planned)} h planned, under ${fmt(WEEK_HOURS * UNDER_SHARE)} h`;
  return null;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export interface CapacityRow {
  user_id: string;
  week_start: string;
  planned_hours: number;
  actual_hours: number;
}

export interface MemberWeeks {
  userId: string;
  weeks: Array<{ week: string; planned: number; actual: number; flag: CapacityFlag }>;
  over: number;
  under: number;
}

/** capacity_overview rows (one per member and week) as one series per member, every week present. */
export function byMember(rows: readonly CapacityRow[], weeks: readonly string[]): MemberWeeks[] {
  const members = new Map<string, Map<string, CapacityRow>>();
  for (const row of rows) {
    if (!members.has(row.user_id)) members.set(row.user_id, new Map());
    members.get(row.user_id)!.set(row.week_start, row);
  }
  return [...members].map(([userId, byWeek]) => {
    const series = weeks.map((week) => {
      const load = { planned: Number(byWeek.get(week)?.planned_hours ?? 0), actual: Number(byWeek.get(week)?.actual_hours ?? 0) };
      return { week, ...load, flag: capacityFlag(load) };
    });
    return { userId, weeks: series, over: series.filter((w) => w.flag === 'over').length, under: series.filter((w) => w.flag === 'under').length };
  });
}

/** The top of a chart's scale: the 40 h line and the largest bar fit, rounded up to 8 h steps. */
export function chartMax(members: readonly MemberWeeks[]): number {
  const largest = Math.max(WEEK_HOURS, ...members.flatMap((m) => m.weeks.flatMap((w) => [w.planned, w.actual])));
  return Math.ceil((largest * 1.05) / 8) * 8;
}
