import { describe, expect, it } from 'vitest';
import { askForWorkSchema, declineSchema, EMPTY_TASK, taskColumns, taskSchema } from './schemas';

describe('taskSchema', () => {
  it('needs a title and trims it', () => {
    expect(taskSchema.safeParse(EMPTY_TASK).success).toBe(false);
    const parsed = taskSchema.parse({ ...EMPTY_TASK, title: '  Homepage copy  ' });
    expect(parsed.title).toBe('Homepage copy');
  });

  it('refuses a malformed due date and an unknown status', () => {
    expect(taskSchema.safeParse({ ...EMPTY_TASK, title: 'x', due_on: '12/01/2026' }).success).toBe(false);
    expect(taskSchema.safeParse({ ...EMPTY_TASK, title: 'x', due_on: '2026-12-01' }).success).toBe(true);
    expect(taskSchema.safeParse({ ...EMPTY_TASK, title: 'x', status: 'blocked' }).success).toBe(false);
  });

  it('limits the title as the database does', () => {
    expect(taskSchema.safeParse({ ...EMPTY_TASK, title: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('taskColumns', () => {
  it('turns empty fields into nulls', () => {
    expect(taskColumns({ ...EMPTY_TASK, title: 'Brief', description: '  ' })).toEqual({
      title: 'Brief',
      description: null,
      status: 'todo',
      assignee_id: null,
      due_on: null,
      milestone_key: null,
      client_visible: false,
    });
  });
});

describe('askForWorkSchema and declineSchema', () => {
  it('ask for a few words at least', () => {
    expect(askForWorkSchema.safeParse({ title: 'ok', description: '' }).success).toBe(false);
    expect(askForWorkSchema.safeParse({ title: 'A store locator page', description: '' }).success).toBe(true);
    expect(declineSchema.safeParse({ reason: '   ' }).success).toBe(false);
    expect(declineSchema.safeParse({ reason: 'Out of scope for this phase.' }).success).toBe(true);
  });
});
