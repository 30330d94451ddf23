// The stack's clock: the scheduler's notion of now, which `npm run stack -- clock <time>` moves so a
// test can make a daily job due. It decides only which jobs are due; times recorded in
// cron.job_run_details, now() inside jobs and everything else in the stack stay real.

export class StackClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Applies `reset`, an ISO time or a relative shift such as `+1h`, `-30m`, `+2d`, `+90s`. */
  set(spec: string): Date {
    this.offsetMs = parseClockSpec(spec, this.now(), this.realNow());
    return this.now();
  }
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The new offset from real time for a clock command; throws with a usable message when malformed. */
export function parseClockSpec(spec: string, current: Date, realNow: number): number {
  const s = spec.trim();
  if (s === 'reset') return 0;
  const relative = /^([+-])(\d+(?:\.\d+)?)([smhd])$/.exec(s);
  if (relative) {
    const delta = Number(relative[2]) * UNIT_MS[relative[3]!]! * (relative[1] === '-' ? -1 : 1);
    return current.getTime() + delta - realNow;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const at = Date.parse(s);
    if (!Number.isNaN(at)) return at - realNow;
  }
  throw new Error(`clock: expected an ISO time (2026-01-31T23:59:00Z), a shift (+1h, -30m, +2d, +90s) or "reset", got "${spec}"`);
}
