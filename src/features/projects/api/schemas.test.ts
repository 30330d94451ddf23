import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT, milestoneFormSchema, newProjectSchema, projectDetailsSchema, toProjectForm, toProjectRow, updateBodySchema } from './schemas';

const valid = { ...EMPTY_PROJECT, client_id: 'c1', name: 'Website' };
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('newProjectSchema', () => {
  it('accepts a minimal project', () => {
    expect(newProjectSchema.safeParse(valid).success).toBe(true);
  });

  it('needs a client and a name', () => {
    expect(issues(newProjectSchema.safeParse({ ...EMPTY_PROJECT, name: '   ' }))).toMatchObject({ client_id: 'Choose the client', name: 'Give the project a name' });
  });

  it('checks amounts, dates and the checkpoint cadence', () => {
    const result = newProjectSchema.safeParse({
      ...valid,
      budget: '-5',
      hourly_rate: '12.345',
      start_on: '2026-05-10',
      end_on: '2026-05-01',
      checkpoint_every_days: '14',
    });
    expect(issues(result)).toEqual({
      budget: 'Use a positive number with at most 2 decimals',
      hourly_rate: 'Use a positive number with at most 2 decimals',
      end_on: 'The end cannot be before the start',
      next_checkpoint_on: 'Choose the date of the first checkpoint',
    });
    expect(issues(newProjectSchema.safeParse({ ...valid, checkpoint_every_days: '400', next_checkpoint_on: '2026-01-01' }))).toEqual({
      checkpoint_every_days: 'Use a whole number of days from 1 to 365',
    });
  });
});

describe('toProjectRow / toProjectForm', () => {
  it('turns empty inputs into nulls and numbers into numbers', () => {
    expect(toProjectRow({ ...valid, description: '  ', budget: '24000', budget_hours: '200.5', hourly_rate: '', start_on: '2026-01-01' })).toEqual({
      name: 'Website',
      description: null,
      status: 'planning',
      budget: 24000,
      budget_hours: 200.5,
      hourly_rate: null,
      start_on: '2026-01-01',
      end_on: null,
      checkpoint_every_days: null,
      next_checkpoint_on: null,
    });
  });

  it('drops the checkpoint date without a cadence, keeps it with one', () => {
    expect(toProjectRow({ ...valid, next_checkpoint_on: '2026-02-01' }).next_checkpoint_on).toBeNull();
    expect(toProjectRow({ ...valid, checkpoint_every_days: '7', next_checkpoint_on: '2026-02-01' })).toMatchObject({ checkpoint_every_days: 7, next_checkpoint_on: '2026-02-01' });
  });

  it('round-trips a stored project', () => {
    const stored = { name: 'A', description: null, status: 'active' as const, budget: 100, budget_hours: null, hourly_rate: 90, start_on: null, end_on: '2026-01-01', checkpoint_every_days: null, next_checkpoint_on: null };
    const form = toProjectForm(stored);
    expect(projectDetailsSchema.safeParse(form).success).toBe(true);
    expect(toProjectRow(form)).toEqual(stored);
  });
});

describe('small forms', () => {
  it('milestones need a title and take an optional date', () => {
    expect(milestoneFormSchema.safeParse({ title: 'Launch', due_on: '' }).success).toBe(true);
    expect(milestoneFormSchema.safeParse({ title: ' ', due_on: '' }).success).toBe(false);
    expect(milestoneFormSchema.safeParse({ title: 'Launch', due_on: 'soon' }).success).toBe(false);
  });

  it('updates need a body', () => {
    expect(updateBodySchema.safeParse({ body: 'Hello' }).success).toBe(true);
    expect(issues(updateBodySchema.safeParse({ body: '  ' }))).toEqual({ body: 'Write something first' });
  });
});
