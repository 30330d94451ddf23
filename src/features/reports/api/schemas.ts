import * as z from 'zod/mini';
import { PERIOD_PRESETS } from '../periods';

/** The longest period a report may cover (the draft lists every update in it). */
export const MAX_PERIOD_DAYS = 366;

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export const newReportSchema = z
  .object({
    client_id: z.string().check(z.minLength(1, { error: 'Choose a client' })),
    preset: z.enum(PERIOD_PRESETS.map((p) => p.value) as [string, ...string[]]),
    period_start: z.iso.date({ error: 'Enter the first day' }),
    period_end: z.iso.date({ error: 'Enter the last day' }),
  })
  .check(
    z.refine((v) => v.period_end >= v.period_start, { error: 'The period ends before it starts', path: ['period_end'] }),
    z.refine((v) => v.period_end < v.period_start || dayNumber(v.period_end) - dayNumber(v.period_start) < MAX_PERIOD_DAYS, {
      error: `A report covers at most ${MAX_PERIOD_DAYS} days`,
      path: ['period_end'],
    }),
  );
export type NewReportInput = z.infer<typeof newReportSchema>;

/** What staff edit on a report; the database repeats both limits. */
export const reportSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, { error: 'Give the report a title' }), z.maxLength(200, { error: 'Use at most 200 characters' })),
  body: z.string().check(z.maxLength(100_000, { error: 'The report is too long (at most 100,000 characters)' })),
});
export type ReportInput = z.infer<typeof reportSchema>;
