// The contract between `npm run bench` (bench/run.ts) and each scenario in bench/scenarios/<name>.ts.

export interface BenchEnv {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Directory of the stack's data (storage files etc.). */
  dataDir: string;
  /** Progress lines for the person watching. */
  log: (line: string) => void;
}

export interface Target {
  /** How the measured value must compare with `value` to pass. */
  op: '<=' | '<' | '>=' | '>';
  value: number;
  /** Where the target comes from, e.g. "issue 4: REST/direct p50 ratio". */
  source: string;
}

export interface BenchResult {
  /** Stable id, e.g. `rest.list50.p50_ratio`. */
  metric: string;
  /** Human label for the summary table. */
  label: string;
  value: number;
  unit: string;
  target?: Target;
  /** Supporting figures (medians, p95s, counts) shown beside the value. */
  details?: Record<string, number | string>;
}

export interface Scenario {
  name: string;
  description: string;
  run(env: BenchEnv): Promise<BenchResult[]>;
}

/** Percentile (nearest-rank) of a list of numbers; 0.5 is the median. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

export function passes(result: BenchResult): boolean | null {
  if (!result.target) return null;
  const { op, value } = result.target;
  const v = result.value;
  return op === '<=' ? v <= value : op === '<' ? v < value : op === '>=' ? v >= value : v > value;
}
