import { describe, expect, it } from 'vitest';
import { newReportSchema, reportSchema } from './schemas';

const base = { client_id: 'c1', preset: 'custom', period_start: '2026-11-01', period_end: '2026-11-30' };
const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('newReportSchema', () => {
  it('accepts a client and a period in order', () => {
    expect(newReportSchema.safeParse(base).success).toBe(true);
    expect(newReportSchema.safeParse({ ...base, period_end: base.period_start }).success).toBe(true);
  });

  it('asks for a client and real dates', () => {
    expect(messages(newReportSchema.safeParse({ ...base, client_id: '' }))).toEqual(['client_id: Choose a client']);
    expect(messages(newReportSchema.safeParse({ ...base, period_start: '2026-02-30' }))).toEqual(['period_start: Enter the first day']);
    expect(newReportSchema.safeParse({ ...base, preset: 'fortnight' }).success).toBe(false);
  });

  it('refuses a period that ends before it starts or spans more than a year', () => {
    expect(messages(newReportSchema.safeParse({ ...base, period_end: '2026-10-31' }))).toEqual(['period_end: The period ends before it starts']);
    expect(messages(newReportSchema.safeParse({ ...base, period_start: '2025-11-01', period_end: '2026-11-02' }))).toEqual([
      'period_end: A report covers at most 366 days',
    ]);
    expect(newReportSchema.safeParse({ ...base, period_start: '2025-11-01', period_end: '2026-11-01' }).success).toBe(true);
  });
});

describe('reportSchema', () => {
  it('needs a title of at most 200 characters and trims it', () => {
    expect(reportSchema.parse({ title: '  Monthly report  ', body: '' })).toEqual({ title: 'Monthly report', body: '' });
    expect(messages(reportSchema.safeParse({ title: '   ', body: '' }))).toEqual(['title: Give the report a title']);
    expect(reportSchema.safeParse({ title: 'x'.repeat(201), body: '' }).success).toBe(false);
  });

  it('limits the body as the database does', () => {
    expect(reportSchema.safeParse({ title: 'A', body: 'x'.repeat(100_000) }).success).toBe(true);
    expect(reportSchema.safeParse({ title: 'A', body: 'x'.repeat(100_001) }).success).toBe(false);
  });
});
