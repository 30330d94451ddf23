// Runs first: fills the throw-away stack with generated data (BENCH_SCALE, default large) so every
// later scenario measures a database of realistic size, and reports how long generating took.
import { generate, SCALES, type Scale } from '../generate.ts';
import type { Scenario } from '../types.ts';

const scenario: Scenario = {
  name: 'generate',
  description: 'reproducible data at the chosen scale through COPY (BENCH_SCALE=small|medium|large)',
  async run(env) {
    const scale = (process.env.BENCH_SCALE ?? 'large') as Scale;
    if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
    const report = await generate(env.dbUrl, scale);
    const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
    env.log(`${rows.toLocaleString('en-US')} rows in ${report.seconds.toFixed(1)} s; ${report.skipped.join('; ') || 'no table skipped'}`);
    return [
      {
        metric: `generate.${scale}.seconds`,
        label: `generate ${scale} scale`,
        value: report.seconds,
        unit: 's',
        details: { rows, ...report.rows, ...(report.skipped.length ? { skipped: report.skipped.map((s) => s.split(' ')[0]).join(' + ') } : {}) },
      },
    ];
  },
};

export default scenario;
