import { describe, expect, it } from 'vitest';
import { entryColumns, entrySchema, entryStart, entryTimes, parseRate, type EntryInput } from './schemas';

const valid: EntryInput = { project_id: 'p1', task_id: '', date: '2026-11-24', hours: '1', minutes: '30', billable: true, rate: '120', note: '' };

describe('entrySchema', () => {
  it('accepts a complete entry', () => {
    expect(entrySchema.safeParse(valid).success).toBe(true);
    expect(entrySchema.safeParse({ ...valid, rate: '95,50' }).success).toBe(true);
  });

  it('puts a bad duration on the hours field', () => {
    const result = entrySchema.safeParse({ ...valid, hours: '', minutes: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['hours'], message: 'Enter at least 1 minute' })]);
    expect(entrySchema.safeParse({ ...valid, hours: '25' }).error?.issues[0]?.message).toBe('An entry can be at most 24 hours');
  });

  it('needs a project, a day and a sensible rate', () => {
    expect(entrySchema.safeParse({ ...valid, project_id: '' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...valid, date: '24.11.2026' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...valid, rate: '-5' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...valid, rate: '12.345' }).success).toBe(false);
  });
});

describe('entry times', () => {
  it('starts a manual entry at 09:00 local on its day and ends it after the duration', () => {
    const start = entryStart('2026-11-24');
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2026, 10, 24, 9, 0]);
    const { started_at, ended_at } = entryTimes(start, 90);
    expect(new Date(ended_at).getTime() - new Date(started_at).getTime()).toBe(90 * 60_000);
  });

  it('keeps the time of day of an edited entry moved to another day', () => {
    const start = entryStart('2026-11-26', new Date(2026, 10, 24, 14, 35, 10));
    expect([start.getDate(), start.getHours(), start.getMinutes(), start.getSeconds()]).toEqual([26, 14, 35, 10]);
  });

  it('turns the form into columns', () => {
    expect(entryColumns({ ...valid, note: ' Workshop ', task_id: 't1', rate: '95,5' }, entryStart('2026-11-24'))).toEqual({
      task_id: 't1',
      started_at: entryStart('2026-11-24').toISOString(),
      ended_at: new Date(entryStart('2026-11-24').getTime() + 90 * 60_000).toISOString(),
      billable: true,
      hourly_rate: 95.5,
      note: 'Workshop',
    });
    expect(parseRate(' 120 ')).toBe(120);
  });
});
